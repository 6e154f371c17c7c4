// The fields an Event can be selected by (k8s.io/kubernetes v1.36.3
// pkg/registry/core/event ToSelectableFields), and the names events.k8s.io/v1 gives them
// (pkg/apis/events/v1 AddFieldLabelConversionsForEvent: no `source` there).
import type { KubeObject } from '../../../core/object.ts';
import type { FieldSelectors } from '../resource-type.ts';

type Json = Record<string, unknown>;
const objectOf = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const referenceFields = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

/** A core/v1 Event: its involved object's fields, reason, reporting component, source, type. */
export const coreEventFieldSelectors: FieldSelectors = {
  fields: [
    ...referenceFields.map((field) => `involvedObject.${field}`),
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  values: (event: KubeObject) => {
    const involved = objectOf(event.involvedObject);
    const reporting = text(event.reportingComponent);
    return {
      ...Object.fromEntries(referenceFields.map((field) => [`involvedObject.${field}`, text(involved[field])])),
      reason: text(event.reason),
      reportingComponent: reporting,
      source: text(objectOf(event.source).component) || reporting,
      type: text(event.type),
    };
  },
};

/** An events.k8s.io/v1 Event: the same fields under its own names, `source` not among them. */
export const eventsV1FieldSelectors: FieldSelectors = {
  fields: [...referenceFields.map((field) => `regarding.${field}`), 'reason', 'reportingController', 'type'],
  values: (event: KubeObject) => {
    const regarding = objectOf(event.regarding);
    return {
      ...Object.fromEntries(referenceFields.map((field) => [`regarding.${field}`, text(regarding[field])])),
      reason: text(event.reason),
      reportingController: text(event.reportingController),
      type: text(event.type),
    };
  },
};
