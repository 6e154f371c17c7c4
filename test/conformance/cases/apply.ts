// Server-side apply: creation, field ownership, re-apply with fewer fields, conflicts, force.
import { demoDeployment } from '../../support/demo-deployment.ts';
import { type ConformanceCase, applyPatch, paths } from '../conformance-case.ts';

const applied = (name: string, labels: Record<string, string>, data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels },
  data,
});

export const applyCases: ConformanceCase[] = [
  {
    name: 'an apply of no new value still records its manager (a write; time only when a value changed); again, a no-op',
    steps: [
      () => ({
        method: 'POST',
        path: `${paths.configMaps}?fieldManager=creator`,
        body: applied('noop-apply', {}, { a: '1' }),
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/noop-apply?fieldManager=tool-empty`,
        headers: applyPatch,
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'noop-apply' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/noop-apply?fieldManager=tool-same`,
        headers: applyPatch,
        body: applied('noop-apply', {}, { a: '1' }),
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/noop-apply?fieldManager=tool-same`,
        headers: applyPatch,
        body: applied('noop-apply', {}, { a: '1' }),
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/noop-apply2?fieldManager=tool-a`,
        headers: applyPatch,
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'noop-apply2' }, data: { a: '1' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/noop-apply2?fieldManager=tool-b`,
        headers: applyPatch,
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'noop-apply2' }, data: { a: '1' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/noop-apply2?fieldManager=tool-b`,
        headers: applyPatch,
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'noop-apply2' }, data: { a: '1' } },
      }),
    ],
  },
  {
    name: 'apply creates the object; the applier owns what it applied',
    steps: [
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/applied?fieldManager=tool-a`,
        headers: applyPatch,
        body: applied('applied', { app: 'demo' }, { a: '1', b: '2' }),
      }),
    ],
  },
  {
    name: 're-applying without a field removes it',
    steps: [
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/reapplied?fieldManager=tool-a`,
        headers: applyPatch,
        body: applied('reapplied', { app: 'demo' }, { a: '1', b: '2' }),
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/reapplied?fieldManager=tool-a`,
        headers: applyPatch,
        body: applied('reapplied', { app: 'demo' }, { a: '1' }),
      }),
    ],
  },
  {
    name: 'two appliers of the same value share the field',
    steps: [
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/shared?fieldManager=tool-a`,
        headers: applyPatch,
        body: applied('shared', {}, { a: '1' }),
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/shared?fieldManager=tool-b`,
        headers: applyPatch,
        body: applied('shared', {}, { a: '1' }),
      }),
    ],
  },
  {
    name: 'a conflicting apply is refused; with force it takes the field over',
    steps: [
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/contested?fieldManager=tool-a`,
        headers: applyPatch,
        body: applied('contested', {}, { a: '1', b: '1' }),
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/contested?fieldManager=tool-b`,
        headers: applyPatch,
        body: applied('contested', {}, { a: '2', b: '2' }),
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/contested?fieldManager=tool-b&force=true`,
        headers: applyPatch,
        body: applied('contested', {}, { a: '2' }),
      }),
    ],
  },
  {
    name: 'apply over a Deployment created with PUT semantics (Update manager)',
    steps: [
      () => ({
        method: 'POST',
        path: paths.deployments,
        body: demoDeployment('apply-after-create', 'biz-version', 101),
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/apply-after-create?fieldManager=tool-a`,
        headers: applyPatch,
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'apply-after-create', labels: { owner: 'a' } },
        },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/apply-after-create?fieldManager=tool-a`,
        headers: applyPatch,
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'apply-after-create' },
          spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.14' }] } } },
        },
      }),
    ],
  },
  {
    name: 'apply of a Deployment with two containers, then one',
    steps: [
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/apply-containers?fieldManager=tool-a`,
        headers: applyPatch,
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'apply-containers' },
          spec: {
            selector: { matchLabels: { app: 'x' } },
            template: {
              metadata: { labels: { app: 'x' } },
              spec: {
                containers: [
                  { name: 'a', image: 'nginx:1.12' },
                  { name: 'b', image: 'busybox:1.36' },
                ],
              },
            },
          },
        },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/apply-containers?fieldManager=tool-a`,
        headers: applyPatch,
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'apply-containers' },
          spec: {
            selector: { matchLabels: { app: 'x' } },
            template: {
              metadata: { labels: { app: 'x' } },
              spec: { containers: [{ name: 'a', image: 'nginx:1.12' }] },
            },
          },
        },
      }),
    ],
  },
  {
    name: 'an apply carrying a stale resourceVersion is a stale-write conflict; the current one applies',
    steps: [
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/apply-precondition?fieldManager=tool-a`,
        headers: applyPatch,
        body: applied('apply-precondition', {}, { a: '1' }),
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/apply-precondition?fieldManager=tool-a`,
        headers: applyPatch,
        body: applied('apply-precondition', {}, { a: '2' }),
      }),
      (r) => ({
        method: 'PATCH',
        path: `${paths.configMaps}/apply-precondition?fieldManager=tool-a`,
        headers: applyPatch,
        body: {
          ...applied('apply-precondition', {}, { a: '3' }),
          metadata: { name: 'apply-precondition', resourceVersion: versionOf(r[0]?.json) },
        },
      }),
      (r) => ({
        method: 'PATCH',
        path: `${paths.configMaps}/apply-precondition?fieldManager=tool-a`,
        headers: applyPatch,
        body: {
          ...applied('apply-precondition', {}, { a: '4' }),
          metadata: { name: 'apply-precondition', resourceVersion: versionOf(r[1]?.json) },
        },
      }),
    ],
  },
];

function versionOf(object: unknown): string {
  return (object as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
}
