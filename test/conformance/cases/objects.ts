// Creating and reading objects: defaulting, server-owned metadata, managedFields.
import { demoDeployment } from '../../support/demo-deployment.ts';
import { type ConformanceCase, configMap, paths } from '../conformance-case.ts';

export const objectCases: ConformanceCase[] = [
  {
    name: 'create a Deployment: defaults, generation 1, managedFields of the creator',
    steps: [
      () => ({ method: 'POST', path: paths.deployments, body: demoDeployment('defaults', 'biz-version', 101) }),
      () => ({ method: 'GET', path: `${paths.deployments}/defaults` }),
    ],
  },
  {
    name: 'create a ConfigMap with data and labels, named by the User-Agent',
    steps: [
      () => ({
        method: 'POST',
        path: paths.configMaps,
        headers: { 'user-agent': 'kubeconflict-tests/1.0 (linux)' },
        body: configMap('with-data', { a: '1', b: '2' }, { app: 'demo' }),
      }),
      () => ({ method: 'GET', path: `${paths.configMaps}/with-data` }),
    ],
  },
  {
    name: 'create with fieldManager names the manager',
    steps: [
      () => ({
        method: 'POST',
        path: `${paths.configMaps}?fieldManager=my-controller`,
        body: configMap('managed', { k: 'v' }),
      }),
    ],
  },
  {
    name: 'create with only a name records no managedFields',
    steps: [() => ({ method: 'POST', path: paths.configMaps, body: { metadata: { name: 'bare' } } })],
  },
  {
    name: 'create a Secret: stringData folded into data, type Opaque',
    steps: [
      () => ({
        method: 'POST',
        path: paths.secrets,
        body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's1' }, stringData: { password: 'hunter2' } },
      }),
    ],
  },
  {
    name: 'create a Lease',
    steps: [
      () => ({
        method: 'POST',
        path: paths.leases,
        body: {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: 'leader' },
          spec: { holderIdentity: 'a', leaseDurationSeconds: 15 },
        },
      }),
    ],
  },
  {
    name: 'create a Namespace: label, finalizer and phase',
    steps: [
      () => ({
        method: 'POST',
        path: paths.namespaces,
        body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
      }),
    ],
  },
  {
    name: 'create with generateName',
    steps: [() => ({ method: 'POST', path: paths.configMaps, body: { metadata: { generateName: 'gen-' } } })],
  },
  {
    name: 'create without a name',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} } }),
    ],
  },
  {
    name: 'create in a namespace that does not exist',
    steps: [() => ({ method: 'POST', path: '/api/v1/namespaces/nowhere/configmaps', body: configMap('x') })],
  },
  {
    name: 'create with another namespace in the body',
    steps: [
      () => ({
        method: 'POST',
        path: paths.configMaps,
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'other' } },
      }),
    ],
  },
  {
    name: 'create with the wrong kind in the body',
    steps: [
      () => ({
        method: 'POST',
        path: paths.configMaps,
        body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } },
      }),
    ],
  },
  {
    name: 'create bodies that are not objects',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: '' }),
      () => ({ method: 'POST', path: paths.configMaps, body: '[]' }),
      () => ({ method: 'POST', path: paths.configMaps, body: '{"a":}' }),
      () => ({
        method: 'POST',
        path: paths.configMaps,
        body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},}',
      }),
    ],
  },
  {
    name: 'create with an invalid label',
    steps: [() => ({ method: 'POST', path: paths.configMaps, body: configMap('bad-label', {}, { app: 'not ok' }) })],
  },
  {
    name: 'dry-run create writes nothing',
    steps: [
      () => ({ method: 'POST', path: `${paths.configMaps}?dryRun=All`, body: configMap('dry', { k: 'v' }) }),
      () => ({ method: 'GET', path: `${paths.configMaps}/dry` }),
      () => ({ method: 'POST', path: `${paths.configMaps}?dryRun=Sometimes`, body: configMap('dry') }),
    ],
  },
  {
    name: 'delete a ConfigMap, then it is gone',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('doomed') }),
      () => ({ method: 'DELETE', path: `${paths.configMaps}/doomed` }),
      () => ({ method: 'GET', path: `${paths.configMaps}/doomed` }),
      () => ({ method: 'DELETE', path: `${paths.configMaps}/doomed` }),
    ],
  },
  {
    name: 'delete with a matching resourceVersion precondition',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('precondition-ok') }),
      ([created]) => ({
        method: 'DELETE',
        path: `${paths.configMaps}/precondition-ok`,
        body: {
          preconditions: {
            resourceVersion: (created?.json as { metadata: { resourceVersion: string } }).metadata.resourceVersion,
          },
        },
      }),
    ],
  },
  {
    name: 'an oversized body is refused with 413',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: `{"data":{"k":"${'x'.repeat(3 * 1024 * 1024)}"}}` }),
    ],
  },
];
