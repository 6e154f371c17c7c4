// kube-controller-manager's pvc-protection controller, in small: a PersistentVolumeClaim
// being deleted loses its `kubernetes.io/pvc-protection` finalizer (which admission adds on
// create) once no Pod of its namespace uses it. As there, a Pod uses the claims its volumes
// name once it is scheduled (a kubelet would not start it with a claim being deleted),
// finished or not, until the Pod is gone.
import type { KubeObject } from '../../../core/object.ts';
import type { StoreEvent } from '../object-store.ts';
import { finalizersOf } from '../handlers/deletion-finalizers.ts';
import { type ControllerContext, lookUp, removeFinalizer, updateStored } from './controller-context.ts';

export const pvcProtectionFinalizer = 'kubernetes.io/pvc-protection';
const claims = '/persistentvolumeclaims';
const pods = '/pods';

/** The claims (`namespace/name`) whose protection a change may end: the claim itself, or those a Pod used. */
export function claimsTouchedBy(event: StoreEvent): string[] {
  if (event.resource === claims) return [`${event.namespace}/${event.object.metadata?.name ?? ''}`];
  if (event.resource !== pods) return [];
  return claimNamesOf(event.object).map((name) => `${event.namespace}/${name}`);
}

/** Removes the claim's protection finalizer if it is being deleted and no Pod uses it. */
export function releaseClaim(context: ControllerContext, key: string): void {
  const [namespace = '', name = ''] = key.split('/');
  const ref = { resource: claims, namespace, name };
  const claim = lookUp(context, ref);
  if (claim?.metadata?.deletionTimestamp === undefined) return;
  if (!finalizersOf(claim).includes(pvcProtectionFinalizer)) return;
  const inUse = context.store.list(pods, namespace).some((pod) => usesClaim(pod, name));
  if (inUse) return;
  updateStored(context, ref, (object) => {
    removeFinalizer(object, pvcProtectionFinalizer);
  });
}

function usesClaim(pod: KubeObject, name: string): boolean {
  const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  return typeof nodeName === 'string' && nodeName !== '' && claimNamesOf(pod).includes(name);
}

function claimNamesOf(pod: KubeObject): string[] {
  const volumes = (pod.spec as { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] } | undefined)?.volumes;
  return (volumes ?? []).flatMap((volume) => volume.persistentVolumeClaim?.claimName ?? []);
}
