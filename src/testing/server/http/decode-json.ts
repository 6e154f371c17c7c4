import { isJsonObject, type JsonObject, setOwn } from '../patch/json-value.ts';
import { goJsonSyntaxError } from '../go/go-json-error.ts';
import { maxNestingDepth } from './nesting-limit.ts';

/** A body decoded, or Go's error for it. */
export type Decoded = { readonly value: unknown } | { readonly error: string };

/**
 * Parses a JSON body as kube-apiserver's decoder reads it: `error` is Go's message for
 * invalid JSON or for JSON nested too deep (`invalid character '[' exceeded max depth`),
 * the embedded server's lower limit included (see nesting-limit.ts).
 */
export function decodeJson(text: string): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: goJsonSyntaxError(text) ?? 'invalid JSON' };
  }
  if (bracketsExceed(text, maxNestingDepth)) {
    const error = goJsonSyntaxError(text, maxNestingDepth);
    if (error !== undefined) return { error };
  }
  // Go decodes the escape of a lone surrogate (`\ud800`) as U+FFFD; JSON.parse keeps it.
  return { value: /\\u[dD][89a-fA-F]/.test(text) ? wellFormed(value) : value };
}

/** `value` with every lone surrogate, in strings and keys, replaced by U+FFFD. */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormed);
  if (!isJsonObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) setOwn(copy, key.toWellFormed(), wellFormed(item));
  return copy;
}

/** Whether `text` holds more than `count` opening brackets: only then can it nest that deep. */
function bracketsExceed(text: string, count: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code === 0x5b || code === 0x7b) && ++seen > count) return true;
  }
  return false;
}
