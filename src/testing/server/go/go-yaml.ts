import { goYamlReadsJsonString, GoYamlError, refuseControlCharacters } from './go-yaml-json-string.ts';
import { goYamlKeyOrder } from './go-yaml-key-order.ts';
import { goYamlNumber } from './go-yaml-number.ts';
import { isMultiline, stringStyle } from './go-yaml-scalar-style.ts';
import { writeScalar } from './go-yaml-scalar-write.ts';
import { YamlWriter } from './go-yaml-writer.ts';

export { GoYamlError } from './go-yaml-json-string.ts';

/**
 * `value` as YAML, byte for byte as kube-apiserver writes it for `Accept: application/yaml`:
 * sigs.k8s.io/yaml v1.6.0's JSONToYAML of encoding/json's text, which go-yaml v2 (v2.4.3)
 * reads and writes again. Block style with keys sorted go-yaml's way, sequences in a
 * mapping not indented, `{}` and `[]` when empty; strings plain when they read back as
 * strings, else quoted; `|` for multi-line strings; long lines wrapped after column 80.
 *
 * `value` is taken as JSON.stringify sees it. Throws GoYamlError for the few strings that
 * make JSONToYAML fail (see go-yaml-json-string.ts).
 */
export function toGoYaml(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined; // undefined for undefined, functions, symbols
  if (json === undefined) throw new TypeError(`toGoYaml: ${typeof value} has no JSON form`);
  refuseControlCharacters(json);
  const w = new YamlWriter();
  writeNode(w, JSON.parse(json), { parentIndent: -1, inMapping: false, simpleKey: false });
  w.indent(0); // the document's end: a final line break unless the last line is empty
  return w.text();
}

/** Where a node goes: its parent's indentation (-1 at the root) and its context. */
interface Place {
  parentIndent: number;
  inMapping: boolean;
  simpleKey: boolean;
}

function writeNode(w: YamlWriter, value: unknown, place: Place): void {
  if (Array.isArray(value)) writeSequence(w, value, place);
  else if (value !== null && typeof value === 'object') writeMapping(w, value as Record<string, unknown>, place);
  else if (typeof value === 'string') writeString(w, goYamlReadsJsonString(value), place);
  else {
    const text = typeof value === 'number' ? goYamlNumber(value) : String(value); // true, false, null
    writeScalar(w, Array.from(text), 'plain', scalarIndent(place), !place.simpleKey);
  }
}

/** A scalar's continuation lines are indented one step past its parent (2 at the root). */
const scalarIndent = (place: Place) => (place.parentIndent < 0 ? 2 : place.parentIndent + 2);

function writeString(w: YamlWriter, text: string, place: Place): void {
  const chars = Array.from(text); // go-yaml works on code points
  writeScalar(w, chars, stringStyle(chars, place.simpleKey), scalarIndent(place), !place.simpleKey);
}

function writeEmpty(w: YamlWriter, open: string, close: string): void {
  w.indicator(open, { spaceBefore: true, isWhitespace: true, isIndention: false });
  w.indicator(close, { spaceBefore: false, isWhitespace: false, isIndention: false });
}

function writeSequence(w: YamlWriter, items: readonly unknown[], place: Place): void {
  if (items.length === 0) {
    writeEmpty(w, '[', ']');
    return;
  }
  // A sequence that is a mapping's value right after `key:` stays at the key's column.
  const indentless = place.inMapping && !w.indention;
  const indent = place.parentIndent < 0 ? 0 : place.parentIndent + (indentless ? 0 : 2);
  for (const item of items) {
    w.indent(indent);
    w.indicator('-', { spaceBefore: true, isWhitespace: false, isIndention: true });
    writeNode(w, item, { parentIndent: indent, inMapping: false, simpleKey: false });
  }
}

function writeMapping(w: YamlWriter, mapping: Record<string, unknown>, place: Place): void {
  const entries = Object.entries(mapping).map(([key, value]) => [goYamlReadsKey(key), value] as const);
  if (entries.length === 0) {
    writeEmpty(w, '{', '}');
    return;
  }
  entries.sort(([a], [b]) => goYamlKeyOrder(a, b));
  const indent = place.parentIndent < 0 ? 0 : place.parentIndent + 2;
  for (const [key, value] of entries) {
    w.indent(indent);
    writeKey(w, key, indent);
    writeNode(w, value, { parentIndent: indent, inMapping: true, simpleKey: false });
  }
}

const utf8 = new TextEncoder();

/**
 * `key:` for a simple key (one line, at most 128 bytes); otherwise go-yaml's complex key,
 * `? key` and `:` on the next line.
 */
function writeKey(w: YamlWriter, key: string, indent: number): void {
  const simple = !isMultiline(Array.from(key)) && utf8.encode(key).length <= 128;
  if (simple) {
    writeString(w, key, { parentIndent: indent, inMapping: true, simpleKey: true });
    w.indicator(':', { spaceBefore: false, isWhitespace: false, isIndention: false });
    return;
  }
  w.indicator('?', { spaceBefore: true, isWhitespace: false, isIndention: true });
  writeString(w, key, { parentIndent: indent, inMapping: true, simpleKey: false });
  w.indent(indent);
  w.indicator(':', { spaceBefore: true, isWhitespace: false, isIndention: true });
}

/** A key is read like any JSON string, except that a NEL in it fails (a key is one line). */
function goYamlReadsKey(key: string): string {
  if (key.includes('\u0085')) throw new GoYamlError("yaml: did not find expected ',' or '}'");
  return goYamlReadsJsonString(key);
}
