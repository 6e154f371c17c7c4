import type { KubeObject, ManagedFieldsEntry } from '../../../core/object.ts';
import type { JsonValue, Schema } from '../schema/schema.ts';
import { zeroValue } from '../schema/zero-value.ts';
import { ListItemError } from './atom.ts';
import { decodeManagedFields, encodeManagedFields, ManagedFieldsError, type Managers } from './managers.ts';
import { resetSet } from './ownership.ts';
import { recordUpdate } from './record-update.ts';

/** An Update operation: a create, a PUT, or a merge, JSON or strategic merge PATCH. */
export interface UpdateOptions {
  /** The schema of the kind, from `schemaFor`. */
  readonly schema: Schema;
  /** The group-version of the request (`apps/v1`), recorded in the entry. */
  readonly apiVersion: string;
  /** `?fieldManager=`, else the user agent's product token; '' is recorded as `unknown`. */
  readonly manager: string;
  /** The time of the write, RFC 3339 (whole seconds are kept). */
  readonly time: string;
  /** The stored object, or undefined for a create (compared as the Go zero value). */
  readonly live: KubeObject | undefined;
  /**
   * The object about to be stored, defaulted, in the JSON form Go writes. Its own
   * managedFields, when the client sent some, replace the stored ones (`[]` clears
   * them), as in kube-apiserver; pass the stored ones or none otherwise.
   */
  readonly updated: KubeObject;
  /** `status` for a write through that subresource; recorded in the entry. @default '' */
  readonly subresource?: string;
  /** The paths the strategy resets for this subresource, from `resetFieldsFor`. @default [] */
  readonly resetFields?: readonly (readonly string[])[];
}

/**
 * metadata.managedFields after an Update, with kube-apiserver's semantics:
 * - the manager's entry (Update, this apiVersion and subresource) gains every field the
 *   write added or changed (a node added with content gets `".": {}`), and takes them
 *   away from every other entry; fields the write removed leave every entry;
 * - entries left empty are dropped, as is the manager's if it changed nothing;
 * - the manager's time is `time` only if it gained fields; otherwise nothing changes;
 * - metadata name, namespace, uid, resourceVersion, generation, creationTimestamp and
 *   managedFields, apiVersion and kind, and the reset fields are never owned;
 * - an existing object without managedFields stays without (tracking starts at create
 *   or at the first apply); more than 10 Update entries merge the oldest into
 *   `ancient-changes`; entries are sorted by operation, time (seconds), manager,
 *   apiVersion and subresource.
 *
 * Returns the entries; empty means the object has no managedFields (also when an object
 * cannot be compared, where kube-apiserver drops them too).
 */
export function updateManagedFields(options: UpdateOptions): ManagedFieldsEntry[] {
  const { schema, live, updated, subresource = '' } = options;
  const managers = decodeLiveOrNew(live, updated, subresource !== '');
  // Tracking starts at creation; an existing object with no managedFields stays without.
  if (managers.size === 0 && live?.metadata?.uid) return [];
  try {
    const before = live === undefined ? (zeroValue(schema) ?? {}) : withoutManagedFields(live);
    const after = recordUpdate(managers, {
      schema,
      apiVersion: options.apiVersion,
      manager: options.manager,
      subresource,
      time: wholeSeconds(options.time),
      reset: resetSet(options.resetFields ?? []),
      before,
      after: withoutManagedFields(updated),
    });
    return encodeManagedFields(after);
  } catch (error) {
    if (error instanceof ListItemError) return [];
    throw error;
  }
}

// kube-apiserver's decodeLiveOrNew: the request's own managedFields win when they decode
// to something, an empty list resets them, and a subresource always uses the stored ones.
function decodeLiveOrNew(live: KubeObject | undefined, updated: KubeObject, isSubresource: boolean): Managers {
  const stored = () => decodeOrEmpty(live?.metadata?.managedFields);
  if (isSubresource) return stored();
  const sent = updated.metadata?.managedFields;
  if (Array.isArray(sent) && (sent.length === 0 || (sent.length === 1 && isZeroEntry(sent[0])))) return new Map();
  const decoded = decodeOrEmpty(sent);
  return decoded.size > 0 ? decoded : stored();
}

function decodeOrEmpty(entries: readonly ManagedFieldsEntry[] | undefined): Managers {
  try {
    return decodeManagedFields((entries ?? []).map(normalizeTime));
  } catch (error) {
    if (error instanceof ManagedFieldsError) return new Map();
    throw error;
  }
}

const isZeroEntry = (entry: unknown): boolean =>
  typeof entry === 'object' && entry !== null && Object.values(entry).every((v) => v === undefined || v === '');

/** The object as JSON, without metadata.managedFields (never compared). */
export function withoutManagedFields(object: KubeObject): JsonValue {
  if (object.metadata?.managedFields === undefined) return object as JsonValue;
  const metadata = { ...object.metadata };
  delete metadata.managedFields;
  return { ...object, metadata } as JsonValue;
}

/** RFC 3339 at whole seconds, as Go's metav1.Time writes it. */
export function wholeSeconds(time: string): string {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time : `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

// Go re-encodes every time at whole seconds; what clients send may be anything.
const normalizeTime = (entry: ManagedFieldsEntry): ManagedFieldsEntry =>
  typeof entry === 'object' && typeof (entry as Partial<ManagedFieldsEntry> | null)?.time === 'string'
    ? { ...entry, time: wholeSeconds(entry.time as string) }
    : entry;
