// The `/scale` subresource of a Deployment, ReplicaSet, StatefulSet or ReplicationController:
// an autoscaling/v1 Scale of its spec.replicas, written through the parent's own strategy
// (as kube-apiserver's ScaleREST does).
import { decodeObject } from '../http/decode-object.ts';
import { invalid, notFound, StatusError } from '../http/status.ts';
import type { KubeObject, ManagedFieldsEntry } from '../../../core/object.ts';
import { ApplyError } from '../fields/index.ts';
import {
  deploymentReplicasPaths,
  replicationControllerReplicasPaths,
  toParentManagedFields,
  toScaleManagedFields,
} from '../fields/scale-fields.ts';
import { timestamp } from '../clock.ts';
import { groupVersion, type ResourceType } from '../resource-type.ts';
import { scaleOf, scaleType } from '../resources/scale.ts';
import { checkCustomReplicas, customReplicasPaths, setSpecReplicas } from '../crd/custom-scale.ts';
import { goRoundTrip, schemaFor, type JsonValue } from '../schema/index.ts';
import { applyConflictError } from './apply-conflict.ts';
import { applyConfiguration, patchedObject, patchTypeOf, statusFor } from './patch.ts';
import { type PersistContext, persist } from './persist.ts';
import { requireRequestNamespace } from './request-namespace.ts';
import { invalidValue } from './validate.ts';
import { checkResourceVersionPrecondition, requireRequestName } from './write-preconditions.ts';
import type { WriteRequest } from './write-request.ts';

type ScaleRequest = WriteRequest & { name: string };

/** GET of the Scale. */
export function getScale(context: PersistContext, type: ResourceType, namespace: string, name: string): KubeObject {
  const live = context.store.get(`${type.group}/${type.plural}`, namespace, name);
  if (!live) throw notFound(type, name);
  return scaleOf(live, type);
}

/**
 * PUT or PATCH (merge, JSON, strategic, apply) of the Scale: the Scale the request makes
 * of the current one is validated, its replicas become the Deployment's, its field
 * ownership maps back onto the Deployment's spec.replicas, and the Deployment is written
 * as any update of it is (status kept, generation raised). Answers the new Scale.
 */
export function writeScale(
  context: PersistContext,
  request: ScaleRequest,
  verb: 'update' | 'patch',
): { status: number; object: KubeObject } {
  const { type, namespace, name, manager, dryRun } = request;
  const scaleRequest = { ...request, type: scaleType };
  // A PUT body is decoded, and a patch's type checked, before the object is read.
  const sent = verb === 'update' ? decodeScale(scaleRequest) : undefined;
  const patchType = verb === 'patch' ? patchTypeOf(scaleRequest) : undefined;
  const live = context.store.get(`${type.group}/${type.plural}`, namespace, name);
  if (!live) throw notFound(type, name);
  const current = scaleOf(live, type);
  const replicasPaths = type.scalePaths
    ? customReplicasPaths(type, type.scalePaths)
    : type.group === ''
      ? replicationControllerReplicasPaths
      : deploymentReplicasPaths;
  current.metadata = {
    ...current.metadata,
    managedFields: toScaleManagedFields(managedFieldsOf(live), replicasPaths),
  };
  const { scale, managedFields } =
    patchType === 'apply'
      ? appliedScale(context, scaleRequest, current)
      : updatedScale(
          context,
          scaleRequest,
          current,
          sent ?? patchedObject(scaleRequest, current, patchType ?? 'merge'),
        );
  const replicas = (scale.spec as { replicas?: number } | undefined)?.replicas ?? 0;
  if (type.scalePaths) checkCustomReplicas(type, type.scalePaths, name, replicas);
  checkScale(type, scale, name, live);
  checkResourceVersionPrecondition(type, name, scale.metadata?.resourceVersion, live);
  const desired = structuredClone(live);
  if (type.scalePaths) setSpecReplicas(desired, type.scalePaths, replicas);
  else (desired.spec as Record<string, unknown>).replicas = replicas;
  (desired.metadata ??= {}).managedFields = toParentManagedFields(
    managedFieldsOf(live),
    managedFields,
    replicasPaths,
    groupVersion(type),
  );
  const write = { type, namespace, live, desired, manager, dryRun, managedFieldsDone: true };
  const { object } = persist(context, write);
  return { status: 200, object: scaleOf(object, type) };
}

const managedFieldsOf = (object: KubeObject): ManagedFieldsEntry[] => object.metadata?.managedFields ?? [];

function decodeScale(request: ScaleRequest): KubeObject {
  const scale = decodeObject(request.body, scaleType, request.contentType, request.bytes);
  requireRequestName(scale.metadata?.name, request.name);
  requireRequestNamespace(scaleType, scale.metadata?.namespace, request.namespace);
  return scale;
}

/** A PUT or patched Scale and its managedFields after this Update. */
function updatedScale(context: PersistContext, request: ScaleRequest, current: KubeObject, sent: KubeObject) {
  const scale = goRoundTrip(schemaFor('autoscaling/v1', 'Scale'), sent as JsonValue) as KubeObject;
  const managedFields = context.fields.update({
    type: scaleType,
    live: current,
    updated: scale,
    manager: request.manager,
    time: timestamp(),
    subresource: 'scale',
  });
  return { scale, managedFields };
}

/** The Scale a server-side apply makes, with its managedFields. */
function appliedScale(context: PersistContext, request: ScaleRequest, current: KubeObject) {
  const config = applyConfiguration(request, current);
  const force = request.query.get('force') === 'true';
  let result;
  try {
    result = context.fields.apply({
      type: scaleType,
      live: current,
      config,
      manager: request.manager,
      force,
      time: timestamp(),
      subresource: 'scale',
    });
  } catch (error) {
    if (error instanceof ApplyError) throw statusFor(error.code, error.message);
    throw error;
  }
  if ('conflicts' in result) throw applyConflictError(result.conflicts);
  return { scale: result.object, managedFields: managedFieldsOf(result.object) };
}

/** ValidateScale (replicas not negative), then the UID precondition a Scale may carry. */
function checkScale(type: ResourceType, scale: KubeObject, name: string, live: KubeObject): void {
  const replicas = (scale.spec as { replicas?: unknown } | undefined)?.replicas;
  if (typeof replicas === 'number' && replicas < 0) {
    throw invalid(scaleType, name, [invalidValue('spec.replicas', replicas, 'must be greater than or equal to 0')]);
  }
  const uid = scale.metadata?.uid;
  if (uid !== undefined && uid !== '' && uid !== live.metadata?.uid) {
    throw new StatusError(
      409,
      `Operation cannot be fulfilled on ${type.plural}/scale.${type.group} "${name}": Precondition failed: UID in precondition: ${uid}, UID in object meta: ${live.metadata?.uid ?? ''}`,
      'Conflict',
      { name, group: type.group, kind: `${type.plural}/scale` },
    );
  }
}
