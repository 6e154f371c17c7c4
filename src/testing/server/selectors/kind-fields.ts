// The fields each kind can be selected by, as kube-apiserver v1.36 has them: the field
// labels its conversion accepts (AddFieldLabelConversionFunc, some of them aliases) and
// the values its strategy computes (ToSelectableFields); custom resources add their
// CRD version's selectableFields.
import type { KubeObject } from '../../../core/object.ts';
import { findResults, parseJsonPath, type PathNode } from '../go/go-jsonpath.ts';
import { goFormat } from '../go/go-text.ts';
import { goQuote } from '../go/go-quote.ts';
import type { ResourceType } from '../resource-type.ts';
import { fieldLabelNotSupported, notAKnownFieldSelector, type Fields } from './field-selector.ts';

export interface FieldSelection {
  /** Each field label accepted, with the key of the field set it reads (`spec.host` reads `spec.nodeName`). */
  readonly labels: Readonly<Record<string, string>>;
  /** The object's field set. */
  readonly fields: (object: KubeObject) => Fields;
  /** The 400's message for any other label. */
  readonly unsupported: (label: string) => string;
}

type Json = Record<string, unknown>;
const at = (value: unknown, key: string): Json => {
  const found = (value as Json | undefined)?.[key];
  return typeof found === 'object' && found !== null ? (found as Json) : {};
};
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): string => String(typeof value === 'number' ? value : 0);
const same = (...labels: string[]) => Object.fromEntries(labels.map((label) => [label, label]));
const meta = ['metadata.name', 'metadata.namespace'];

function objectMeta(object: KubeObject): Fields {
  return { 'metadata.name': object.metadata?.name ?? '', 'metadata.namespace': object.metadata?.namespace ?? '' };
}

function podFields(pod: KubeObject): Fields {
  const [spec, status] = [at(pod, 'spec'), at(pod, 'status')];
  const podIPs = Array.isArray(status.podIPs) ? (status.podIPs as unknown[]) : [];
  return {
    ...objectMeta(pod),
    'spec.nodeName': text(spec.nodeName),
    'spec.restartPolicy': text(spec.restartPolicy),
    'spec.schedulerName': text(spec.schedulerName),
    'spec.serviceAccountName': text(spec.serviceAccountName),
    'spec.hostNetwork': String(spec.hostNetwork === true),
    'status.phase': text(status.phase),
    'status.podIP': text(at(podIPs, '0').ip) || text(status.podIP),
    'status.nominatedNodeName': text(status.nominatedNodeName),
  };
}

/** A core/v1 Event's field set, read from either its core or its events.k8s.io form. */
function eventFields(event: KubeObject): Fields {
  const involved = 'regarding' in event ? at(event, 'regarding') : at(event, 'involvedObject');
  const reporting = text(event.reportingComponent) || text(event.reportingController);
  const source = text(at(event, 'source').component) || text(at(event, 'deprecatedSource').component);
  const involvedFields = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];
  return {
    ...objectMeta(event),
    ...Object.fromEntries(involvedFields.map((key) => [`involvedObject.${key}`, text(involved[key])])),
    reason: text(event.reason),
    reportingComponent: reporting,
    source: source || reporting,
    type: text(event.type),
  };
}

const eventLabels = [
  ...['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'].map(
    (k) => `involvedObject.${k}`,
  ),
  ...['reason', 'reportingComponent', 'source', 'type', ...meta],
];
const regardingLabels = Object.fromEntries(
  ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'].map((k) => [
    `regarding.${k}`,
    `involvedObject.${k}`,
  ]),
);

const withStatus = (key: string, read: (object: KubeObject) => string) => (object: KubeObject) => ({
  ...objectMeta(object),
  [key]: read(object),
});

const ownConversion = (labels: Record<string, string>, fields: (object: KubeObject) => Fields): FieldSelection => ({
  labels,
  fields,
  unsupported: fieldLabelNotSupported,
});

const builtin: Readonly<Record<string, FieldSelection>> = {
  '/Pod': ownConversion(
    {
      ...same(...meta, 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName'),
      ...same('spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'),
      'spec.host': 'spec.nodeName',
    },
    podFields,
  ),
  '/Node': ownConversion(
    same('metadata.name', 'spec.unschedulable'),
    withStatus('spec.unschedulable', (node) => String(at(node, 'spec').unschedulable === true)),
  ),
  '/ReplicationController': ownConversion(
    same(...meta, 'status.replicas'),
    withStatus('status.replicas', (rc) => count(at(rc, 'status').replicas)),
  ),
  '/Event': ownConversion(same(...eventLabels), eventFields),
  'events.k8s.io/Event': ownConversion(
    { ...same('reason', 'type', ...meta), ...regardingLabels, reportingController: 'reportingComponent' },
    eventFields,
  ),
  '/Namespace': ownConversion(
    same('metadata.name', 'status.phase'),
    withStatus('status.phase', (ns) => text(at(ns, 'status').phase)),
  ),
  '/Secret': ownConversion(
    same(...meta, 'type'),
    withStatus('type', (secret) => text(secret.type)),
  ),
  '/Service': ownConversion(same(...meta, 'spec.clusterIP', 'spec.type'), (service) => ({
    ...objectMeta(service),
    'spec.clusterIP': text(at(service, 'spec').clusterIP),
    'spec.type': text(at(service, 'spec').type),
  })),
  'batch/Job': {
    labels: same(...meta, 'status.successful'),
    fields: withStatus('status.successful', (job) => count(at(job, 'status').succeeded)),
    unsupported: (label) => `field label ${goQuote(label)} not supported for Job`,
  },
};

const metaOnly: FieldSelection = { labels: same(...meta), fields: objectMeta, unsupported: notAKnownFieldSelector };

/** What `type`'s lists and watches can be selected by. */
export function fieldSelectionOf(type: ResourceType): FieldSelection {
  const known = builtin[`${type.group}/${type.kind}`];
  if (known !== undefined) return known;
  const custom = type.definedBy !== undefined || (type.group.includes('.') && !type.group.endsWith('.k8s.io'));
  return custom ? customSelection(type) : metaOnly;
}

/** A custom resource: name, namespace when namespaced, and each selectable field, as fmt.Sprint prints it. */
function customSelection(type: ResourceType): FieldSelection {
  const paths: [string, PathNode[] | undefined][] = (type.selectableFields ?? []).map((path) => {
    try {
      return [path.replace(/^\./, ''), parseJsonPath(`{${path}}`)];
    } catch {
      return [path.replace(/^\./, ''), undefined];
    }
  });
  const labels = same(...(type.namespaced ? meta : ['metadata.name']), ...paths.map(([name]) => name));
  const fields = (object: KubeObject): Fields => ({
    ...objectMeta(object),
    ...Object.fromEntries(paths.map(([name, path]) => [name, path === undefined ? '' : selectedValue(path, object)])),
  });
  return { labels, fields, unsupported: fieldLabelNotSupported };
}

function selectedValue(path: PathNode[], object: KubeObject): string {
  try {
    const value = findResults(path, object)[0]?.[0];
    return value === undefined || value === null ? '' : goFormat(value);
  } catch {
    return '';
  }
}
