// Containers kube-apiserver v1.36.3 refuses with 422, in Pods and in pod templates: no
// name or image, a name that is not a DNS label or is used twice, ports out of range or
// badly named, an unknown pull policy, an env var without a name.
import type { ConformanceCase } from '../../conformance-case.ts';
import { paths } from '../../conformance-case.ts';

type Json = Record<string, unknown>;
const pod = (name: string, containers: Json[]): Json => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers },
});
const deployment = (name: string, containers: Json[]): Json => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers } },
  },
});

export const invalidContainerCases: ConformanceCase[] = [
  {
    name: 'invalid specs: Pod containers without names or images, named twice or badly',
    steps: [
      () => ({ method: 'POST', path: paths.pods, body: pod('no-image', [{ name: 'c' }]) }),
      () => ({ method: 'POST', path: paths.pods, body: pod('no-name', [{ image: 'x' }]) }),
      () => ({ method: 'POST', path: paths.pods, body: pod('bad-name', [{ name: 'My_App', image: 'x' }]) }),
      () => ({
        method: 'POST',
        path: paths.pods,
        body: pod('twice', [
          { name: 'c', image: 'x' },
          { name: 'c', image: 'y' },
        ]),
      }),
      () => ({
        method: 'POST',
        path: paths.pods,
        body: pod('pull', [{ name: 'c', image: 'x', imagePullPolicy: 'Sometimes' }]),
      }),
      () => ({
        method: 'POST',
        path: paths.pods,
        body: pod('env', [{ name: 'c', image: 'x', env: [{ value: 'v' }, { name: 'OK', value: 'v' }] }]),
      }),
    ],
  },
  {
    name: 'invalid specs: container ports, in a Pod and in a Deployment template',
    steps: [
      () => ({
        method: 'POST',
        path: paths.pods,
        body: pod('ports', [
          {
            name: 'c',
            image: 'x',
            ports: [
              { containerPort: 0 },
              { containerPort: 70000, hostPort: 70001, protocol: 'HTTP' },
              { name: 'Web_Port', containerPort: 80 },
              { name: 'web', containerPort: 81 },
              { name: 'web', containerPort: 82 },
            ],
          },
        ]),
      }),
      () => ({
        method: 'POST',
        path: paths.deployments,
        body: deployment('container-mistakes', [
          { name: 'c' },
          { name: 'c', image: 'x', ports: [{ containerPort: 0 }] },
        ]),
      }),
    ],
  },
];
