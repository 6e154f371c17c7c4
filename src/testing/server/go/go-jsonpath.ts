// client-go's JSONPath evaluation (FindResults with missing keys allowed, and PrintResults
// of one value) over a JSON object as kube-apiserver holds a custom resource: maps,
// slices, strings, bools, int64 for integers and float64 for other numbers.
import { goFormat, goJson } from './go-text.ts';
import type { ListNode, PathNode, SliceBound } from './go-jsonpath-parse.ts';

export { parseJsonPath, type PathNode } from './go-jsonpath-parse.ts';

/** A float literal in a filter (`1.0`), a float64 even when whole, unlike JSON data here. */
class FloatLiteral {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

type Json = Record<string, unknown>;
const isMap = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof FloatLiteral);

/** The values each top-level node finds in `data`; throws where client-go returns an error. */
export function findResults(nodes: readonly PathNode[], data: unknown): unknown[][] {
  return nodes.map((node) => walk([data], node).map((value) => (value instanceof FloatLiteral ? value.value : value)));
}

/** PrintResults of one value: JSON for maps and slices, Go's %v for the rest. */
export function printResult(value: unknown): string {
  if (value === null || value === undefined) return '<no value>';
  return typeof value === 'object' ? goJson(value, () => true) : goFormat(value);
}

function walk(input: readonly unknown[], node: PathNode): unknown[] {
  switch (node.type) {
    case 'list':
      return node.nodes.reduce<unknown[]>((values, next) => walk(values, next), [...input]);
    case 'text':
      return [node.text];
    case 'field':
      return input.flatMap((value) => (isMap(value) && Object.hasOwn(value, node.name) ? [value[node.name]] : []));
    case 'array':
      return slice(input, node.bounds);
    case 'filter':
      return filter(input, node);
    case 'int':
    case 'bool':
      return input.map(() => node.value);
    case 'float':
      return input.map(() => new FloatLiteral(node.value));
    case 'wildcard':
      return input.flatMap(children);
    case 'recursive':
      return descend(input);
    case 'union':
      return node.lists.flatMap((list) => walk(input, list));
    case 'identifier':
      throw new Error(`unrecognized identifier ${node.name}`);
  }
}

function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...new TextEncoder().encode(value)];
  return isMap(value) ? Object.values(value) : [];
}

/** `..`: every map or slice under each value, depth first, each before what it holds. */
function descend(input: readonly unknown[]): unknown[] {
  return input.flatMap((value) => {
    const held = children(value);
    return held.length === 0 ? [] : [value, ...descend(held)];
  });
}

function slice(input: readonly unknown[], bounds: readonly [SliceBound, SliceBound, SliceBound]): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    if (value === null || value === undefined) continue;
    if (!Array.isArray(value)) throw new Error('not an array or slice');
    const length = value.length;
    const [from, to, every] = bounds;
    let start = from.known ? from.value : 0;
    if (start < 0) start += length;
    let end = to.known ? to.value : length;
    if (end < 0 || (end === 0 && to.derived)) end += length;
    if (start === end) return result; // client-go stops at the first empty slice
    if (start >= length || start < 0 || end > length || end < 0) throw new Error('array index out of bounds');
    if (start > end) throw new Error(`starting index ${String(start)} is greater than ending index ${String(end)}`);
    const step = every.known ? every.value : 1;
    if (step <= 0) throw new Error('step must be > 0');
    for (let i = start; i < end; i += step) result.push(value[i]);
  }
  return result;
}

function filter(input: readonly unknown[], node: Extract<PathNode, { type: 'filter' }>): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    if (!Array.isArray(value)) throw new Error('not an array or slice and cannot be filtered');
    for (const item of value) {
      if (node.operator === 'exists') {
        if (foundAny(item, node.left)) result.push(item);
        continue;
      }
      const left = single(walk([item], node.left));
      if (left.length === 0) continue;
      const right = single(walk([item], node.right));
      if (right.length === 0) continue;
      if (compare(left[0], node.operator, right[0])) result.push(item);
    }
  }
  return result;
}

function foundAny(item: unknown, path: ListNode): boolean {
  try {
    return walk([item], path).length > 0;
  } catch {
    return false;
  }
}

function single(values: unknown[]): unknown[] {
  if (values.length > 1) throw new Error('can only compare one element at a time');
  return values;
}

type Kind = 'bool' | 'int' | 'float' | 'string';

/** text/template's comparison kinds (client-go's fork): other values cannot be compared. */
function kindOf(value: unknown): Kind {
  if (value instanceof FloatLiteral) return 'float';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  throw new Error('invalid type for comparison');
}

function compare(left: unknown, operator: string, right: unknown): boolean {
  const kind = kindOf(left);
  if (kindOf(right) !== kind) throw new Error('incompatible types for comparison');
  const [a, b] = [left, right].map((v) => (v instanceof FloatLiteral ? v.value : v)) as [number, number];
  const less = () => {
    if (kind === 'bool') throw new Error('invalid type for comparison');
    return a < b;
  };
  switch (operator) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return less();
    case '<=':
      return less() || a === b;
    case '>':
      return !(less() || a === b);
    case '>=':
      return !less();
    default:
      throw new Error(`unrecognized filter operator ${operator}`);
  }
}
