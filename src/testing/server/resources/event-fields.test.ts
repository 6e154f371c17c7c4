import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { coreEventFieldSelectors, eventsV1FieldSelectors } from './event-fields.ts';

// kube-apiserver v1.36.3 selected the Event below by `source=example.com/ctl` through
// core/v1, and by `regarding.name=p,reportingController=example.com/ctl` through
// events.k8s.io/v1, which refuses `source`.
describe('Event field selectors', () => {
  it('core/v1: source is the source component, else the reporting controller', () => {
    const event = {
      involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
      reportingComponent: 'example.com/ctl',
      source: {},
      type: 'Normal',
    } as KubeObject;
    const values = coreEventFieldSelectors.values(event);
    assert.equal(values.source, 'example.com/ctl');
    assert.equal(values['involvedObject.name'], 'p');
    assert.equal(values['involvedObject.uid'], '');
  });

  it('events.k8s.io/v1: the same values under its own names, and no source', () => {
    const event = { regarding: { name: 'p' }, reportingController: 'example.com/ctl' } as KubeObject;
    const values = eventsV1FieldSelectors.values(event);
    assert.equal(values['regarding.name'], 'p');
    assert.equal(values.reportingController, 'example.com/ctl');
    assert.ok(!eventsV1FieldSelectors.fields.includes('source'));
  });
});
