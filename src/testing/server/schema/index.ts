/**
 * Structural schemas of the kinds the embedded server serves, transcribed from the Go
 * types of k8s.io/api v0.36.3 and checked against kube-apiserver v1.36.3's OpenAPI.
 * @packageDocumentation
 */
import { customResourceDefinition } from './apiextensions-v1-crd.ts';
import { deployment } from './apps-v1-deployment.ts';
import { scale } from './autoscaling-v1-scale.ts';
import { lease } from './coordination-v1-lease.ts';
import { configMap, secret } from './core-v1-config.ts';
import { namespace } from './core-v1-namespace.ts';
import { pod } from './core-v1-pod.ts';
import { customResource } from './custom-resource.ts';
import type { Schema } from './schema.ts';

export type {
  DeducedSchema,
  FieldSchema,
  JsonValue,
  ListSchema,
  MapSchema,
  PatchStrategy,
  ScalarSchema,
  Schema,
  StructSchema,
} from './schema.ts';
export { customResource } from './custom-resource.ts';
export { deduced } from './schema.ts';
export { goRoundTrip } from '../go/go-round-trip.ts';
export { zeroValue } from './zero-value.ts';

interface KindInfo {
  readonly schema: Schema;
  /** Paths the strategy resets on a write (Go's `GetResetFields`), by subresource. */
  readonly resetFields: Readonly<Record<string, readonly (readonly string[])[]>>;
}

const kinds: Record<string, KindInfo> = {
  'v1/ConfigMap': { schema: configMap, resetFields: {} },
  'v1/Secret': { schema: secret, resetFields: {} },
  'v1/Namespace': { schema: namespace, resetFields: { '': [['status']], status: [['spec']], finalize: [['status']] } },
  'v1/Pod': {
    schema: pod,
    resetFields: {
      '': [['status']],
      status: [['spec'], ['metadata', 'deletionTimestamp'], ['metadata', 'ownerReferences']],
    },
  },
  'apps/v1/Deployment': {
    schema: deployment,
    resetFields: { '': [['status']], status: [['spec'], ['metadata', 'labels']] },
  },
  'coordination.k8s.io/v1/Lease': { schema: lease, resetFields: {} },
  'autoscaling/v1/Scale': { schema: scale, resetFields: {} },
  'apiextensions.k8s.io/v1/CustomResourceDefinition': {
    schema: customResourceDefinition,
    resetFields: { '': [['status']], status: [['spec']] },
  },
};

/**
 * The schema of `kind` in `apiVersion` (`apps/v1`, `v1`). Any other kind is taken for a
 * custom resource without a schema (`x-kubernetes-preserve-unknown-fields`): typed
 * apiVersion, kind and metadata, everything else deduced.
 */
export function schemaFor(apiVersion: string, kind: string): Schema {
  return kinds[`${apiVersion}/${kind}`]?.schema ?? customResource;
}

/**
 * The field paths a write through `subresource` ('' for the main resource) resets, so
 * that nobody owns them there: `status` for the main resource of a Deployment, `spec`
 * for its status subresource. Empty for kinds without a strategy that resets fields.
 */
export function resetFieldsFor(apiVersion: string, kind: string, subresource = ''): readonly (readonly string[])[] {
  return kinds[`${apiVersion}/${kind}`]?.resetFields[subresource] ?? [];
}
