// Expected texts are kube-apiserver v1.36.3's own bytes for the same objects (a ConfigMap
// created with labels, annotations and data keys out of order, a table row of it, and a
// Widget custom resource), with its uid, resourceVersion and times put into the input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goEncode } from './go-encode.ts';

const realConfigMap =
  '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c1","namespace":"default","uid":"b57c2a31-6cb7-4645-9e42-42b424ddc871","resourceVersion":"204","creationTimestamp":"2026-12-05T08:02:03Z","labels":{"a":"2","z":"1"},"annotations":{"b":"2","y":"1"},"managedFields":[{"manager":"unknown","operation":"Update","apiVersion":"v1","time":"2026-12-05T08:02:03Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{".":{},"f:10":{},"f:9":{},"f:a":{},"f:z":{}},"f:metadata":{"f:annotations":{".":{},"f:b":{},"f:y":{}},"f:labels":{".":{},"f:a":{},"f:z":{}}}}}]},"data":{"10":"x","9":"y","a":"2","z":"1"}}';

describe('goEncode', () => {
  it("writes a built-in kind's fields in Go order and its maps sorted, integer-like keys included", () => {
    const scrambled = {
      data: { z: '1', a: '2', '10': 'x', '9': 'y' },
      metadata: {
        managedFields: [
          {
            // fieldsV1 as the field set encoder writes it (Go keeps it as raw bytes).
            fieldsV1: {
              'f:data': { '.': {}, 'f:10': {}, 'f:9': {}, 'f:a': {}, 'f:z': {} },
              'f:metadata': {
                'f:annotations': { '.': {}, 'f:b': {}, 'f:y': {} },
                'f:labels': { '.': {}, 'f:a': {}, 'f:z': {} },
              },
            },
            fieldsType: 'FieldsV1',
            time: '2026-12-05T08:02:03Z',
            apiVersion: 'v1',
            operation: 'Update',
            manager: 'unknown',
          },
        ],
        annotations: { y: '1', b: '2' },
        labels: { z: '1', a: '2' },
        creationTimestamp: '2026-12-05T08:02:03Z',
        resourceVersion: '204',
        uid: 'b57c2a31-6cb7-4645-9e42-42b424ddc871',
        namespace: 'default',
        name: 'c1',
      },
      apiVersion: 'v1',
      kind: 'ConfigMap',
    };
    assert.equal(goEncode(scrambled), realConfigMap);
  });

  it('writes fieldsV1 as built, not sorted: list keys in structured-merge-diff order (port 80 before 443)', () => {
    // As kube-apiserver answers for a Service with ports 80 and 443 (test/conformance builtin-rounds).
    const ports = { '.': {}, 'k:{"port":80,"protocol":"TCP"}': {}, 'k:{"port":443,"protocol":"TCP"}': {} };
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { managedFields: [{ fieldsV1: { 'f:spec': { 'f:ports': ports } } }] },
    };
    assert.match(goEncode(service), /"f:ports":\{"\.":\{\},"k:\{\\"port\\":80,[^}]*\}":\{\},"k:\{\\"port\\":443,/);
  });

  it("writes a list's items as their kind", () => {
    const item = realConfigMap.replace('{"kind":"ConfigMap","apiVersion":"v1",', '{');
    const { data, metadata } = JSON.parse(item) as Record<string, unknown>;
    const list = {
      kind: 'ConfigMapList',
      apiVersion: 'v1',
      metadata: { resourceVersion: '208' },
      items: [{ data, metadata }],
    };
    assert.equal(
      goEncode(list),
      `{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"208"},"items":[${item}]}`,
    );
  });

  it("writes a table row's PartialObjectMetadata with its metadata in Go order", () => {
    const real =
      '{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{"name":"t1","namespace":"default","uid":"0b1e8749-2959-4e79-990b-80c8a1842142","resourceVersion":"203","creationTimestamp":"2026-12-05T08:20:09Z","labels":{"a":"b"}}}';
    const { metadata } = JSON.parse(real) as { metadata: Record<string, unknown> };
    const { resourceVersion, ...rest } = metadata;
    const row = {
      cells: ['t1', 1, '0s'],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { ...rest, resourceVersion } },
    };
    assert.equal(
      goEncode({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', rows: [row] }),
      `{"kind":"Table","apiVersion":"meta.k8s.io/v1","rows":[{"cells":["t1",1,"0s"],"object":${real}}]}`,
    );
  });

  it('sorts every key of a custom resource, which kube-apiserver holds as a map', () => {
    const widget = {
      kind: 'Widget',
      apiVersion: 'example.kubeconflict.dev/v1',
      spec: { size: 1, color: 'red' },
      metadata: { name: 'w' },
    };
    assert.equal(
      goEncode(widget),
      '{"apiVersion":"example.kubeconflict.dev/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"color":"red","size":1}}',
    );
  });

  it('keeps a Status as built and escapes <, > and &', () => {
    const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'a<b>&', code: 400 };
    assert.equal(
      goEncode(status),
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"a\\u003cb\\u003e\\u0026","code":400}',
    );
  });
});
