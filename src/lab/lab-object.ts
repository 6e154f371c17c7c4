import type { KubeObjectClient } from '../client/kube-object-client.ts';
import type { KubeObject, ObjectRef } from '../core/object.ts';

export type LabKind = 'deployment' | 'configmap';

/** The one object a lab run contends on. */
export interface LabObjectRef {
  readonly kind: LabKind;
  readonly namespace: string;
  readonly name: string;
  readonly label: string;
}

/** The reads and writes the lab's workers make. */
export interface LabClient {
  /** The client underneath, for strategies that patch or use the update helpers. */
  readonly objects: KubeObjectClient;
  readonly objectRef: ObjectRef;
  read(signal?: AbortSignal): Promise<KubeObject>;
  replace(object: KubeObject, signal?: AbortSignal): Promise<KubeObject>;
  create(start: number): Promise<KubeObject>;
  delete(): Promise<void>;
}

/** The seed scenario's object: a Deployment (demo-deployment by default) carrying the counter label, or a ConfigMap with it. */
export function seedObject(ref: LabObjectRef, start: number): KubeObject {
  const metadata = { name: ref.name, namespace: ref.namespace, labels: { [ref.label]: String(start) } };
  if (ref.kind === 'configmap') return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: {} };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'demo' } },
      template: {
        metadata: { labels: { app: 'demo' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.12' }] },
      },
    },
  };
}

/** The counter label as an integer, or an error naming object, label and value. */
export function counterOf(object: KubeObject, ref: LabObjectRef): number {
  const value = object.metadata?.labels?.[ref.label];
  if (value === undefined || !/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new LabInputError(
      `label ${ref.label} of ${ref.kind} ${ref.namespace}/${ref.name} is ${value === undefined ? 'missing' : `not an integer: ${JSON.stringify(value)}`}; ` +
        'the lab counts in it, so it must hold a whole number',
    );
  }
  return Number(value);
}

/** The object with the counter label set to `value` (a copy). */
export function withCounter(object: KubeObject, ref: LabObjectRef, value: number): KubeObject {
  const metadata = { ...object.metadata, labels: { ...object.metadata?.labels, [ref.label]: String(value) } };
  return { ...object, metadata };
}

/** A problem with what the user asked for or pointed the lab at: no retry can fix it. */
export class LabInputError extends Error {
  override readonly name = 'LabInputError';
}
