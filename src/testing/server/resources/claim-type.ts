// core/v1 PersistentVolumeClaims with kube-apiserver v1.36.3's defaults
// (SetDefaults_PersistentVolumeClaim, ...Spec: phase Pending, volumeMode Filesystem), its
// strategy (pkg/registry/core/persistentvolumeclaim: status only through `/status`) and
// what the StorageObjectInUseProtection admission plugin adds on create (the
// `kubernetes.io/pvc-protection` finalizer, which only kube-controller-manager removes).
// Stored and served only: no claim is bound or provisioned.
import { claimWarnings } from '../warnings/kind-warnings.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { specOnlyStatusUpdate } from './status-strategies.ts';
import { objectAt } from './object-at.ts';
import { standardVerbs } from './verbs.ts';
import { validatePersistentVolumeClaim } from './validate-claim.ts';

/** Go defaults the phase on every decode, so a create's cleared status reads back Pending. */
function defaultPhase(object: KubeObject): void {
  const status = objectAt(object, 'status');
  if (!status.phase) status.phase = 'Pending';
}

function defaultClaim(object: KubeObject): void {
  objectAt(object, 'spec').volumeMode ??= 'Filesystem';
  defaultPhase(object);
}

const protectionFinalizer = 'kubernetes.io/pvc-protection';

export const persistentVolumeClaims: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  singular: 'persistentvolumeclaim',
  namespaced: true,
  shortNames: ['pvc'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'none',
  statusSubresource: true,
  warningsOnWrite: claimWarnings,
  prepareStatusUpdate: specOnlyStatusUpdate,
  statusOnCreate: {},
  applyDefaults: defaultClaim,
  validate: validatePersistentVolumeClaim,
  admitOnCreate: (object) => {
    defaultPhase(object);
    const metadata = (object.metadata ??= {});
    const finalizers: unknown[] = Array.isArray(metadata.finalizers) ? metadata.finalizers : [];
    if (!finalizers.includes(protectionFinalizer)) metadata.finalizers = [...finalizers, protectionFinalizer];
  },
};
