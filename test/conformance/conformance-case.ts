import type { Step } from '../support/status-cases.ts';

/** A short sequence of raw requests; every answer is compared between the two servers. */
export interface ConformanceCase {
  readonly name: string;
  readonly steps: readonly Step[];
  /**
   * The part of each JSON answer to compare, when the real server says more than the
   * embedded one serves (discovery lists every built-in resource). @default all of it
   */
  readonly select?: (body: unknown) => unknown;
}

export const paths = {
  deployments: '/apis/apps/v1/namespaces/default/deployments',
  configMaps: '/api/v1/namespaces/default/configmaps',
  secrets: '/api/v1/namespaces/default/secrets',
  pods: '/api/v1/namespaces/default/pods',
  leases: '/apis/coordination.k8s.io/v1/namespaces/default/leases',
  namespaces: '/api/v1/namespaces',
  widgets: '/apis/example.kubeconflict.dev/v1/namespaces/default/widgets',
} as const;

export const mergePatch = { 'content-type': 'application/merge-patch+json' };
export const jsonPatch = { 'content-type': 'application/json-patch+json' };
export const strategicPatch = { 'content-type': 'application/strategic-merge-patch+json' };
export const applyPatch = { 'content-type': 'application/apply-patch+yaml' };

export const configMap = (name: string, data: Record<string, string> = {}, labels?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, ...(labels && { labels }) },
  data,
});
