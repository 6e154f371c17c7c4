import { goEncode } from './go-encode.ts';

/**
 * JSON text as Go's encoding/json Encoder writes it, which is how kube-apiserver writes
 * every JSON body: keys in Go's order (go-encode.ts), `<`, `>`, `&`, U+2028 and U+2029 escaped as \u003c and the like (safe
 * to embed in HTML), and a newline after the value. These characters can only occur
 * inside JSON strings, so escaping them in the finished text is exact.
 */
export function goJson(value: unknown): string {
  return `${goEncode(value)}\n`;
}

/**
 * JSON text as Go's json.MarshalIndent writes it with two spaces (what kube-apiserver
 * answers to `?pretty=true`, to curl and browsers, and for errors it cannot negotiate):
 * the compact text with Go's key order, re-indented as Go's json.Indent does, no newline
 * at the end.
 */
export function goJsonIndented(value: unknown): string {
  return indent(goEncode(value), '  ');
}

function indent(compact: string, unit: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = () => `\n${unit.repeat(depth)}`;
  for (let i = 0; i < compact.length; i++) {
    const character = compact.charAt(i);
    if (inString) {
      out += character;
      if (character === '\\') out += compact.charAt(++i);
      else if (character === '"') inString = false;
      continue;
    }
    if (character === '"') inString = true;
    if ((character === '{' || character === '[') && '}]'.includes(compact.charAt(i + 1))) {
      out += character + compact.charAt(++i); // Go keeps an empty object or array on one line
    } else if (character === '{' || character === '[') {
      depth++;
      out += character + newline();
    } else if (character === '}' || character === ']') {
      depth--;
      out += newline() + character;
    } else if (character === ',') out += character + newline();
    else if (character === ':') out += ': ';
    else out += character;
  }
  return out;
}
