// kube-apiserver's bridge from client-side `kubectl apply` to server-side apply, for the
// `kubectl` manager only: the last-applied annotation excuses conflicts and is kept up to date.
import type { KubeObject } from '../../../core/object.ts';
import type { JsonValue, Schema } from '../schema/schema.ts';
import { ListItemError } from './atom.ts';
import { compare } from './compare.ts';
import type { FieldSet } from './field-set.ts';
import { goJson, isObject } from './json-value.ts';
import { toFieldSet } from './to-field-set.ts';

const annotation = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The fields the live object's last-applied annotation set and that still hold those
 * values: a `kubectl` server-side apply may take them without force. Undefined without
 * a usable annotation of this apiVersion.
 */
export function allowedByLastApplied(schema: Schema, apiVersion: string, live: KubeObject): FieldSet | undefined {
  const text = live.metadata?.annotations?.[annotation];
  if (!text) return undefined;
  let last: unknown;
  try {
    last = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(last) || last.apiVersion !== apiVersion) return undefined;
  try {
    const { added, modified, removed } = compare(schema, last, live as JsonValue);
    return toFieldSet(schema, last).difference(modified).difference(added).difference(removed);
  } catch (error) {
    if (error instanceof ListItemError) return undefined;
    throw error;
  }
}

/** The object with its last-applied annotation (if it has one) set to `config`. */
export function withLastApplied(object: KubeObject, config: KubeObject): KubeObject {
  if (!object.metadata?.annotations?.[annotation]) return object;
  const annotations = { ...object.metadata.annotations, [annotation]: lastAppliedJson(config) };
  return { ...object, metadata: { ...object.metadata, annotations } };
}

// As Go encodes the configuration: without the annotation itself, keys sorted, newline-ended.
function lastAppliedJson(config: KubeObject): string {
  const copy = structuredClone(config);
  if (copy.metadata?.annotations) Reflect.deleteProperty(copy.metadata.annotations, annotation);
  return `${goJson(copy as JsonValue)}\n`;
}
