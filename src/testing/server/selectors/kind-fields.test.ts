import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configMaps } from '../resources/builtin-types.ts';
import type { ResourceType } from '../resource-type.ts';
import { fieldSelectionOf } from './kind-fields.ts';

// The conformance suite compares these selections with kube-apiserver's (field-selectors.ts);
// here, the values computed from the less common shapes.
const kind = (group: string, kindName: string, more: Partial<ResourceType> = {}): ResourceType => ({
  ...configMaps,
  group,
  kind: kindName,
  ...more,
});

describe('fieldSelectionOf', () => {
  it("reads a Pod's IP from status.podIPs first, and hostNetwork as false when unset", () => {
    const fields = fieldSelectionOf(kind('', 'Pod')).fields({
      metadata: { name: 'p' },
      spec: {},
      status: { podIP: '10.0.0.1', podIPs: [{ ip: '10.0.0.2' }] },
    });
    assert.equal(fields['status.podIP'], '10.0.0.2');
    assert.equal(fields['spec.hostNetwork'], 'false');
  });

  it('maps spec.host to spec.nodeName, and events.k8s.io labels to the core Event field set', () => {
    assert.equal(fieldSelectionOf(kind('', 'Pod')).labels['spec.host'], 'spec.nodeName');
    const selection = fieldSelectionOf(kind('events.k8s.io', 'Event'));
    assert.equal(selection.labels['regarding.name'], 'involvedObject.name');
    const fields = selection.fields({
      metadata: { name: 'e' },
      regarding: { kind: 'Pod', name: 'p' },
      reportingController: 'ctl',
    });
    assert.deepEqual([fields['involvedObject.name'], fields.reportingComponent, fields.source], ['p', 'ctl', 'ctl']);
  });

  it("selects a custom resource by its selectable fields as Go's fmt.Sprint prints them, missing as empty", () => {
    const selection = fieldSelectionOf(
      kind('example.dev', 'Lamp', { definedBy: 'lamps.example.dev', selectableFields: ['.spec.watts', '.spec.on'] }),
    );
    assert.deepEqual(Object.keys(selection.labels), ['metadata.name', 'metadata.namespace', 'spec.watts', 'spec.on']);
    const fields = selection.fields({ metadata: { name: 'l' }, spec: { watts: 60 } });
    assert.deepEqual([fields['spec.watts'], fields['spec.on']], ['60', '']);
    assert.equal(selection.unsupported('spec.x'), 'field label not supported: spec.x');
  });

  it('gives other kinds metadata.name and metadata.namespace, with the generic wording', () => {
    const selection = fieldSelectionOf(kind('apps', 'Deployment'));
    assert.deepEqual(Object.keys(selection.labels), ['metadata.name', 'metadata.namespace']);
    assert.match(selection.unsupported('spec.replicas'), /is not a known field selector/);
  });
});
