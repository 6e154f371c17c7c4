// core/v1 ServiceAccounts and Events: stored and served, no defaults beyond what Go's
// JSON writes (an Event's null timestamps and empty reporting fields come from its schema).
// Events get the legacy Event validation, their field selectors, and a PUT of an absent one creates it.
// No token controller runs, so a ServiceAccount gets no secrets, as on a kube-apiserver
// without kube-controller-manager.
import type { ResourceType } from '../resource-type.ts';
import { eventCreateCauses, eventUpdateCauses } from './event-validation.ts';
import { standardVerbs } from './verbs.ts';

export const serviceAccounts: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  singular: 'serviceaccount',
  namespaced: true,
  shortNames: ['sa'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'none',
  statusSubresource: false,
  // pkg/registry/core/serviceaccount/storage sets ReturnDeletedObject.
  returnDeletedObject: true,
};

export const events: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  singular: 'event',
  namespaced: true,
  shortNames: ['ev'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  createOnUpdate: true,
  generation: 'none',
  statusSubresource: false,
  validate: (object, live) => (live ? eventUpdateCauses(object, live, 'v1') : eventCreateCauses(object, 'v1')),
};
