// Expected values are what kube-apiserver v1.36.3 made of the same patches.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemaFor } from '../schema/index.ts';
import type { JsonValue } from '../schema/schema.ts';
import { applyStrategicMergePatch, StrategicMergePatchError } from './strategic-merge-patch.ts';

const schema = schemaFor('apps/v1', 'Deployment');

interface Container {
  name: string;
  image?: string;
  args?: string[];
  env?: { name: string; value: string }[];
  ports?: { containerPort: number; protocol: string; name?: string }[];
}
interface Deployment {
  metadata: { name: string; labels?: Record<string, string>; finalizers?: string[] };
  spec: {
    strategy: Record<string, unknown>;
    template: { metadata: { labels: Record<string, string> }; spec: { containers: Container[]; volumes?: object[] } };
  };
}

const live = (): Deployment => ({
  metadata: { name: 'd', labels: { a: '1', b: '2' }, finalizers: ['x/one', 'x/two'] },
  spec: {
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    template: {
      metadata: { labels: { app: 'd' } },
      spec: {
        containers: [
          {
            name: 'a',
            image: 'busybox',
            args: ['1', '2'],
            env: [
              { name: 'E1', value: '1' },
              { name: 'E2', value: '2' },
            ],
            ports: [
              { containerPort: 80, protocol: 'TCP' },
              { containerPort: 81, protocol: 'UDP' },
            ],
          },
          { name: 'b', image: 'busybox' },
        ],
        volumes: [{ name: 'v', emptyDir: {} }],
      },
    },
  },
});

const patchPodSpec = (podSpec: Record<string, unknown>) => ({ spec: { template: { spec: podSpec } } });
const apply = (patch: unknown, target: unknown = live()) =>
  applyStrategicMergePatch(target, patch, schema) as unknown as Deployment;
const containers = (patch: unknown, target?: unknown) => apply(patch, target).spec.template.spec.containers;
const names = (patch: unknown, target?: unknown) => containers(patch, target).map((c) => c.name);

describe('applyStrategicMergePatch', () => {
  it('merges maps, deletes keys set to null, and never changes its inputs', () => {
    const target = live();
    const patch = { metadata: { labels: { a: null, c: '3' } } };
    const before = structuredClone([target, patch]);
    assert.deepEqual(apply(patch, target).metadata.labels, { b: '2', c: '3' });
    assert.deepEqual([target, patch], before);
  });

  it('merges list items by key, putting new ones before the remaining live ones', () => {
    assert.deepEqual(names(patchPodSpec({ containers: [{ name: 'c', image: 'nginx' }] })), ['c', 'a', 'b']);
    const updated = containers(
      patchPodSpec({
        containers: [
          { name: 'c', image: 'nginx' },
          { name: 'a', image: 'alpine' },
        ],
      }),
    );
    assert.deepEqual(
      updated.map((c) => [c.name, c.image]),
      [
        ['c', 'nginx'],
        ['a', 'alpine'],
        ['b', 'busybox'],
      ],
    );
    assert.deepEqual(updated[1]?.args, ['1', '2'], 'unpatched fields stay');
    const env = containers(
      patchPodSpec({
        containers: [
          {
            name: 'a',
            env: [
              { name: 'E3', value: '3' },
              { name: 'E1', value: 'one' },
            ],
          },
        ],
      }),
    )[0]?.env;
    assert.deepEqual(env, [
      { name: 'E3', value: '3' },
      { name: 'E1', value: 'one' },
      { name: 'E2', value: '2' },
    ]);
  });

  it('replaces lists without a merge strategy', () => {
    assert.deepEqual(containers(patchPodSpec({ containers: [{ name: 'a', args: ['3'] }] }))[0]?.args, ['3']);
  });

  it('merges by the patchMergeKey, not by all the list-map keys', () => {
    const ports = containers(
      patchPodSpec({ containers: [{ name: 'a', ports: [{ containerPort: 81, name: 'x' }] }] }),
    )[0]?.ports;
    assert.deepEqual(ports, [
      { containerPort: 80, protocol: 'TCP' },
      { containerPort: 81, protocol: 'UDP', name: 'x' },
    ]);
  });

  it('follows $patch: delete and replace in lists and maps', () => {
    assert.deepEqual(names(patchPodSpec({ containers: [{ name: 'a', $patch: 'delete' }] })), ['b']);
    assert.deepEqual(names(patchPodSpec({ containers: [{ name: 'z', image: 'x' }, { $patch: 'replace' }] })), ['z']);
    assert.deepEqual(apply({ metadata: { labels: { $patch: 'replace', only: 'this' } } }).metadata.labels, {
      only: 'this',
    });
    assert.deepEqual(
      apply({ spec: { template: { metadata: { labels: { $patch: 'delete' } } } } }).spec.template.metadata.labels,
      {},
    );
  });

  it('orders lists by $setElementOrder, as kubectl sends it', () => {
    assert.deepEqual(names(patchPodSpec({ '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] })), [
      'b',
      'a',
    ]);
    const added = patchPodSpec({
      '$setElementOrder/containers': [{ name: 'a' }, { name: 'n' }, { name: 'b' }],
      containers: [{ name: 'n', image: 'x' }],
    });
    assert.deepEqual(names(added), ['a', 'n', 'b']);
  });

  it('orders like kube-apiserver when a deletion and an addition share the live list', () => {
    const target = (...list: string[]) =>
      patchPodSpec({ containers: list.map((name) => ({ name, image: 'busybox' })) });
    const order = (...list: string[]) => list.map((name) => ({ name }));
    const cases: [string[], Record<string, unknown>, string[]][] = [
      [
        ['a', 'b', 'c', 'd'],
        {
          '$setElementOrder/containers': order('a', 'n', 'c'),
          containers: [
            { name: 'b', $patch: 'delete' },
            { name: 'n', image: 'x' },
          ],
        },
        ['a', 'd', 'n', 'c'],
      ],
      [
        ['a', 'b', 'c', 'd', 'e'],
        {
          '$setElementOrder/containers': order('c', 'n', 'm'),
          containers: [
            { name: 'a', $patch: 'delete' },
            { name: 'n', image: 'x' },
            { name: 'm', image: 'y' },
          ],
        },
        ['b', 'c', 'd', 'e', 'n', 'm'],
      ],
      [
        ['a', 'b', 'c'],
        { '$setElementOrder/containers': order('n', 'a'), containers: [{ name: 'n', image: 'x' }] },
        ['n', 'a', 'b', 'c'],
      ],
    ];
    for (const [list, podSpec, expected] of cases)
      assert.deepEqual(names(patchPodSpec(podSpec), target(...list)), expected);
  });

  it('clears keys outside $retainKeys', () => {
    const strategy = apply({ spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }).spec.strategy;
    assert.deepEqual(strategy, { type: 'Recreate' });
    const volumes = apply(
      patchPodSpec({ volumes: [{ name: 'v', configMap: { name: 'cm' }, $retainKeys: ['configMap', 'name'] }] }),
    ).spec.template.spec.volumes;
    assert.deepEqual(volumes, [{ name: 'v', configMap: { name: 'cm' } }]);
  });

  it('merges primitive lists with a merge strategy as sets, and deletes from them', () => {
    assert.deepEqual(apply({ metadata: { finalizers: ['x/three', 'x/one'] } }).metadata.finalizers, [
      'x/three',
      'x/one',
      'x/two',
    ]);
    assert.deepEqual(apply({ metadata: { '$deleteFromPrimitiveList/finalizers': ['x/one'] } }).metadata.finalizers, [
      'x/two',
    ]);
    assert.equal(apply({ metadata: { finalizers: null } }).metadata.finalizers, undefined);
  });

  it('drops directives and nulls from values it adds whole', () => {
    const added = apply(patchPodSpec({ securityContext: { runAsUser: 5, runAsGroup: null } })) as unknown as {
      spec: { template: { spec: { securityContext: JsonValue } } };
    };
    assert.deepEqual(added.spec.template.spec.securityContext, { runAsUser: 5 });
  });

  it('fails as kube-apiserver does, with its code and message', () => {
    const failure = (patch: unknown) => {
      try {
        apply(patch);
        return 'applied';
      } catch (error) {
        assert.ok(error instanceof StrategicMergePatchError);
        return `${String(error.code)} ${error.message}`;
      }
    };
    assert.equal(
      failure(patchPodSpec({ containers: [{ image: 'x' }] })),
      '500 map: map[image:x] does not contain declared merge key: name',
    );
    assert.equal(
      failure({ spec: { strategy: { $retainKeys: ['type'], rollingUpdate: { maxSurge: 1 } } } }),
      '400 invalid patch format of retainKeys',
    );
    assert.equal(
      failure(patchPodSpec({ containers: [{ name: 'a', $patch: 'bogus' }] })),
      '500 unknown patch type: bogus in map: map[$patch:bogus name:a]',
    );
    assert.equal(
      failure(
        patchPodSpec({
          '$setElementOrder/containers': [{ name: 'b' }],
          containers: [
            { name: 'a', $patch: 'delete' },
            { name: 'n', image: 'x' },
          ],
        }),
      ),
      "500 The order in patch list:\n[map[$patch:delete name:a] map[image:x name:n]]\n doesn't match $setElementOrder list:\n[map[name:b]]\n",
    );
    assert.equal(failure([1]), '400 json: cannot unmarshal array into Go value of type map[string]interface {}');
    assert.throws(() => applyStrategicMergePatch({}, {}, schemaFor('example.com/v1', 'Widget')), { code: 415 });
  });
});
