import type * as k8s from '@kubernetes/client-node';
import { seedObject } from '../../src/lab/lab-object.ts';

/**
 * The seed scenario's Deployment (one nginx:1.12 replica, `app=demo`, the counter label),
 * as the lab creates it, without a namespace: requests name it in the URL.
 */
export function demoDeployment(name: string, label: string, start: number): k8s.V1Deployment {
  const { metadata, ...rest } = seedObject({ kind: 'deployment', namespace: '', name, label }, start);
  return { ...rest, metadata: { name, labels: metadata?.labels ?? {} } };
}

/** Reads an integer label, or throws an error naming object, label and value. */
export function integerLabel(deployment: k8s.V1Deployment, label: string): number {
  const value = deployment.metadata?.labels?.[label];
  const parsed = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isSafeInteger(parsed)) {
    const name = `${deployment.metadata?.namespace ?? '?'}/${deployment.metadata?.name ?? '?'}`;
    throw new Error(`label ${label} of Deployment ${name} is not an integer: ${JSON.stringify(value)}`);
  }
  return parsed;
}
