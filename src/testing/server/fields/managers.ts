// metadata.managedFields decoded into one field set per manager, and encoded back in
// kube-apiserver's order.
import type { ManagedFieldsEntry } from '../../../core/object.ts';
import type { FieldSet } from './field-set.ts';
import { fromFieldsV1, toFieldsV1 } from './fields-v1.ts';
import { compareStrings, goJsonString } from './json-value.ts';

/** One manager's fields; Update managers are distinct per apiVersion, appliers are not. */
export interface ManagerSet {
  readonly manager: string;
  readonly operation: 'Apply' | 'Update';
  readonly apiVersion: string;
  readonly subresource: string;
  readonly time: string | undefined;
  readonly set: FieldSet;
}

/** Manager sets by identifier (Go's `BuildManagerIdentifier`). */
export type Managers = Map<string, ManagerSet>;

/** The identifier kube-apiserver keys a manager by, and prints in conflicts. */
export function managerIdentifier(
  entry: Pick<ManagerSet, 'manager' | 'operation' | 'apiVersion' | 'subresource'>,
): string {
  const parts: string[] = [];
  if (entry.manager !== '') parts.push(`"manager":${goJsonString(entry.manager)}`);
  parts.push(`"operation":${goJsonString(entry.operation)}`);
  if (entry.operation === 'Update' && entry.apiVersion !== '')
    parts.push(`"apiVersion":${goJsonString(entry.apiVersion)}`);
  if (entry.subresource !== '') parts.push(`"subresource":${goJsonString(entry.subresource)}`);
  return `{${parts.join(',')}}`;
}

/** Thrown for managedFields kube-apiserver would not decode. */
export class ManagedFieldsError extends Error {}

/** Decodes managedFields (Go's `DecodeManagedFields`); throws {@link ManagedFieldsError}. */
export function decodeManagedFields(entries: readonly ManagedFieldsEntry[]): Managers {
  const managers: Managers = new Map();
  entries.forEach((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null)
      throw new ManagedFieldsError(`invalid managed fields entry ${String(i)}`);
    // Entries come from clients: nothing about them is certain.
    const { operation, apiVersion, fieldsType, manager, subresource, time, fieldsV1 } = entry as Partial<
      Record<keyof ManagedFieldsEntry, unknown>
    >;
    if (operation !== 'Apply' && operation !== 'Update')
      throw new ManagedFieldsError('operation must be `Apply` or `Update`');
    if (typeof apiVersion !== 'string' || apiVersion === '')
      throw new ManagedFieldsError('apiVersion must not be empty');
    if (fieldsType === undefined || fieldsType === '') {
      throw new ManagedFieldsError(`missing fieldsType in managed fields entry ${String(i)}`);
    }
    if (fieldsType !== 'FieldsV1') {
      throw new ManagedFieldsError(
        `invalid fieldsType ${JSON.stringify(fieldsType)} in managed fields entry ${String(i)}`,
      );
    }
    let set: FieldSet;
    try {
      set = fromFieldsV1(fieldsV1 ?? {});
    } catch (error) {
      throw new ManagedFieldsError(`error decoding set: ${(error as Error).message}`);
    }
    const decoded: ManagerSet = {
      manager: typeof manager === 'string' ? manager : '',
      operation,
      apiVersion,
      subresource: typeof subresource === 'string' ? subresource : '',
      time: typeof time === 'string' ? time : undefined,
      set,
    };
    managers.set(managerIdentifier(decoded), decoded);
  });
  return managers;
}

/** Encodes the sets as managedFields, sorted as kube-apiserver sorts them. */
export function encodeManagedFields(managers: Managers): ManagedFieldsEntry[] {
  const entries = [...managers.values()].map(
    ({ manager, operation, apiVersion, time, set, subresource }): ManagedFieldsEntry => ({
      manager,
      operation,
      apiVersion,
      ...(time !== undefined && { time }),
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(set),
      ...(subresource !== '' && { subresource }),
    }),
  );
  return entries.sort(
    (p, q) =>
      compareStrings(p.operation, q.operation) ||
      seconds(p.time) - seconds(q.time) ||
      compareStrings(p.manager, q.manager) ||
      compareStrings(p.apiVersion, q.apiVersion) ||
      compareStrings(p.subresource ?? '', q.subresource ?? ''),
  );
}

const seconds = (time: string | undefined): number => (time === undefined ? 0 : Math.floor(Date.parse(time) / 1000));
