// discovery.k8s.io/v1 EndpointSlices with kube-apiserver v1.36.3's defaults
// (pkg/apis/discovery/v1/defaults.go: a port's name "" and protocol TCP) and strategy
// (pkg/registry/discovery/endpointslice: generation on any change outside metadata, and on
// labels). Stored and served only: no EndpointSlice controller writes them for Services.
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { standardVerbs } from './verbs.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** SetDefaults_EndpointPort on each port. */
function defaultEndpointSlice(object: KubeObject): void {
  if (!Array.isArray(object.ports)) return;
  for (const port of object.ports as unknown[]) {
    if (!isObject(port)) continue;
    port.name ??= '';
    port.protocol ??= 'TCP';
  }
}

export const endpointSlices: ResourceType = {
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  singular: 'endpointslice',
  namespaced: true,
  shortNames: [],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'all-but-metadata-or-labels',
  statusSubresource: false,
  applyDefaults: defaultEndpointSlice,
};
