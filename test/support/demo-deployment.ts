import * as k8s from '@kubernetes/client-node';

/** The seed scenario's Deployment: one nginx:1.12 replica, `app=demo`, and the counter label. */
export function demoDeployment(name: string, label: string, start: number): k8s.V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { [label]: String(start) } },
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
