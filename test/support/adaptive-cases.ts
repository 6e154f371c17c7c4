// adaptiveUpdate's cases, run against the embedded server and the real kube-apiserver alike.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { KubeObjectClient } from '../../src/client/kube-object-client.ts';
import { classify, isStaleWriteConflict } from '../../src/core/errors/classify.ts';
import { adaptiveUpdate } from '../../src/strategies/adaptive.ts';
import type { KubeObject, ObjectRef } from '../../src/core/object.ts';
import { type Mutation, noChange } from '../../src/update/read-mutate-write.ts';
import { counter, increment, label } from './counter-label.ts';

export function adaptiveCases(client: () => KubeObjectClient, namePrefix: string): void {
  let serial = 0;
  const seed = async (): Promise<ObjectRef> => {
    const name = `${namePrefix}-${String(serial++)}`;
    await client().create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'default', labels: { [label]: '101' } },
    });
    return { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name };
  };
  /** The client, counting the writes made through it. */
  const counting = () => {
    const inner = client();
    const counted = { writes: 0, client: { ...inner } };
    counted.client.replace = (object, signal) => {
      counted.writes++;
      return inner.replace(object, signal);
    };
    return counted;
  };

  it('fifty concurrent writers end at 151, none failed; every write a success or a counted conflict', async () => {
    const ref = await seed();
    const counted = counting();
    const results = await Promise.all(Array.from({ length: 50 }, () => adaptiveUpdate(counted.client, ref, increment)));
    assert.equal(counter(await client().read(ref)), 151);
    assert.ok(results.every((result) => result.written));
    const conflicts = results.reduce((sum, result) => sum + result.conflicts, 0);
    assert.equal(counted.writes, 50 + conflicts, 'no write is made but an attempt');
  });

  it('makes no write when nothing changes', async () => {
    const ref = await seed();
    const counted = counting();
    const result = await adaptiveUpdate(counted.client, ref, () => noChange);
    assert.deepEqual([result.written, counted.writes], [false, 0]);
  });

  it('fails with a message saying so when the mutation returns nothing, and writes nothing', async () => {
    const ref = await seed();
    const counted = counting();
    const forgot = ((object: KubeObject) => {
      increment(object);
    }) as unknown as Mutation;
    await assert.rejects(adaptiveUpdate(counted.client, ref, forgot), /it returned undefined/);
    assert.deepEqual([counted.writes, counter(await client().read(ref))], [0, 101]);
  });

  it('gives up at its deadline with the last conflict when every write is overtaken', async () => {
    const ref = await seed();
    const overtaken = async (object: KubeObject) => {
      await client().replace(increment(await client().read(ref)));
      return increment(object);
    };
    const started = performance.now();
    const error = await adaptiveUpdate(client(), ref, overtaken, { timeout: 300 }).catch((e: unknown) => e);
    assert.ok(isStaleWriteConflict(error), String(error));
    assert.ok(performance.now() - started < 5_000);
  });

  it('stops when the signal aborts', async () => {
    const ref = await seed();
    const controller = new AbortController();
    const reason = new Error('shutting down');
    controller.abort(reason);
    await assert.rejects(adaptiveUpdate(client(), ref, increment, { signal: controller.signal }), (e) => e === reason);
    assert.equal(counter(await client().read(ref)), 101);
  });

  it('reports a missing object as NotFound instead of waiting', async () => {
    const missing = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: `${namePrefix}-never-made` };
    await assert.rejects(adaptiveUpdate(client(), missing, increment), (error) => classify(error) === 'NotFound');
  });
}
