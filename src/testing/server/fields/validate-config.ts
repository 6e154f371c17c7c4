// structured-merge-diff's validation of an apply configuration against the schema, with
// its messages (which quote Go's %v and %#v renderings of the offending value).
import type { JsonValue, Schema } from '../schema/schema.ts';
import { ListItemError, listItemPathElement, resolveAtom } from './atom.ts';
import { compareStrings, goSyntax, goType, goValue, isObject } from './json-value.ts';
import { comparePathElements, type PathElement, pathToString } from './path-element.ts';

/**
 * What kube-apiserver finds wrong with an apply configuration, as one message (`.spec.foo:
 * field not declared in schema`, or `errors:` and one indented line each), or undefined
 * when it is valid. Keys are visited in sorted order (Go's order is random).
 */
export function validateConfig(schema: Schema, value: JsonValue): string | undefined {
  const errors = validate(schema, value, '');
  if (errors.length === 0) return undefined;
  if (errors.length === 1) return errors[0];
  return ['errors:', ...errors.map((error) => `  ${error}`)].join('\n');
}

const at = (path: string, message: string) => (path === '' ? message : `${path}: ${message}`);

function validate(schema: Schema, value: JsonValue, path: string): string[] {
  const atom = resolveAtom(schema, value);
  if (atom.kind === 'scalar') {
    const problem = schema.kind === 'scalar' ? scalarProblem(schema.type, value) : scalarProblem('untyped', value);
    return problem === undefined ? [] : [at(path, problem)];
  }
  if (value === null) return [];
  if (atom.kind === 'list') {
    if (!Array.isArray(value)) return [at(path, `expected list, got &{${goValue(value)}}`)];
    const errors: string[] = [];
    const seen: PathElement[] = [];
    for (const [i, item] of value.entries()) {
      let pe: PathElement = { index: i };
      if (atom.list.listType !== 'atomic') {
        try {
          pe = listItemPathElement(atom.list, item);
        } catch (error) {
          if (!(error instanceof ListItemError)) throw error;
          return [...errors, at(path, `element ${String(i)}: ${error.message}`)];
        }
        if (seen.some((other) => comparePathElements(other, pe) === 0)) {
          errors.push(at(path, `duplicate entries for key ${pathToString([pe])}`));
        }
        seen.push(pe);
      }
      errors.push(...validate(atom.list.items, item, path + pathToString([pe])));
    }
    return errors;
  }
  if (!isObject(value)) return [at(path, `expected map, got &{${goValue(value)}}`)];
  const errors: string[] = [];
  for (const key of Object.keys(value).sort(compareStrings)) {
    const childPath = `${path}.${key}`;
    if (schema.kind === 'struct' && !schema.open && !atom.isField(key))
      return [...errors, at(childPath, 'field not declared in schema')];
    errors.push(...validate(atom.child(key), value[key] ?? null, childPath));
  }
  return errors;
}

function scalarProblem(type: string, value: JsonValue): string | undefined {
  if (value === null) return undefined;
  switch (type) {
    case 'numeric':
      return typeof value === 'number' ? undefined : `expected numeric (int or float), got ${goType(value)}`;
    case 'string':
      return typeof value === 'string'
        ? undefined
        : `expected string, got &value.valueUnstructured{Value:${goSyntax(value)}}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected boolean, got &{${goValue(value)}}`;
    default:
      return typeof value === 'object' ? `expected any scalar, got &{${goValue(value)}}` : undefined;
  }
}
