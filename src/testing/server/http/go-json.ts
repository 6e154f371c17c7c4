/**
 * JSON text as Go's encoding/json Encoder writes it, which is how kube-apiserver writes
 * every JSON body: `<`, `>`, `&`, U+2028 and U+2029 escaped as \u003c and the like (safe
 * to embed in HTML), and a newline after the value. These characters can only occur
 * inside JSON strings, so escaping them in the finished text is exact.
 */
export function goJson(value: unknown): string {
  return `${goEscape(JSON.stringify(value))}\n`;
}

const escapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Go's HTML-safe escaping of a JSON text. */
export function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (character) => escapes[character] ?? character);
}
