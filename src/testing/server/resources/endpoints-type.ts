// core/v1 Endpoints with kube-apiserver v1.36.3's defaults (SetDefaults_Endpoints: a
// port's protocol TCP) and strategy (pkg/registry/core/endpoint: no generation, a PUT of
// an absent object creates it). Stored and served only: no endpoints controller fills
// them from Services. kube-apiserver's deprecation warning is not sent.
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { standardVerbs } from './verbs.ts';
import { validateEndpoints } from './validate-endpoints.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const objectsIn = (value: unknown): Json[] => (Array.isArray(value) ? (value as unknown[]).filter(isObject) : []);

function defaultEndpoints(object: KubeObject): void {
  for (const subset of objectsIn(object.subsets)) {
    for (const port of objectsIn(subset.ports)) if (!port.protocol) port.protocol = 'TCP';
  }
}

export const endpoints: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  singular: 'endpoints',
  namespaced: true,
  shortNames: ['ep'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  createOnUpdate: true,
  generation: 'none',
  statusSubresource: false,
  deprecationWarning: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  applyDefaults: defaultEndpoints,
  validate: validateEndpoints,
};
