// policy/v1 PodDisruptionBudgets with kube-apiserver v1.36.3's strategy
// (pkg/registry/policy/poddisruptionbudget): no defaults, generation on spec changes, a
// PUT needs a resourceVersion, status only through `/status`. Stored and served only: no
// disruption controller computes the status and no eviction consults it.
import type { ResourceType } from '../resource-type.ts';
import { specOnlyStatusUpdate } from './status-strategies.ts';
import { standardVerbs } from './verbs.ts';
import { validatePodDisruptionBudget } from './validate-budget.ts';

export const podDisruptionBudgets: ResourceType = {
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  singular: 'poddisruptionbudget',
  namespaced: true,
  shortNames: ['pdb'],
  verbs: standardVerbs,
  unconditionalUpdate: false,
  generation: 'spec',
  statusSubresource: true,
  prepareStatusUpdate: specOnlyStatusUpdate,
  statusOnCreate: {},
  validate: validatePodDisruptionBudget,
};
