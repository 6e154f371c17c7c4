// A custom resource (CRD on the real server, registerCustomResource on the embedded one).
import { type ConformanceCase, paths } from '../conformance-case.ts';

export const widgetDefinition = {
  group: 'example.kubeconflict.dev',
  version: 'v1',
  kind: 'Widget',
  plural: 'widgets',
  singular: 'widget',
} as const;

const widget = (name: string, size: number, resourceVersion?: string) => ({
  apiVersion: 'example.kubeconflict.dev/v1',
  kind: 'Widget',
  metadata: { name, ...(resourceVersion && { resourceVersion }) },
  spec: { size },
});

export const customCases: ConformanceCase[] = [
  {
    name: 'custom resource: create, update with and without resourceVersion, list',
    steps: [
      () => ({ method: 'POST', path: paths.widgets, body: widget('w1', 1) }),
      () => ({ method: 'PUT', path: `${paths.widgets}/w1`, body: widget('w1', 2) }),
      (r) => ({
        method: 'PUT',
        path: `${paths.widgets}/w1`,
        body: widget('w1', 2, (r[0]?.json as { metadata: { resourceVersion: string } }).metadata.resourceVersion),
      }),
      () => ({ method: 'GET', path: paths.widgets }),
    ],
  },
  {
    name: 'custom resource: a metadata-only change keeps generation, a spec change raises it',
    steps: [
      () => ({ method: 'POST', path: paths.widgets, body: widget('w2', 1) }),
      () => ({
        method: 'PATCH',
        path: `${paths.widgets}/w2`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { metadata: { labels: { a: 'b' } } },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.widgets}/w2`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { spec: { size: 5 } },
      }),
    ],
  },
];
