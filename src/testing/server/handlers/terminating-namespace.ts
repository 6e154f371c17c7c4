import type { ObjectStore } from '../object-store.ts';
import { StatusError } from '../http/status.ts';
import { qualifiedResource, type ResourceType } from '../resource-type.ts';

/**
 * kube-apiserver's NamespaceLifecycle admission: nothing new is created in a namespace
 * being deleted (403, with the cause it names).
 */
export function refuseInTerminatingNamespace(
  store: ObjectStore,
  type: ResourceType,
  namespace: string,
  name: string,
): void {
  if (!type.namespaced || namespace === '') return;
  const namespaceObject = store.get('/namespaces', '', namespace);
  if (namespaceObject?.metadata?.deletionTimestamp === undefined) return;
  throw new StatusError(
    403,
    `${qualifiedResource(type)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
    'Forbidden',
    {
      name,
      ...(type.group !== '' && { group: type.group }),
      kind: type.plural,
      causes: [
        {
          reason: 'NamespaceTerminating',
          message: `namespace ${namespace} is being terminated`,
          field: 'metadata.namespace',
        },
      ],
    },
  );
}
