import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type GoJsonPathAnswer, startGoJsonPathPeer } from '../../../../test/go-peer/go-peer.ts';
import type { GoLinePeer } from '../../../../test/support/go-line-peer.ts';
import { findResults, parseJsonPath, printResult } from './go-jsonpath.ts';

// Every template is also evaluated by client-go's own util/jsonpath (test/go-peer,
// the code kube-apiserver runs for a CRD's printer columns), and the answers must agree.
let peer: GoLinePeer<GoJsonPathAnswer>;
before(() => {
  peer = startGoJsonPathPeer();
});
after(() => {
  peer.stop();
});

const widget = {
  apiVersion: 'example.dev/v1',
  kind: 'Widget',
  metadata: { name: 'w', labels: { 'app.kubernetes.io/name': 'shop', tier: 'web' } },
  spec: {
    replicas: 3,
    ratio: 0.25,
    big: 1e21,
    small: 0.00001,
    million: 1500000.5,
    paused: false,
    empty: null,
    nested: { b: 2, a: [1, 'x', { c: true }], html: '<a&b>' },
    tags: ['red', 'green', 'blue'],
    ports: [{ name: 'http', port: 80, weight: 1.5 }, { name: 'https', port: 443 }, { port: 8080 }],
  },
  status: {
    conditions: [
      { type: 'Available', status: 'False', reason: 'Scaling', lastTransitionTime: '2026-01-02T03:04:05Z' },
      { type: 'Ready', status: 'True', reason: 'AllGood', observedGeneration: 4 },
      { type: 'Degraded', status: 'Unknown' },
    ],
  },
};

/** What this module makes of a template, in the peer's terms. */
function ours(template: string, object: unknown): GoJsonPathAnswer {
  let path;
  try {
    path = parseJsonPath(template);
  } catch {
    return { parseError: true };
  }
  let found: unknown[][];
  try {
    found = findResults(path, object);
  } catch {
    return { findError: true };
  }
  const first = found[0]?.[0];
  return { found, ...(found[0]?.length ? { printed: printResult(first) } : {}) };
}

async function agree(templates: readonly string[], object: unknown = widget): Promise<void> {
  const answers = await peer.ask(templates.map((template) => ({ template, object })));
  templates.forEach((template, i) => {
    assert.deepEqual(ours(template, object), answers[i], template);
  });
}

describe('client-go JSONPath as kube-apiserver prints CRD columns', () => {
  it('follows fields, escaped dots, quoted keys and missing keys', () =>
    agree([
      '{.spec.replicas}',
      '{.metadata.labels.app\\.kubernetes\\.io/name}',
      "{.metadata.labels['tier']}",
      "{.metadata['labels']['tier']}",
      '{.spec.missing.deeper}',
      '{.spec.tags.length}',
      '{$.spec.replicas}',
      '{@.spec.replicas}',
      '{ .spec.replicas }',
      '{.spec.empty}',
      '{.spec.empty.x}',
      '{.}',
    ]));

  it('indexes and slices arrays as Go does, out-of-range included', () =>
    agree([
      '{.spec.tags[0]}',
      '{.spec.tags[-1]}',
      '{.spec.tags[1:]}',
      '{.spec.tags[:2]}',
      '{.spec.tags[0:3:2]}',
      '{.spec.tags[*]}',
      '{.spec.tags[5]}',
      '{.spec.tags[-4]}',
      '{.spec.tags[2:1]}',
      '{.spec.tags[1:1]}',
      '{.spec.tags[0:2:0]}',
      '{.spec.tags[x]}',
      '{.spec.replicas[0]}',
      '{.spec.ports[*].port}',
      '{.spec.ports[0,2].port}',
      '{.spec.ports[*].name}',
    ]));

  it('filters by comparison and existence, and fails on kinds Go cannot compare', () =>
    agree([
      '{.status.conditions[?(@.type=="Ready")].status}',
      "{.status.conditions[?(@.type=='Available')].reason}",
      '{.status.conditions[?(@.type!="Ready")].type}',
      '{.status.conditions[?(@.reason)].type}',
      '{.status.conditions[?(@.observedGeneration>3)].type}',
      '{.status.conditions[?(@.observedGeneration>=4)].type}',
      '{.status.conditions[?(@.observedGeneration<4)].type}',
      '{.status.conditions[?(@.observedGeneration<=4.0)].type}',
      '{.spec.ports[?(@.port>100)].name}',
      '{.spec.ports[?(@.weight==1.5)].port}',
      '{.spec.ports[?(@.weight>1)].port}',
      '{.spec.ports[?(@.port=="80")].name}',
      '{.status.conditions[?(@.type=="Missing")].status}',
      '{.status.conditions[?(@.type=="Ready")]}',
      '{.spec.tags[?(@=="green")]}',
      '{.spec.replicas[?(@.x)]}',
      '{.status.conditions[?(@.type==")")].status}',
      '{.status.conditions[?(@.type===1)].status}',
    ]));

  it('descends recursively, takes wildcards and unions', () =>
    agree([
      // Not `{..name}` from the root: Go walks a map's keys in random order.
      '{.spec.ports..name}',
      '{.spec.ports..port}',
      '{.status..type}',
      '{.spec.nested.a[*]}',
      '{.spec.nested.a..c}',
      '{.spec.ports[*]["name","port"]}',
      '{.spec.tags[0,2]}',
    ]));

  it('prints values as a string column does: JSON for maps and slices, Go %v for the rest', () =>
    agree([
      '{.spec.nested}',
      '{.spec.tags}',
      '{.spec.ratio}',
      '{.spec.big}',
      '{.spec.small}',
      '{.spec.million}',
      '{.spec.paused}',
      '{.spec.nested.html}',
      '{.status.conditions[0]}',
    ]));

  it('refuses what client-go cannot parse', () =>
    agree([
      '{.spec.tags[0}',
      '{.spec.tags[0]',
      '{.status.conditions[?(@.type=="Ready"}',
      '{.spec.tags..}',
      '{..spec....x}',
      '{.spec.replicas + 1}',
      '{.spec#}',
      '{.spec.tags[0:a]}',
      '{"unterminated}',
    ]));

  it('reads text around actions and literals inside them', () =>
    agree(['replicas: {.spec.replicas}', '{"quoted"}', "{'single \\' quote'}", '{true}', '{1.5}', '{-2}']));
});
