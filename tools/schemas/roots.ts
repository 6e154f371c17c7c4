/**
 * The kinds whose schemas the generator writes (with every struct they reach), each by
 * its component name in kube-apiserver's OpenAPI v3 and the document that holds it. To
 * give the embedded server another built-in kind's schema, add it here and run
 * `npm run schemas`.
 */
export interface SchemaRoot {
  /** The OpenAPI v3 document's file in api/openapi-spec/v3 of k8s.io/kubernetes. */
  readonly document: string;
  /** The component name, `io.k8s.api.apps.v1.Deployment`. */
  readonly component: string;
}

const core = (kind: string): SchemaRoot => ({
  document: 'api__v1_openapi.json',
  component: `io.k8s.api.core.v1.${kind}`,
});
const group = (path: string, pkg: string, kind: string): SchemaRoot => ({
  document: `apis__${path.replaceAll('/', '__')}_openapi.json`,
  component: `io.k8s.api.${pkg}.${kind}`,
});

export const schemaRoots: readonly SchemaRoot[] = [
  core('ConfigMap'),
  core('Secret'),
  core('Namespace'),
  core('Pod'),
  core('Service'),
  core('ServiceAccount'),
  core('Event'),
  core('Endpoints'),
  core('PersistentVolumeClaim'),
  core('ReplicationController'),
  core('Node'),
  group('apps/v1', 'apps.v1', 'Deployment'),
  group('apps/v1', 'apps.v1', 'ReplicaSet'),
  group('apps/v1', 'apps.v1', 'StatefulSet'),
  group('apps/v1', 'apps.v1', 'DaemonSet'),
  group('batch/v1', 'batch.v1', 'CronJob'),
  group('batch/v1', 'batch.v1', 'Job'),
  group('coordination.k8s.io/v1', 'coordination.v1', 'Lease'),
  group('autoscaling/v1', 'autoscaling.v1', 'Scale'),
  group('networking.k8s.io/v1', 'networking.v1', 'Ingress'),
  group('networking.k8s.io/v1', 'networking.v1', 'NetworkPolicy'),
  group('policy/v1', 'policy.v1', 'PodDisruptionBudget'),
  group('discovery.k8s.io/v1', 'discovery.v1', 'EndpointSlice'),
  group('events.k8s.io/v1', 'events.v1', 'Event'),
  {
    document: 'apis__apiregistration.k8s.io__v1_openapi.json',
    component: 'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService',
  },
  ...['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'].map((kind) =>
    group('rbac.authorization.k8s.io/v1', 'rbac.v1', kind),
  ),
];
