// kube-apiserver's rules for a CRD's selectableFields: each a field path (dots, no array
// notation) that the version's structural schema declares, outside metadata, of type
// string, boolean or integer; no path twice; at most 8. Like the printer columns, fields
// every version shares are checked once at `spec.selectableFields`, in the internal form.
import type { Cause } from '../http/status.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { structuralSchema, type StructuralSchema } from '../structural/structural-schema.ts';
import { fieldErrorBody } from '../structural/field-error.ts';
import type { CrdVersion } from './crd-fields.ts';

const maxSelectableFields = 8;

type Json = Record<string, unknown>;

/** The causes, per version (in the versions' loop) and for the fields every version shares. */
export function selectableFieldCauses(versions: readonly CrdVersion[]): { perVersion: Cause[][]; shared: Cause[] } {
  const same = (pick: (version: CrdVersion) => unknown) =>
    versions.every((version) => JSON.stringify(pick(version)) === JSON.stringify(pick(versions[0] ?? {})));
  const schemaShared = same((version) => version.schema);
  const fieldsShared = same((version) => version.selectableFields);
  const first = versions[0];
  if (fieldsShared) {
    const fields = first?.selectableFields ?? [];
    if (fields.length === 0) return { perVersion: [], shared: [] };
    const schema = schemaShared ? first?.schema?.openAPIV3Schema : undefined;
    const path = 'spec.selectableFields';
    if (schema === undefined) return { perVersion: [], shared: [mayNotBeSet(path, 'validations.schema is included')] };
    return { perVersion: [], shared: fieldCauses(fields, schema, path) };
  }
  const perVersion = versions.map((version, i) => {
    const fields = version.selectableFields ?? [];
    const path = `spec.versions[${String(i)}].selectableFields`;
    if (fields.length === 0) return [];
    const schema = schemaShared ? undefined : version.schema?.openAPIV3Schema;
    // kube-apiserver's own wording, backwards as it is.
    if (schema === undefined) return [mayNotBeSet(path, '`version.schema.openAPIV3Schema` is not included')];
    return fieldCauses(fields, schema, path);
  });
  return { perVersion, shared: [] };
}

const mayNotBeSet = (path: string, condition: string) => invalidValue(path, '', `may only be set when ${condition}`);

function fieldCauses(fields: readonly Json[], openAPIV3Schema: Json, path: string): Cause[] {
  let root: StructuralSchema;
  try {
    root = structuralSchema(openAPIV3Schema);
  } catch {
    return []; // the schema's own causes say what is wrong
  }
  const causes: Cause[] = [];
  const seen = new Set<string>();
  fields.forEach((selectable, i) => {
    const field = `${path}[${String(i)}].jsonPath`;
    const jsonPath = typeof selectable.jsonPath === 'string' ? selectable.jsonPath : '';
    if (jsonPath === '') return void causes.push(required(field, ''));
    const resolved = resolveFieldPath(jsonPath, root);
    if (typeof resolved === 'string')
      return void causes.push(invalidValue(field, jsonPath, `is an invalid path: ${resolved}`));
    if (resolved.path[0] === 'metadata')
      causes.push(invalidValue(field, jsonPath, 'must not point to fields in metadata'));
    if (!['string', 'boolean', 'integer'].includes(resolved.schema.type)) {
      causes.push(
        invalidValue(
          field,
          jsonPath,
          'must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.',
        ),
      );
    }
    const key = resolved.path.join('\0');
    if (seen.has(key)) {
      const detail = fieldErrorBody({ reason: 'FieldValueDuplicate', field, badValue: jsonPath, detail: '' });
      causes.push({ reason: 'FieldValueDuplicate', message: detail, field });
    }
    seen.add(key);
  });
  if (seen.size > maxSelectableFields) {
    const detail = `must have at most ${String(maxSelectableFields)} items`;
    const message = fieldErrorBody({ reason: 'FieldValueTooMany', field: path, badValue: seen.size, detail });
    causes.push({ reason: 'FieldValueTooMany', message, field: path });
  }
  return causes;
}

/**
 * The field a dotted path names in the schema and its schema, or the error kube-apiserver's
 * CEL field-path check gives (`does not refer to a valid field`, ...).
 */
function resolveFieldPath(
  jsonPath: string,
  root: StructuralSchema,
): { path: string[]; schema: StructuralSchema } | string {
  const tokens = jsonPath.match(/'(?:[^'\\]|\\.)*'?|[.[\]]|[^.[\]']+/g) ?? [];
  const path: string[] = [];
  let schema = root;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token === '[') return 'array notation is not allowed';
    if (token !== '.') return `expected [ or . but got: ${token}`;
    const name = tokens[++i];
    if (name === undefined) return 'unexpected end of JSON path';
    const named = schema.properties;
    if (named !== undefined) {
      const property = Object.hasOwn(named, name) ? named[name] : undefined;
      if (property === undefined) return 'does not refer to a valid field';
      schema = property;
    } else if (typeof schema.additionalProperties === 'object') schema = schema.additionalProperties;
    else return 'does not refer to a valid field';
    path.push(name);
  }
  return { path, schema };
}
