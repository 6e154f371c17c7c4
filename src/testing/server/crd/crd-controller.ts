// What kube-apiserver's apiextensions controllers do once a CRD is written, done at once
// (on the next microtask after the write, so every watcher sees the write first): the
// naming controller's status write (acceptedNames, NamesAccepted), the establishing
// controller's (Established), the custom resource handler serving each served version,
// and on deletion the finalizer's cleanup of every object before the CRD goes.
import type { KubeObject } from '../../../core/object.ts';
import type { FieldTracker } from '../fields/field-tracker.ts';
import { persist } from '../handlers/persist.ts';
import type { ObjectStore, StoreEvent } from '../object-store.ts';
import type { ResourceRegistry } from '../registry.ts';
import { cleanupFinalizer, customResourceDefinitions as crdType, setCondition } from './crd-type.ts';
import { conditionOf, isEstablished, specOf, statusOf, versionsOf } from './crd-fields.ts';
import { decideNames } from './crd-names.ts';
import type { CustomResourceSchemaFactory } from './custom-resource-schema.ts';
import { structuralSchemas } from './structural-schemas.ts';

export interface CrdControllerOptions {
  readonly store: ObjectStore;
  readonly fields: FieldTracker;
  readonly registry: ResourceRegistry;
  /** How a served version's schema is made. @default structuralSchemas */
  readonly schemas?: CustomResourceSchemaFactory;
}

const crdResource = `${crdType.group}/${crdType.plural}`;
// The controllers write through the loopback client, which names itself so.
const controllerManager = 'kube-apiserver';

/** Starts reacting to CRD writes; answers the function that stops it. */
export function startCrdController(options: CrdControllerOptions): () => void {
  return options.store.subscribe((event: StoreEvent) => {
    if (event.resource !== crdResource) return;
    const name = event.object.metadata?.name ?? '';
    queueMicrotask(() => {
      // A CRD removed without its finalizer's turn (deletecollection) still takes its objects along.
      if (event.type === 'DELETED') deleteObjectsOf(options.store, event.object);
      reconcile(options, name);
    });
  });
}

function reconcile(options: CrdControllerOptions, name: string): void {
  const { store, registry } = options;
  const crd = store.get(crdResource, '', name);
  if (!crd) {
    registry.removeDefinedBy(name);
    return;
  }
  if (crd.metadata?.deletionTimestamp !== undefined) {
    finalize(options, crd);
    return;
  }
  const named = writeNames(options, crd);
  const established = writeEstablished(options, named);
  serve(options, established);
}

/** The naming controller: acceptedNames and NamesAccepted; Established False until the next step. */
function writeNames(options: CrdControllerOptions, crd: KubeObject): KubeObject {
  const others = options.store.list(crdResource, '');
  const { acceptedNames, namesAccepted } = decideNames(crd, others);
  const desired = structuredClone(crd);
  desired.status = { ...statusOf(crd), acceptedNames };
  setCondition(desired, namesAccepted);
  const established = conditionOf(crd, 'Established');
  if (established?.status !== 'True') {
    setCondition(
      desired,
      namesAccepted.status === 'True'
        ? {
            type: 'Established',
            status: 'False',
            reason: 'Installing',
            message: 'the initial names have been accepted',
          }
        : { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' },
    );
  }
  return writeStatus(options, crd, desired);
}

/** The establishing controller: Established once the names are accepted. */
function writeEstablished(options: CrdControllerOptions, crd: KubeObject): KubeObject {
  if (isEstablished(crd) || conditionOf(crd, 'NamesAccepted')?.status !== 'True') return crd;
  const desired = structuredClone(crd);
  setCondition(desired, {
    type: 'Established',
    status: 'True',
    reason: 'InitialNamesAccepted',
    message: 'the initial names have been accepted',
  });
  return writeStatus(options, crd, desired);
}

function writeStatus(options: CrdControllerOptions, live: KubeObject, desired: KubeObject): KubeObject {
  const context = { store: options.store, fields: options.fields };
  const write = { type: crdType, namespace: '', live, desired, manager: controllerManager, dryRun: false };
  return persist(context, { ...write, subresource: 'status' }).object;
}

/** Serves every served version of an established CRD under its accepted names. */
function serve(options: CrdControllerOptions, crd: KubeObject): void {
  const { registry } = options;
  const name = crd.metadata?.name ?? '';
  registry.removeDefinedBy(name);
  if (!isEstablished(crd)) return;
  const spec = specOf(crd);
  const names = statusOf(crd).acceptedNames ?? {};
  const schemas = options.schemas ?? structuralSchemas;
  const storage = versionsOf(crd).find((version) => version.storage === true)?.name;
  for (const version of versionsOf(crd)) {
    if (version.served !== true || version.name === undefined) continue;
    const group = spec.group ?? '';
    if (registry.find(group, version.name, names.plural ?? '')) continue;
    registry.registerCustomResource({
      group,
      version: version.name,
      kind: names.kind ?? '',
      plural: names.plural ?? '',
      ...(names.singular !== undefined && { singular: names.singular }),
      namespaced: spec.scope !== 'Cluster',
      shortNames: names.shortNames ?? [],
      ...(names.categories !== undefined && { categories: names.categories }),
      subresources: { status: version.subresources?.status !== undefined },
      ...(version.subresources?.scale !== undefined && { scale: version.subresources.scale }),
      printerColumns: version.additionalPrinterColumns ?? [],
      selectableFields: (version.selectableFields ?? []).map((field) =>
        typeof field.jsonPath === 'string' ? field.jsonPath : '',
      ),
      schema: schemas(version.schema?.openAPIV3Schema ?? {}),
      definedBy: name,
      ...(storage !== undefined && storage !== version.name && { storageVersion: storage }),
    });
  }
}

/**
 * The finalizer controller's work: Terminating in progress, every custom resource deleted,
 * the types unserved, then Terminating done with the finalizer removed, which deletes the
 * CRD once no other finalizer holds it.
 */
function finalize(options: CrdControllerOptions, crd: KubeObject): void {
  const { store, registry } = options;
  const name = crd.metadata?.name ?? '';
  const finalizers = (crd.metadata?.finalizers ?? []) as string[];
  if (!finalizers.includes(cleanupFinalizer)) return;
  const inProgress = structuredClone(crd);
  setCondition(inProgress, {
    type: 'Terminating',
    status: 'True',
    reason: 'InstanceDeletionInProgress',
    message: 'CustomResource deletion is in progress',
  });
  const live = writeStatus(options, crd, inProgress);
  deleteObjectsOf(store, live);
  registry.removeDefinedBy(name);
  const remaining = finalizers.filter((finalizer) => finalizer !== cleanupFinalizer);
  if (remaining.length === 0) {
    store.delete(crdResource, '', name);
    return;
  }
  const done = structuredClone(live);
  setCondition(
    done,
    isEstablished(live)
      ? { type: 'Terminating', status: 'False', reason: 'InstanceDeletionCompleted', message: 'removed all instances' }
      : { type: 'Terminating', status: 'False', reason: 'NeverEstablished', message: 'resource was never established' },
  );
  (done.metadata ??= {}).finalizers = remaining;
  writeStatus(options, live, done);
}

/** Deletes every custom resource `crd` served (each a DELETED event to its watchers). */
function deleteObjectsOf(store: ObjectStore, crd: KubeObject): void {
  const plural = statusOf(crd).acceptedNames?.plural ?? '';
  if (plural === '') return;
  const resource = `${specOf(crd).group ?? ''}/${plural}`;
  for (const object of store.list(resource, undefined)) {
    store.delete(resource, object.metadata?.namespace ?? '', object.metadata?.name ?? '');
  }
}
