import { decodeDeleteOptions, deleteOptionsInBody } from './delete-options.ts';
import { notFound, preconditionMismatch, uidPreconditionMismatch } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import type { PersistContext } from './persist.ts';
import { timestamp } from '../clock.ts';
import type { WriteRequest } from './write-request.ts';

/**
 * DELETE of an object, honouring DeleteOptions preconditions. Answers as kube-apiserver:
 * a Status for most resources; the object itself for pods (removed at once, as no node
 * holds them) and namespaces (left Terminating: no namespace controller runs here).
 */
export function deleteObject(
  context: PersistContext,
  request: WriteRequest & { name: string; bodyHasLength: boolean },
): { status: number; object: KubeObject } {
  const { type, namespace, name } = request;
  // kube-apiserver ignores a DELETE body sent without Content-Length (chunked), and
  // decodes any other before it looks the object up; then the query's options are unread.
  const inBody = deleteOptionsInBody(request.bodyHasLength, request.body);
  const options = inBody ? decodeDeleteOptions(request.body, request.contentType, request.bytes) : {};
  const dryRun = inBody ? (options.dryRun ?? []).includes('All') : request.dryRun;
  const resource = `${type.group}/${type.plural}`;
  const live = context.store.get(resource, namespace, name);
  if (!live) throw notFound(type, name);
  const expectedVersion = options.preconditions?.resourceVersion;
  const actualVersion = live.metadata?.resourceVersion ?? '';
  if (expectedVersion !== undefined && expectedVersion !== actualVersion) {
    throw preconditionMismatch(type, name, expectedVersion, actualVersion);
  }
  const expectedUid = options.preconditions?.uid;
  if (expectedUid !== undefined && expectedUid !== live.metadata?.uid) {
    throw uidPreconditionMismatch(type, name, expectedUid, live.metadata?.uid ?? '');
  }
  if (type.kind === 'Namespace') return { status: 200, object: markTerminating(context, type, live, dryRun) };
  const deleted = dryRun ? live : (context.store.delete(resource, namespace, name) ?? live);
  if (type.kind === 'Pod') {
    const pod = structuredClone(deleted);
    const metadata = (pod.metadata ??= {});
    metadata.deletionTimestamp = timestamp();
    metadata.deletionGracePeriodSeconds = 0;
    if (metadata.generation !== undefined) metadata.generation += 1;
    return { status: 200, object: pod };
  }
  // The deleted object at the revision of its deletion (kube-apiserver's etcd3 store answers the deletion's revision).
  if (type.returnDeletedObject === true) {
    const resourceVersion = dryRun ? live.metadata?.resourceVersion : String(context.store.revision);
    return { status: 200, object: { ...deleted, metadata: { ...deleted.metadata, resourceVersion } } };
  }
  return { status: 200, object: successStatus(type, name, live.metadata?.uid) };
}

function markTerminating(context: PersistContext, type: ResourceType, live: KubeObject, dryRun: boolean): KubeObject {
  if (live.metadata?.deletionTimestamp !== undefined) return live;
  const terminating = structuredClone(live);
  (terminating.metadata ??= {}).deletionTimestamp = timestamp();
  terminating.status = { ...(terminating.status as Record<string, unknown> | undefined), phase: 'Terminating' };
  return dryRun ? terminating : context.store.put(`${type.group}/${type.plural}`, '', terminating, 'MODIFIED');
}

function successStatus(type: ResourceType, name: string, uid: string | undefined): KubeObject {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name,
      ...(type.group !== '' && { group: type.group }),
      kind: type.plural,
      ...(uid !== undefined && { uid }),
    },
  };
}
