// kube-controller-manager's namespace controller, in small: a Namespace marked for
// deletion with the `kubernetes` finalizer has its contents deleted (objects held by
// finalizers stay until those go); once it is empty, the finalizer is removed through
// /finalize, and kube-apiserver's rules then delete the Namespace.
import type { KubeObject } from '../../../core/object.ts';
import { specFinalizers } from '../handlers/deletion-finalizers.ts';
import { type ControllerContext, deleteAsClient, updateStored } from './controller-context.ts';

const namespacesResource = '/namespaces';
const namespaceFinalizer = 'kubernetes';

/** Whether `namespace` is terminating and still waits for the namespace controller. */
export function awaitsCleanUp(context: ControllerContext, namespace: string): boolean {
  const object = context.store.get(namespacesResource, '', namespace);
  return object !== undefined && terminating(object);
}

const terminating = (object: KubeObject) =>
  object.metadata?.deletionTimestamp !== undefined && specFinalizers(object).includes(namespaceFinalizer);

/** Deletes what is in `namespace`; finalizes it once nothing is left. */
export function cleanUpNamespace(context: ControllerContext, namespace: string): void {
  if (!awaitsCleanUp(context, namespace)) return;
  let remaining = 0;
  for (const type of context.registry.all()) {
    if (!type.namespaced) continue;
    const resource = `${type.group}/${type.plural}`;
    for (const object of context.store.list(resource, namespace)) {
      const name = object.metadata?.name ?? '';
      if (object.metadata?.deletionTimestamp === undefined) {
        deleteAsClient(context, { resource, namespace, name }, { propagationPolicy: 'Background' });
      }
      if (context.store.get(resource, namespace, name)) remaining++;
    }
  }
  if (remaining > 0) return;
  updateStored(
    context,
    { resource: namespacesResource, namespace: '', name: namespace },
    (object) => {
      const spec = (object.spec ??= {}) as { finalizers?: string[] };
      spec.finalizers = specFinalizers(object).filter((f) => f !== namespaceFinalizer);
    },
    'finalize',
  );
}
