import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '../../../core/object.ts';
import type { JsonValue, Schema } from '../schema/schema.ts';
import { objectMetaConverterError } from '../http/object-meta-types.ts';
import { goRoundTrip } from '../go/go-round-trip.ts';
import { zeroValue } from '../schema/zero-value.ts';
import { type ApplyConflict, listConflicts } from './apply-conflicts.ts';
import { ListItemError } from './atom.ts';
import { compare } from './compare.ts';
import type { FieldSet } from './field-set.ts';
import { jsonEqual } from './json-value.ts';
import { allowedByLastApplied, withLastApplied } from './last-applied.ts';
import {
  decodeManagedFields,
  encodeManagedFields,
  ManagedFieldsError,
  managerIdentifier,
  type Managers,
} from './managers.ts';
import { merge } from './merge.ts';
import { resetSet, strippedFields, takeOwnership, withoutReset } from './ownership.ts';
import { prune } from './prune.ts';
import { recordUpdate } from './record-update.ts';
import { toFieldSet } from './to-field-set.ts';
import { validateConfig } from './validate-config.ts';
import { wholeSeconds, withoutManagedFields } from './update-managed-fields.ts';

/** A server-side apply (PATCH with `application/apply-patch+yaml`). */
export interface ApplyOptions {
  /** The schema of the kind, from `schemaFor`. */
  readonly schema: Schema;
  /** The group-version of the request (`apps/v1`); the configuration must use it. */
  readonly apiVersion: string;
  /** The kind served at the URL; the configuration must name it. */
  readonly kind: string;
  /** `?fieldManager=` (required by the handler before this is called). */
  readonly manager: string;
  /** The time of the write, RFC 3339 (whole seconds are kept). */
  readonly time: string;
  /** The stored object, or undefined when the apply creates it. */
  readonly live: KubeObject | undefined;
  /** The apply configuration, as decoded from the request body. */
  readonly config: KubeObject;
  /** `?force=true`: take conflicting fields instead of failing. */
  readonly force: boolean;
  /** `status` for an apply through that subresource. @default '' */
  readonly subresource?: string;
  /** The paths the strategy resets for this subresource, from `resetFieldsFor`. @default [] */
  readonly resetFields?: readonly (readonly string[])[];
}

/**
 * The applied object with its new managedFields, in the JSON form Go writes but not yet
 * defaulted, and whether its content changed; or the conflicts that stop the apply.
 */
export type ApplyResult =
  { readonly object: KubeObject; readonly changed: boolean } | { readonly conflicts: ApplyConflict[] };

/** An apply kube-apiserver refuses before merging: `code` and `message` of its Status. */
export class ApplyError extends Error {
  readonly code: 400 | 500;
  constructor(code: 400 | 500, message: string) {
    super(message);
    this.code = code;
    this.name = 'ApplyError';
  }
}

/**
 * Server-side apply with kube-apiserver's semantics: merges `config` into the live
 * object (list items by key, configuration wins); removes what this manager applied
 * before, no longer applies, and nobody else owns; fails with the fields other managers
 * own and the apply changes, unless `force` takes them over. The manager's Apply entry
 * becomes exactly the configuration's fields (whatever their values), so an apply of
 * a value equal to the live one shares the field. An object without managedFields first
 * gets a `before-first-apply` Update entry owning all it has. The entry's time is set
 * only when the object changed: an apply that changes no value still writes its new
 * entry, without time, as kube-apiserver does; one that changes neither is a no-op. `kubectl` gets kube-apiserver's upgrade from
 * client-side apply: conflicts on fields its last-applied annotation set are forced,
 * and that annotation is kept in step.
 *
 * The returned object is in the JSON form Go writes (`goRoundTrip`); the caller still
 * applies defaults, as kube-apiserver does after merging, and keeps the metadata it
 * owns (uid, resourceVersion, creationTimestamp).
 * Throws {@link ApplyError} for a configuration of another kind or version, one with
 * managedFields, an invalid list (`duplicate entries for key ...`), or undecodable live
 * managedFields.
 */
export function applyConfiguration(options: ApplyOptions): ApplyResult {
  const { schema, apiVersion, kind, config, subresource = '' } = options;
  const live: KubeObject = options.live ?? { ...(zeroValue(schema) as object) };
  const time = wholeSeconds(options.time);
  const manager = options.manager === '' ? 'unknown' : options.manager;
  const reset = resetSet(options.resetFields ?? []);
  let managers = liveManagers(live);
  if (config.apiVersion !== apiVersion || config.kind !== kind) {
    throw new ApplyError(400, `invalid object type: ${groupVersionKind(config.apiVersion, config.kind)}`);
  }
  const liveValue = withoutManagedFields(live);
  try {
    if (managers.size === 0) {
      // Whatever the object has when its first apply comes belongs to "before-first-apply".
      const before = zeroValue(schema) ?? {};
      const base = { schema, apiVersion, manager: 'before-first-apply', subresource, time, reset };
      managers = recordUpdate(managers, { ...base, before, after: liveValue });
    }
    refuseInvalidConfig(schema, config);
    const attempt = (force: boolean) =>
      mergeAndTakeOwnership({
        schema,
        manager,
        apiVersion,
        subresource,
        time,
        reset,
        force,
        managers,
        live: liveValue,
        config,
      });
    let result = attempt(options.force);
    if ('conflicts' in result && manager === 'kubectl') {
      const allowed = allowedByLastApplied(schema, apiVersion, live);
      if (allowed && result.conflicts.every((c) => allowed.has(c.path))) result = attempt(true);
      else if (allowed) result = { conflicts: result.conflicts.filter((c) => !allowed.has(c.path)) };
    }
    if ('conflicts' in result) return result;
    return appliedObject({ schema, manager, config }, result, liveValue, live.metadata?.managedFields ?? []);
  } catch (error) {
    if (error instanceof ListItemError) throw new ApplyError(500, error.message);
    throw error;
  }
}

/** The managers recorded in the live object's managedFields; kube-apiserver's 500 when they do not decode. */
function liveManagers(live: KubeObject): Managers {
  try {
    return decodeManagedFields(live.metadata?.managedFields ?? []);
  } catch (error) {
    if (error instanceof ManagedFieldsError)
      throw new ApplyError(500, `failed to decode managed fields: ${error.message}`);
    throw error;
  }
}

/** Refuses, as kube-apiserver does, a configuration that sends managedFields or does not fit the schema. */
function refuseInvalidConfig(schema: Schema, config: KubeObject): void {
  // Go's accessor reads managedFields that do not convert as none: the typed patch
  // below refuses those instead.
  const sentFields: unknown = config.metadata?.managedFields;
  if (
    sentFields !== undefined &&
    sentFields !== null &&
    objectMetaConverterError({ managedFields: sentFields }) === undefined
  ) {
    throw new ApplyError(400, 'metadata.managedFields must be nil');
  }
  const invalid = validateConfig(schema, config as JsonValue);
  if (invalid !== undefined) {
    // Go's metadata accessors read anything but a string as "".
    const { namespace, name } = config.metadata ?? {};
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const object = `${text(namespace)}/${text(name)}; ${groupVersionKind(config.apiVersion, config.kind)}`;
    throw new ApplyError(500, `failed to create typed patch object (${object}): ${invalid}`);
  }
}

/** The merged object as Go stores it, with kubectl's last-applied annotation and the new managedFields. */
function appliedObject(
  { schema, manager, config }: Pick<ApplyOptions, 'schema' | 'manager' | 'config'>,
  result: { object: JsonValue; managers: Managers },
  liveValue: JsonValue,
  liveManagedFields: unknown,
): ApplyResult {
  // Go turns the merged value back into its struct (a custom resource stays as it is).
  const goShaped = schema.kind === 'struct' && !schema.open ? goRoundTrip(schema, result.object) : result.object;
  let object = { ...((jsonEqual(result.object, liveValue) ? liveValue : goShaped) as object) } as KubeObject;
  if (manager === 'kubectl') object = withLastApplied(object, config);
  const managedFields = encodeManagedFields(result.managers);
  // A new manager of unchanged values is still a write: kube-apiserver stores its entry.
  const changed = !jsonEqual(object as JsonValue, liveValue) || !isDeepStrictEqual(managedFields, liveManagedFields);
  object.metadata = { ...object.metadata };
  if (managedFields.length > 0) object.metadata.managedFields = managedFields;
  else delete object.metadata.managedFields;
  return { object, changed };
}

interface Step {
  readonly schema: Schema;
  readonly manager: string;
  readonly apiVersion: string;
  readonly subresource: string;
  readonly time: string;
  readonly reset: FieldSet;
  readonly force: boolean;
  readonly managers: Managers;
  readonly live: JsonValue;
  readonly config: KubeObject;
}

// structured-merge-diff's Updater.Apply, then kube-apiserver's stripMeta and time.
function mergeAndTakeOwnership(step: Step): { object: JsonValue; managers: Managers } | { conflicts: ApplyConflict[] } {
  const { schema, manager, apiVersion, subresource, live, reset } = step;
  const configValue = step.config as JsonValue;
  const merged = merge(schema, live, configValue) ?? null;
  const id = managerIdentifier({ manager, operation: 'Apply', apiVersion, subresource });
  const last = step.managers.get(id);
  const applied = toFieldSet(schema, configValue).recursiveDifference(reset);
  const withApplier = new Map(step.managers).set(id, {
    manager,
    operation: 'Apply',
    apiVersion,
    subresource,
    time: last?.time,
    set: applied,
  });
  const object = prune(schema, merged, withApplier, last?.set);
  const comparison = withoutReset(compare(schema, live, object), reset);
  const { managers, conflicts } = takeOwnership(withApplier, comparison, id, step.force);
  if (!step.force && conflicts.size > 0) return { conflicts: listConflicts(conflicts, managers) };
  const entry = managers.get(id);
  if (entry) {
    const set = entry.set.difference(strippedFields);
    const changed = !jsonEqual(live, object);
    if (set.empty) managers.delete(id);
    else managers.set(id, { ...entry, set, time: changed ? step.time : entry.time });
  }
  return { object, managers };
}

/** Go's GroupVersionKind.String() of a configuration: `apps/v1, Kind=Deployment`, `/v1, Kind=Secret`. */
export function groupVersionKind(apiVersion: unknown, kind: unknown): string {
  const version = typeof apiVersion === 'string' ? apiVersion : '';
  const parts = version.split('/');
  const [group, ver] = parts.length === 2 ? parts : parts.length === 1 ? ['', version] : ['', ''];
  return `${group ?? ''}/${ver ?? ''}, Kind=${typeof kind === 'string' ? kind : ''}`;
}
