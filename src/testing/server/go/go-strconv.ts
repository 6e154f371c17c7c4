// kube-apiserver parses integer query parameters and preconditions with Go's strconv, and
// passes its errors on: `strconv.ParseInt: parsing "x": invalid syntax` or `value out of range`.
import { goQuote } from './go-quote.ts';

/**
 * Go's error for `strconv.ParseInt(text, 10, 64)` or `strconv.ParseUint(text, 10, 64)`,
 * or undefined when it parses: `strconv.ParseUint: parsing "abc": invalid syntax`.
 */
export function goParseError(parse: 'ParseInt' | 'ParseUint', text: string): string | undefined {
  const signed = parse === 'ParseInt';
  const syntax = signed ? /^[+-]?[0-9]+$/ : /^[0-9]+$/;
  const fail = (reason: string) => `strconv.${parse}: parsing ${goQuote(text)}: ${reason}`;
  if (!syntax.test(text)) return fail('invalid syntax');
  const value = BigInt(text);
  const inRange = signed ? value >= -(2n ** 63n) && value < 2n ** 63n : value < 2n ** 64n;
  return inRange ? undefined : fail('value out of range');
}
