/**
 * The kinds the embedded server can read and write as protobuf: each maps an apiVersion
 * and kind to its message in k8s.io/api or k8s.io/apimachinery's generated.proto. The
 * generator keeps these messages and everything they reach. To serve another kind as
 * protobuf, add it here (with its List) and run `npm run protobuf`.
 */
export interface RootKind {
  readonly apiVersion: string;
  readonly kind: string;
  /** The full protobuf message name. */
  readonly message: string;
}

const core = 'k8s.io.api.core.v1';
const kindAndList = (apiVersion: string, pkg: string, kind: string): RootKind[] => [
  { apiVersion, kind, message: `${pkg}.${kind}` },
  { apiVersion, kind: `${kind}List`, message: `${pkg}.${kind}List` },
];
const meta = 'k8s.io.apimachinery.pkg.apis.meta.v1';

export const rootKinds: readonly RootKind[] = [
  { apiVersion: 'v1', kind: 'Namespace', message: `${core}.Namespace` },
  { apiVersion: 'v1', kind: 'NamespaceList', message: `${core}.NamespaceList` },
  { apiVersion: 'v1', kind: 'ConfigMap', message: `${core}.ConfigMap` },
  { apiVersion: 'v1', kind: 'ConfigMapList', message: `${core}.ConfigMapList` },
  { apiVersion: 'v1', kind: 'Secret', message: `${core}.Secret` },
  { apiVersion: 'v1', kind: 'SecretList', message: `${core}.SecretList` },
  { apiVersion: 'v1', kind: 'Pod', message: `${core}.Pod` },
  { apiVersion: 'v1', kind: 'PodList', message: `${core}.PodList` },
  { apiVersion: 'apps/v1', kind: 'Deployment', message: 'k8s.io.api.apps.v1.Deployment' },
  { apiVersion: 'apps/v1', kind: 'DeploymentList', message: 'k8s.io.api.apps.v1.DeploymentList' },
  { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', message: 'k8s.io.api.coordination.v1.Lease' },
  { apiVersion: 'coordination.k8s.io/v1', kind: 'LeaseList', message: 'k8s.io.api.coordination.v1.LeaseList' },
  { apiVersion: 'autoscaling/v1', kind: 'Scale', message: 'k8s.io.api.autoscaling.v1.Scale' },
  ...kindAndList('apps/v1', 'k8s.io.api.apps.v1', 'ReplicaSet'),
  ...kindAndList('apps/v1', 'k8s.io.api.apps.v1', 'StatefulSet'),
  ...kindAndList('apps/v1', 'k8s.io.api.apps.v1', 'DaemonSet'),
  ...kindAndList('batch/v1', 'k8s.io.api.batch.v1', 'CronJob'),
  ...kindAndList('batch/v1', 'k8s.io.api.batch.v1', 'Job'),
  ...kindAndList('v1', core, 'Service'),
  ...kindAndList('v1', core, 'ServiceAccount'),
  ...kindAndList('v1', core, 'Event'),
  ...kindAndList('v1', core, 'Endpoints'),
  ...kindAndList('v1', core, 'PersistentVolumeClaim'),
  ...kindAndList('v1', core, 'ReplicationController'),
  ...kindAndList('v1', core, 'Node'),
  ...kindAndList('networking.k8s.io/v1', 'k8s.io.api.networking.v1', 'Ingress'),
  ...kindAndList('networking.k8s.io/v1', 'k8s.io.api.networking.v1', 'NetworkPolicy'),
  ...kindAndList('policy/v1', 'k8s.io.api.policy.v1', 'PodDisruptionBudget'),
  ...kindAndList('discovery.k8s.io/v1', 'k8s.io.api.discovery.v1', 'EndpointSlice'),
  ...kindAndList('events.k8s.io/v1', 'k8s.io.api.events.v1', 'Event'),
  ...kindAndList('apiregistration.k8s.io/v1', 'k8s.io.kube_aggregator.pkg.apis.apiregistration.v1', 'APIService'),
  ...['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'].flatMap((kind) =>
    kindAndList('rbac.authorization.k8s.io/v1', 'k8s.io.api.rbac.v1', kind),
  ),
  { apiVersion: 'v1', kind: 'Status', message: `${meta}.Status` },
  { apiVersion: 'meta.k8s.io/v1', kind: 'Status', message: `${meta}.Status` },
  // What client-go's metadata client asks for (`as=PartialObjectMetadata[List]`), in protobuf first.
  { apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadata', message: `${meta}.PartialObjectMetadata` },
  { apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadataList', message: `${meta}.PartialObjectMetadataList` },
  { apiVersion: 'meta.k8s.io/v1beta1', kind: 'PartialObjectMetadata', message: `${meta}.PartialObjectMetadata` },
  {
    apiVersion: 'meta.k8s.io/v1beta1',
    kind: 'PartialObjectMetadataList',
    message: 'k8s.io.apimachinery.pkg.apis.meta.v1beta1.PartialObjectMetadataList',
  },
];

/**
 * meta/v1 kinds that Go registers in every group version (`metav1.AddToGroupVersion`):
 * a client may send a DeleteOptions as `apps/v1`. They are added for each apiVersion of
 * `rootKinds`, and for `meta.k8s.io/v1`.
 */
export const everyVersionKinds: readonly Omit<RootKind, 'apiVersion'>[] = [
  { kind: 'DeleteOptions', message: `${meta}.DeleteOptions` },
  { kind: 'WatchEvent', message: `${meta}.WatchEvent` },
];

/** Messages the codec itself needs, whatever the kinds: the `k8s\0` envelope. */
export const rootMessages: readonly string[] = ['k8s.io.apimachinery.pkg.runtime.Unknown'];
