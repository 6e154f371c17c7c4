// The label selector grammar of apimachinery (labels.Parse), with one token of lookahead,
// and the checks of its NewRequirement, each error worded as Go words it.

import { byCodePoint } from './code-point-order.ts';
import { goQuote } from '../go/go-quote.ts';
import { lex, type Token, type TokenKind } from './label-lexer.ts';
import { labelKeyErrors, labelValueErrors } from '../../../core/names.ts';
import { SelectorError } from './selector-error.ts';

/** A requirement's operator; `exists` is a bare key, `!` a negated one. */
export type Operator = 'exists' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | '>' | '<';

/** One comma-separated part of a label selector. */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** Go's `strconv.ParseInt(text, 10, 64)`: an optional sign, decimal digits, in range. */
export function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const n = BigInt(text);
  return n < int64.min || n > int64.max ? undefined : n;
}

/** The requirements of `selector`, in order. @throws {SelectorError} */
export function parseRequirements(selector: string): Requirement[] {
  return new Parser(lex(selector)).parse();
}

const binaryOperators = 'in, notin, =, ==, !=, gt, lt';

class Parser {
  readonly #tokens: Token[];
  #position = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const first = this.#peek();
      if (first.kind === 'end') return requirements;
      if (!isRequirementStart(first)) {
        throw new SelectorError(`found '${first.text}', expected: !, identifier, or 'end of string'`);
      }
      requirements.push(this.#requirement());
      const after = this.#next();
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',') throw new SelectorError(`found '${after.text}', expected: ',' or 'end of string'`);
      const following = this.#peek();
      if (!isRequirementStart(following)) {
        throw new SelectorError(`found '${following.text}', expected: identifier after ','`);
      }
    }
  }

  /** Where a requirement goes wrong the server says so, after a common prefix. */
  #requirement(): Requirement {
    try {
      return this.#parseRequirement();
    } catch (error) {
      if (error instanceof SelectorError) throw new SelectorError(`unable to parse requirement: ${error.message}`);
      throw error;
    }
  }

  #parseRequirement(): Requirement {
    let token = this.#next();
    const negated = token.kind === '!';
    if (negated) token = this.#next();
    if (!isIdentifier(token)) throw new SelectorError(`found '${token.text}', expected: identifier`);
    const key = token.text;
    const keyErrors = labelKeyErrors(key);
    if (keyErrors.length > 0) throw new SelectorError(`<nil>: Invalid value: ${goQuote(key)}: ${keyErrors.join('; ')}`);
    // "!key" stands alone even when an operator follows: that operator is then a syntax error.
    if (negated) return { key, operator: '!', values: [] };
    const next = this.#peek().kind;
    if (next === 'end' || next === ',') return { key, operator: 'exists', values: [] };
    const operator = this.#operator();
    const values = operator === 'in' || operator === 'notin' ? this.#valueSet() : [this.#exactValue()];
    return validated({ key, operator, values: [...new Set(values)].sort(byCodePoint) });
  }

  #operator(): Operator {
    const token = this.#next();
    const operators: readonly TokenKind[] = ['in', 'notin', '=', '==', '!=', '>', '<'];
    if (operators.includes(token.kind)) return token.kind as Operator;
    throw new SelectorError(`found '${token.text}', expected: ${binaryOperators}`);
  }

  #exactValue(): string {
    const ahead = this.#peek();
    if (ahead.kind === 'end' || ahead.kind === ',') return '';
    const token = this.#next();
    if (isIdentifier(token)) return token.text;
    throw new SelectorError(`found '${token.text}', expected: identifier`);
  }

  /** `( v1, v2 )`; empty entries stand for the empty value, so `()` is `("")`. */
  #valueSet(): string[] {
    const open = this.#next();
    if (open.kind !== '(') throw new SelectorError(`found '${open.text}' expected: '('`);
    const first = this.#peek();
    if (first.kind === ')') {
      this.#next();
      return [''];
    }
    if (!isIdentifier(first) && first.kind !== ',') {
      throw new SelectorError(`found '${first.text}', expected: ',', ')' or identifier`);
    }
    const values: string[] = [];
    for (;;) {
      const token = this.#next();
      if (isIdentifier(token)) {
        values.push(token.text);
        const ahead = this.#peek();
        if (ahead.kind === ')') break;
        if (ahead.kind !== ',') throw new SelectorError(`found '${ahead.text}', expected: ',' or ')'`);
      } else if (token.kind === ',') {
        // A comma first, last or doubled has an empty value beside it.
        if (values.length === 0) values.push('');
        const ahead = this.#peek().kind;
        if (ahead === ',' || ahead === ')') values.push('');
        if (ahead === ')') break;
      } else {
        throw new SelectorError(`found '${token.text}', expected: ',', or identifier`);
      }
    }
    this.#next();
    return values;
  }

  #peek(): Token {
    return this.#tokens[this.#position] ?? endToken;
  }

  #next(): Token {
    const token = this.#peek();
    if (this.#position < this.#tokens.length - 1) this.#position++;
    return token;
  }
}

const endToken: Token = { kind: 'end', text: '' };

// Where a key or value is expected, "in" and "notin" are plain words.
const isIdentifier = (token: Token) => token.kind === 'identifier' || token.kind === 'in' || token.kind === 'notin';
const isRequirementStart = (token: Token) => isIdentifier(token) || token.kind === '!';

/**
 * apimachinery's `NewRequirement` checks on the (sorted, deduplicated) values; every
 * failure is reported, as a Go aggregate: one message alone, several in brackets.
 */
function validated(requirement: Requirement): Requirement {
  const { key, operator, values } = requirement;
  const errors: string[] = [];
  if (operator === '>' || operator === '<') {
    values.forEach((value, i) => {
      if (parseInt64(value) === undefined) {
        errors.push(
          `values[${String(i)}]: Invalid value: ${goQuote(value)}: for 'Gt', 'Lt' operators, the value must be an integer`,
        );
      }
    });
  }
  values.forEach((value, i) => {
    const valueErrors = labelValueErrors(value);
    if (valueErrors.length > 0) {
      errors.push(`values[${String(i)}][${key}]: Invalid value: ${goQuote(value)}: ${valueErrors.join('; ')}`);
    }
  });
  const unique = [...new Set(errors)];
  if (unique.length === 1) throw new SelectorError(unique[0]);
  if (unique.length > 1) throw new SelectorError(`[${unique.join(', ')}]`);
  return requirement;
}
