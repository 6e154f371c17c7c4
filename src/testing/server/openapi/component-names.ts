// The OpenAPI component name of every struct the schema files declare, so the documents
// name types as kube-apiserver does (io.k8s.api.apps.v1.DeploymentSpec). The schema files
// export each Go struct under the Go name in lower camel case; the module says the package.
import * as apiextensionsV1Crd from '../schema/apiextensions-v1-crd.ts';
import * as appsV1Deployment from '../schema/apps-v1-deployment.ts';
import * as coordinationV1Lease from '../schema/coordination-v1-lease.ts';
import * as coreV1Config from '../schema/core-v1-config.ts';
import * as coreV1Container from '../schema/core-v1-container.ts';
import * as coreV1Namespace from '../schema/core-v1-namespace.ts';
import * as coreV1PodSpec from '../schema/core-v1-pod-spec.ts';
import * as coreV1PodStatus from '../schema/core-v1-pod-status.ts';
import * as coreV1Pod from '../schema/core-v1-pod.ts';
import * as coreV1Probe from '../schema/core-v1-probe.ts';
import * as coreV1References from '../schema/core-v1-references.ts';
import * as coreV1SecurityContext from '../schema/core-v1-security-context.ts';
import * as coreV1Volume from '../schema/core-v1-volume.ts';
import * as metaV1 from '../schema/meta-v1.ts';
import type { Schema, StructSchema } from '../schema/index.ts';

const packages: readonly [string, Readonly<Record<string, unknown>>][] = [
  ['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1', apiextensionsV1Crd],
  ['io.k8s.api.apps.v1', appsV1Deployment],
  ['io.k8s.api.coordination.v1', coordinationV1Lease],
  ...[
    coreV1Config,
    coreV1Container,
    coreV1Namespace,
    coreV1PodSpec,
    coreV1PodStatus,
    coreV1Pod,
    coreV1Probe,
    coreV1References,
    coreV1SecurityContext,
    coreV1Volume,
  ].map((module): [string, Readonly<Record<string, unknown>>] => ['io.k8s.api.core.v1', module]),
  ['io.k8s.apimachinery.pkg.apis.meta.v1', metaV1],
];

// Go spells these initialisms in capitals, which lower camel case cannot show.
const initialisms: readonly [string, string][] = [
  ['aws', 'AWS'],
  ['csi', 'CSI'],
  ['fc', 'FC'],
  ['gce', 'GCE'],
  ['grpc', 'GRPC'],
  ['http', 'HTTP'],
  ['iscsi', 'ISCSI'],
  ['json', 'JSON'],
  ['nfs', 'NFS'],
  ['rbd', 'RBD'],
  ['seLinux', 'SELinux'],
  ['tcp', 'TCP'],
];

/** `httpGetAction` → `HTTPGetAction`, `podSpec` → `PodSpec`. */
export function goTypeName(exportName: string): string {
  for (const [prefix, spelled] of initialisms) {
    const rest = exportName.slice(prefix.length);
    if (exportName.startsWith(prefix) && /^[A-Z]/.test(rest)) return spelled + rest;
  }
  return exportName.charAt(0).toUpperCase() + exportName.slice(1);
}

const isStruct = (value: unknown): value is StructSchema =>
  typeof value === 'object' && value !== null && (value as Schema).kind === 'struct';

const names = new Map<StructSchema, string>();
for (const [prefix, module] of packages) {
  for (const [exportName, value] of Object.entries(module)) {
    if (isStruct(value) && !names.has(value)) names.set(value, `${prefix}.${goTypeName(exportName)}`);
  }
}

/** The component name of a struct the schema files declare; undefined for anonymous ones. */
export const componentName = (schema: StructSchema): string | undefined => names.get(schema);
