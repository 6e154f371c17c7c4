import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemaFor } from '../schema/index.ts';
import { deduced } from '../schema/schema.ts';
import { toFieldsV1 } from './fields-v1.ts';
import { toFieldSet } from './to-field-set.ts';

const deployment = schemaFor('apps/v1', 'Deployment');

describe('toFieldSet', () => {
  it('makes struct fields parents, map entries and list items members, atomic nodes leaves', () => {
    const config = {
      metadata: { labels: { app: 'x' } },
      spec: {
        selector: { matchLabels: { app: 'x' } },
        template: { spec: { containers: [{ name: 'c', ports: [{ containerPort: 8080 }] }] } },
      },
    };
    assert.deepEqual(toFieldsV1(toFieldSet(deployment, config)), {
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': {
        'f:selector': {},
        'f:template': {
          'f:spec': {
            'f:containers': {
              'k:{"name":"c"}': {
                '.': {},
                'f:name': {},
                'f:ports': { 'k:{"containerPort":8080,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
              },
            },
          },
        },
      },
    });
  });

  it('owns null and {} values, and repeated keys only as a whole', () => {
    const config = {
      spec: { template: { spec: { securityContext: {}, containers: [{ name: 'a' }, { name: 'a' }] } }, paused: null },
    };
    assert.deepEqual(toFieldsV1(toFieldSet(deployment, config)), {
      'f:spec': {
        'f:paused': {},
        'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"a"}': {} }, 'f:securityContext': {} } },
      },
    });
  });

  it('treats every object key of a deduced value as a member and lists as atomic', () => {
    assert.deepEqual(toFieldsV1(toFieldSet(deduced, { spec: { size: 1, tags: ['a'] } })), {
      'f:spec': { '.': {}, 'f:size': {}, 'f:tags': {} },
    });
  });
});
