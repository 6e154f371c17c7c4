// Schema validation of a custom resource as kube-apiserver runs it on create and update:
// kube-openapi's validators walk the object with the CRD version's schema, and
// apiextensions-apiserver turns each of their errors into a field error. Go visits
// sibling properties in a random order; here they come in the schema's order.
import type { FieldError } from './field-error.ts';
import {
  checkEnum,
  checkListSize,
  checkNumber,
  checkPropertyCount,
  checkString,
  checkType,
  schemaError,
  type ValuePath,
} from './value-checks.ts';
import type { StructuralSchema } from './structural-schema.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const childPath = (path: ValuePath, key: string) => (path === '' ? key : `${path}.${key}`);

function validateObject(value: Json, schema: StructuralSchema, path: ValuePath): FieldError[] {
  const errors = checkPropertyCount(value, schema, path);
  const properties = schema.properties ?? {};
  const additional = schema.additionalProperties;
  if (typeof additional === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // kube-openapi names these `<path>.<key>` even at the root (`.key`).
      if (!Object.hasOwn(properties, key)) errors.push(...validateValue(item, additional, `${path}.${key}`));
    }
  }
  for (const [key, property] of Object.entries(properties)) {
    if (Object.hasOwn(value, key)) errors.push(...validateValue(value[key], property, childPath(path, key)));
  }
  for (const key of schema.required) {
    if (!Object.hasOwn(value, key)) errors.push(schemaError('FieldValueRequired', `${path}.${key}`, '', ''));
  }
  return errors;
}

function validateList(value: readonly unknown[], schema: StructuralSchema, path: ValuePath): FieldError[] {
  const errors: FieldError[] = [];
  if (schema.items !== undefined) {
    const items = schema.items;
    value.forEach((item, index) => errors.push(...validateValue(item, items, `${path}[${String(index)}]`)));
  }
  return [...errors, ...checkListSize(value, schema, path)];
}

/** The sub-schemas of allOf, each of which the value must satisfy at the same path. */
function validateAllOf(value: unknown, schema: StructuralSchema, path: ValuePath): FieldError[] {
  return (schema.allOf ?? []).flatMap((part) => validateValue(value, part, path));
}

/** kube-openapi's validators in their order, each where it applies to the value's kind. */
export function validateValue(value: unknown, schema: StructuralSchema, path: ValuePath): FieldError[] {
  if (value === null) return [...checkType(value, schema, path), ...checkEnum(value, schema, path)];
  const errors = [...checkType(value, schema, path), ...validateAllOf(value, schema, path)];
  if (typeof value === 'string') errors.push(...checkString(value, schema, path));
  if (typeof value === 'number') errors.push(...checkNumber(value, schema, path));
  if (Array.isArray(value)) errors.push(...validateList(value, schema, path));
  errors.push(...checkEnum(value, schema, path));
  if (isObject(value)) errors.push(...validateObject(value, schema, path));
  return errors;
}
