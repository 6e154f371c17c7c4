import { goEncode } from './go-encode.ts';

export { goEscape } from './go-encode.ts';

/**
 * JSON text as Go's encoding/json Encoder writes it, which is how kube-apiserver writes
 * every JSON body: keys in Go's order (go-encode.ts), `<`, `>`, `&`, U+2028 and U+2029 escaped as \u003c and the like (safe
 * to embed in HTML), and a newline after the value. These characters can only occur
 * inside JSON strings, so escaping them in the finished text is exact.
 */
export function goJson(value: unknown): string {
  return `${goEncode(value)}\n`;
}
