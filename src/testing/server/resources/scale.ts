// The autoscaling/v1 Scale the `/scale` subresource of a Deployment (or of another
// scalable kind) reads and writes.
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { goRoundTrip, schemaFor } from '../schema/index.ts';
import type { JsonValue } from '../schema/index.ts';
import { selectorString } from '../table/selector-string.ts';
import { customScaleParts } from '../crd/custom-scale.ts';

/** The Scale as a type of its own: bodies, patches and field ownership of `/scale` use it. */
export const scaleType: ResourceType = {
  group: 'autoscaling',
  version: 'v1',
  kind: 'Scale',
  plural: 'scales',
  singular: '',
  namespaced: true,
  shortNames: [],
  verbs: ['get', 'patch', 'update'],
  unconditionalUpdate: true,
  generation: 'none',
  statusSubresource: false,
};

type Json = Record<string, unknown>;
const objectOf = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

/** A ReplicationController's selector is a plain label map; the apps kinds' a LabelSelector. */
const selectorOf = (spec: Json, type: ResourceType | undefined): Parameters<typeof selectorString>[0] =>
  type?.mapSelector === true ? { matchLabels: objectOf(spec.selector) } : (spec.selector as never);

/**
 * The Scale of a Deployment (or of a custom resource, at its CRD's paths), as kube-apiserver writes it: the Deployment's identity
 * (name, namespace, uid, resourceVersion, creationTimestamp), spec.replicas,
 * status.replicas and the selector as a string. No managedFields.
 */
export function scaleOf(parent: KubeObject, type?: ResourceType): KubeObject {
  const metadata = parent.metadata ?? {};
  const spec = objectOf(parent.spec);
  const status = objectOf(parent.status);
  const parts = type?.scalePaths
    ? customScaleParts(parent, type.scalePaths)
    : {
        spec: { replicas: spec.replicas },
        status: { replicas: status.replicas, selector: selectorString(selectorOf(spec, type)) },
      };
  const scale = {
    kind: scaleType.kind,
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: metadata.name,
      namespace: metadata.namespace,
      uid: metadata.uid,
      resourceVersion: metadata.resourceVersion,
      creationTimestamp: metadata.creationTimestamp,
    },
    ...parts,
  };
  return goRoundTrip(
    schemaFor('autoscaling/v1', 'Scale'),
    JSON.parse(JSON.stringify(scale)) as JsonValue,
  ) as KubeObject;
}
