// The `/scale` of a custom resource whose CRD declares `subresources.scale`: the Scale
// reads spec replicas, status replicas and the selector at the CRD's paths, and a write
// of it sets the spec replicas path (apiextensions' ScaleREST).
import type { KubeObject } from '../../../core/object.ts';
import { StatusError, invalid } from '../http/status.ts';
import { invalidValue } from '../handlers/validate.ts';
import type { ReplicasPaths } from '../fields/scale-fields.ts';
import { groupVersion, type ResourceType } from '../resource-type.ts';
import type { ScalePaths } from './crd-fields.ts';

const steps = (path: string): string[] => path.split('.').slice(1);

function valueAt(object: unknown, path: string): unknown {
  let value = object;
  for (const step of steps(path)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/** The Scale's spec and status of `parent`; a 500 when the spec replicas are missing, as kube-apiserver answers. */
export function customScaleParts(parent: KubeObject, paths: ScalePaths) {
  const replicas = valueAt(parent, paths.specReplicasPath);
  if (typeof replicas !== 'number') {
    const message = `the spec replicas field ${JSON.stringify(paths.specReplicasPath)} does not exist`;
    throw new StatusError(500, `Internal error occurred: ${message}`, 'InternalError', { causes: [{ message }] });
  }
  const statusReplicas = valueAt(parent, paths.statusReplicasPath);
  const selector = paths.labelSelectorPath === undefined ? undefined : valueAt(parent, paths.labelSelectorPath);
  return {
    spec: { replicas },
    status: {
      replicas: typeof statusReplicas === 'number' ? statusReplicas : 0,
      ...(typeof selector === 'string' && { selector }),
    },
  };
}

/** Sets the spec replicas of `object` at the CRD's path. Mutates `object`. */
export function setSpecReplicas(object: KubeObject, paths: ScalePaths, replicas: number): void {
  const path = steps(paths.specReplicasPath);
  let parent = object as Record<string, unknown>;
  for (const step of path.slice(0, -1)) {
    const next = parent[step];
    parent = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : (parent[step] = {});
  }
  parent[path.at(-1) ?? 'replicas'] = replicas;
}

/** Where the custom resource keeps its replicas, for the managedFields of `/scale`. */
export const customReplicasPaths = (type: ResourceType, paths: ScalePaths): ReplicasPaths => ({
  [groupVersion(type)]: steps(paths.specReplicasPath).map((field) => ({ field })),
});

/** ValidateScale of a custom resource: kube-apiserver names the CRD's path and the kind. */
export function checkCustomReplicas(type: ResourceType, paths: ScalePaths, name: string, replicas: unknown): void {
  if (typeof replicas === 'number' && replicas < 0) {
    throw invalid(type, name, [invalidValue(paths.specReplicasPath, replicas, 'should be a non-negative integer')]);
  }
}
