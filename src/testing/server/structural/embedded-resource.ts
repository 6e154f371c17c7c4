// The checks kube-apiserver makes on each embedded resource (a value whose schema has
// `x-kubernetes-embedded-resource`) after schema validation: apiVersion and kind present
// and well formed, and the metadata's name, generateName, namespace, generation, labels
// and annotation keys valid as ObjectMeta (names only as path segments: `fakename`
// stands in for a missing name, as in Go).
import { dnsLabelErrors, labelKeyErrors, labelValueErrors } from '../../../core/names.ts';
import type { FieldError, FieldErrorReason } from './field-error.ts';
import type { StructuralSchema } from './structural-schema.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const error = (reason: FieldErrorReason, field: string, badValue: unknown, detail: string): FieldError => ({
  reason,
  field,
  badValue,
  detail,
});
const child = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

function apiVersionErrors(value: unknown, field: string): FieldError[] {
  if (typeof value !== 'string') return [error('FieldValueInvalid', field, value, 'must be a string')];
  if (value === '') return [error('FieldValueInvalid', field, value, 'must not be empty')];
  if (value.split('/').length > 2) {
    return [error('FieldValueInvalid', field, value, `unexpected GroupVersion string: ${value}`)];
  }
  return [];
}

const dns1035Format = '[a-z]([-a-z0-9]*[a-z0-9])?';
const dns1035Message =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

function kindErrors(value: unknown, field: string): FieldError[] {
  if (typeof value !== 'string') return [error('FieldValueInvalid', field, value, 'must be a string')];
  if (value === '') return [error('FieldValueInvalid', field, value, 'must not be empty')];
  const lower = value.toLowerCase();
  const problems: string[] = [];
  if (lower.length > 63) problems.push('must be no more than 63 characters');
  if (!new RegExp(`^${dns1035Format}$`).test(lower)) {
    problems.push(`${dns1035Message} (e.g. 'my-name',  or 'abc-123', regex used for validation is '${dns1035Format}')`);
  }
  if (problems.length === 0) return [];
  return [
    error('FieldValueInvalid', field, value, `may have mixed case, but should otherwise match: ${problems.join(',')}`),
  ];
}

/** apimachinery's path-segment name rule (IsPathSegmentName, or IsPathSegmentPrefix for a prefix). */
function pathSegmentErrors(name: string, prefix: boolean): string[] {
  if (!prefix && (name === '.' || name === '..')) return [`may not be '${name}'`];
  return ['/', '%'].filter((part) => name.includes(part)).map((part) => `may not contain '${part}'`);
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function objectMetaErrors(metadata: Json, field: string): FieldError[] {
  const errors: FieldError[] = [];
  const generateName = text(metadata.generateName);
  for (const detail of pathSegmentErrors(generateName, true))
    errors.push(error('FieldValueInvalid', `${field}.generateName`, generateName, detail));
  const name = text(metadata.name) || 'fakename';
  for (const detail of pathSegmentErrors(name, false))
    errors.push(error('FieldValueInvalid', `${field}.name`, name, detail));
  const namespace = text(metadata.namespace);
  if (namespace !== '')
    for (const detail of dnsLabelErrors(namespace))
      errors.push(error('FieldValueInvalid', `${field}.namespace`, namespace, detail));
  if (typeof metadata.generation === 'number' && metadata.generation < 0)
    errors.push(
      error('FieldValueInvalid', `${field}.generation`, metadata.generation, 'must be greater than or equal to 0'),
    );
  for (const [key, value] of Object.entries(isObject(metadata.labels) ? metadata.labels : {})) {
    for (const detail of labelKeyErrors(key)) errors.push(error('FieldValueInvalid', `${field}.labels`, key, detail));
    for (const detail of labelValueErrors(text(value)))
      errors.push(error('FieldValueInvalid', `${field}.labels`, value, detail));
  }
  for (const key of Object.keys(isObject(metadata.annotations) ? metadata.annotations : {}))
    for (const detail of labelKeyErrors(key.toLowerCase()))
      errors.push(error('FieldValueInvalid', `${field}.annotations`, key, detail));
  return errors;
}

function embeddedErrors(value: Json, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of ['apiVersion', 'kind']) {
    if (!Object.hasOwn(value, key)) errors.push(error('FieldValueRequired', child(path, key), '', ''));
  }
  if (Object.hasOwn(value, 'apiVersion')) errors.push(...apiVersionErrors(value.apiVersion, child(path, 'apiVersion')));
  if (Object.hasOwn(value, 'kind')) errors.push(...kindErrors(value.kind, child(path, 'kind')));
  if (isObject(value.metadata)) errors.push(...objectMetaErrors(value.metadata, child(path, 'metadata')));
  return errors;
}

/** The errors of every embedded resource below the root of `value`. */
export function validateEmbeddedResources(
  value: unknown,
  schema: StructuralSchema | undefined,
  path = '',
): FieldError[] {
  if (schema === undefined) return [];
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => validateEmbeddedResources(item, schema.items, `${path}[${String(index)}]`));
  }
  if (!isObject(value)) return [];
  const errors = schema.embeddedResource ? embeddedErrors(value, path) : [];
  for (const [key, item] of Object.entries(value)) {
    const property = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
    if (property !== undefined) errors.push(...validateEmbeddedResources(item, property, child(path, key)));
    else if (typeof schema.additionalProperties === 'object')
      errors.push(...validateEmbeddedResources(item, schema.additionalProperties, `${path}[${key}]`));
  }
  return errors;
}
