// events.k8s.io/v1 Events: kube-apiserver serves them from core/v1 Events' storage
// (pkg/registry/events/rest uses the core Event store and strategy), so an Event written
// through one version is read, watched and deleted through the other, same uid and
// resourceVersion. The same resource but for its group; writes through this version get
// the strict validation.
import type { ResourceType } from '../resource-type.ts';
import { coreToEventsV1, eventsV1ToCore } from './event-conversion.ts';
import { eventCreateCauses, eventUpdateCauses } from './event-validation.ts';
import { events } from './core-more-types.ts';

export const eventsV1: ResourceType = {
  ...events,
  group: 'events.k8s.io',
  cohabitation: {
    served: 'events.k8s.io/events',
    stored: '/events',
    storedGroup: '',
    toStored: eventsV1ToCore,
    fromStored: coreToEventsV1,
  },
  validate: (object, live) =>
    live
      ? eventUpdateCauses(eventsV1ToCore(object), eventsV1ToCore(live), 'events.k8s.io/v1')
      : eventCreateCauses(eventsV1ToCore(object), 'events.k8s.io/v1'),
};
