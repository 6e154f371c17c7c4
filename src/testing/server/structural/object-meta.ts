// `metadata` of a custom resource, and of each embedded resource in it, is not pruned by
// the CRD's schema: kube-apiserver decodes it into ObjectMeta, which keeps the fields
// ObjectMeta declares (those of ownerReferences and managedFields entries included) and
// drops the others, reporting them as `metadata.<field>` for fieldValidation.
import type { Schema } from '../schema/index.ts';
import { objectMeta } from '../schema/meta-v1.generated.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function pruneTo(schema: Schema, value: unknown, path: string, pruned: string[]): void {
  if (schema.kind === 'list') {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        pruneTo(schema.items, item, `${path}[${String(index)}]`, pruned);
      });
    }
    return;
  }
  if (!isObject(value)) return;
  if (schema.kind === 'map') {
    for (const [key, item] of Object.entries(value)) pruneTo(schema.values, item, `${path}.${key}`, pruned);
    return;
  }
  if (schema.kind !== 'struct' || schema.open) return;
  for (const [key, item] of Object.entries(value)) {
    const field = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
    if (field === undefined) {
      pruned.push(`${path}.${key}`);
      Reflect.deleteProperty(value, key);
    } else {
      pruneTo(field.schema, item, `${path}.${key}`, pruned);
    }
  }
}

/**
 * Drops from `object.metadata` what ObjectMeta does not declare; returns the dropped
 * paths, in document order, prefixed by `at` (`spec.template` for an embedded resource).
 */
export function pruneObjectMeta(object: Json, at = ''): string[] {
  const pruned: string[] = [];
  pruneTo(objectMeta, object.metadata, at === '' ? 'metadata' : `${at}.metadata`, pruned);
  return pruned;
}
