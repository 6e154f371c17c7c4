// The patch and apply helpers' cases, run against the embedded server and the real
// kube-apiserver alike: the same assertions must hold on both.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Backoff } from '../../src/core/backoff.ts';
import { classify, isApplyConflict, isStaleWriteConflict } from '../../src/core/errors/classify.ts';
import type { KubeObjectClient } from '../../src/client/kube-object-client.ts';
import type { KubeObject, ObjectRef } from '../../src/core/object.ts';
import { applyObject } from '../../src/update/apply-object.ts';
import { jsonPatchWithRetry, mergePatchWithRetry, PatchTestConflict } from '../../src/update/patch-with-retry.ts';
import { updateWithRetry } from '../../src/update/update-with-retry.ts';
import { type Mutation, noChange, type UpdateOptions, type UpdateResult } from '../../src/update/read-mutate-write.ts';
import { Barrier } from './barrier.ts';
import { counter, increment, label } from './counter-label.ts';

const annotate = (object: KubeObject, key: string, value: string): KubeObject => ({
  ...object,
  metadata: { ...object.metadata, annotations: { ...object.metadata?.annotations, [key]: value } },
});

type Helper = (
  client: KubeObjectClient,
  ref: ObjectRef,
  mutate: Mutation,
  options?: UpdateOptions,
) => Promise<UpdateResult>;
const helpers: readonly [string, Helper][] = [
  ['updateWithRetry', updateWithRetry],
  ['mergePatchWithRetry', mergePatchWithRetry],
  ['jsonPatchWithRetry', jsonPatchWithRetry],
];

export function patchHelperCases(client: () => KubeObjectClient, namePrefix: string): void {
  let serial = 0;
  const seed = async (labels: Record<string, string> = { [label]: '101' }): Promise<ObjectRef> => {
    const name = `${namePrefix}-${String(serial++)}`;
    await client().create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', labels } });
    return { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name };
  };

  for (const [name, helper] of helpers) {
    it(`${name}: five writers that read the same version end at 106, every conflict retried`, async () => {
      const ref = await seed();
      const barrier = new Barrier(5);
      const results = await Promise.all(
        Array.from({ length: 5 }, () => {
          let first = true;
          return helper(client(), ref, async (object) => {
            if (first) {
              first = false;
              await barrier.arrive();
            }
            return increment(object);
          });
        }),
      );
      assert.equal(counter(await client().read(ref)), 106);
      const conflicts = results.reduce((sum, r) => sum + r.conflicts, 0);
      assert.ok(conflicts >= 4, `the first writer wins, the other four conflict at least once (${String(conflicts)})`);
      assert.equal(
        results.reduce((sum, r) => sum + r.attempts, 0),
        5 + conflicts,
      );
    });

    it(`${name}: makes no write when nothing changes`, async () => {
      const ref = await seed();
      const before = await client().read(ref);
      for (const mutate of [() => noChange, (object: KubeObject) => object] as Mutation[]) {
        const result = await helper(client(), ref, mutate);
        assert.equal(result.written, false);
      }
      assert.equal((await client().read(ref)).metadata?.resourceVersion, before.metadata?.resourceVersion);
    });

    it(`${name}: stops when the signal aborts`, async () => {
      const ref = await seed();
      const controller = new AbortController();
      const reason = new Error('shutting down');
      controller.abort(reason);
      await assert.rejects(helper(client(), ref, increment, { signal: controller.signal }), (e) => e === reason);
      assert.equal(counter(await client().read(ref)), 101);
    });

    it(`${name}: gives up at its deadline with the last stale-write conflict`, async () => {
      const ref = await seed();
      const overtaken = async (object: KubeObject) => {
        await client().replace(increment(await client().read(ref)));
        return increment(object);
      };
      const error = await helper(client(), ref, overtaken, {
        backoff: new Backoff({ steps: 1000, duration: 5 }),
        timeout: 200,
      }).catch((e: unknown) => e);
      assert.ok(isStaleWriteConflict(error), String(error));
    });

    it(`${name}: a value Go escapes in storage (&, <, >) is still guarded and written`, async () => {
      const ref = await seed();
      await helper(client(), ref, (object) => annotate(object, 'note', 'a & b <c>'));
      const result = await helper(client(), ref, (object) => annotate(object, 'note', 'd & e'));
      assert.equal(result.attempts, 1);
      assert.equal((await client().read(ref)).metadata?.annotations?.note, 'd & e');
    });
  }

  it('jsonPatchWithRetry: another writer changing other fields is no conflict; the others retry', async () => {
    for (const [name, helper] of helpers) {
      const ref = await seed();
      let overtaken = false;
      const result = await helper(client(), ref, async (object) => {
        if (!overtaken) {
          overtaken = true;
          const now = await client().read(ref);
          await client().replace(annotate(now, 'other-writer', 'was here'));
        }
        return increment(object);
      });
      const stored = await client().read(ref);
      assert.equal(counter(stored), 102, name);
      assert.equal(stored.metadata?.annotations?.['other-writer'], 'was here', name);
      assert.equal(result.attempts, name === 'jsonPatchWithRetry' ? 1 : 2, name);
    }
  });

  it('jsonPatchWithRetry: a changed tested field is a PatchTestConflict, classified as a stale write', async () => {
    const ref = await seed();
    const error = await jsonPatchWithRetry(
      client(),
      ref,
      async (object) => {
        const now = await client().read(ref);
        await client().replace(increment(now));
        return increment(object);
      },
      { backoff: undefined, random: () => 0 },
    ).catch((e: unknown) => e);
    assert.ok(error instanceof PatchTestConflict);
    assert.ok(isStaleWriteConflict(error));
    assert.equal(classify(error.cause), 'Invalid', "the server's own answer is a 422");
  });

  it('jsonPatchWithRetry: a change the server refuses is thrown as Invalid, not retried', async () => {
    const ref = await seed();
    let calls = 0;
    await assert.rejects(
      jsonPatchWithRetry(client(), ref, (object) => {
        calls++;
        return { ...object, metadata: { ...object.metadata, labels: { [label]: 'not a valid label value!' } } };
      }),
      (error) => classify(error) === 'Invalid' && !(error instanceof PatchTestConflict),
    );
    assert.equal(calls, 1);
  });

  it('applyObject: needs a field manager, strips what a read returns, and reports apply conflicts without retrying', async () => {
    const ref = await seed();
    const read = await client().read(ref);
    await assert.rejects(applyObject(client(), read, { fieldManager: ' ' }), {
      name: 'TypeError',
      message: /needs a fieldManager/,
    });
    const applied = await applyObject(
      client(),
      { ...read, data: { owner: 'first' }, status: { ignored: true } },
      { fieldManager: 'first' },
    );
    assert.deepEqual(applied.data, { owner: 'first' });
    const conflict = await applyObject(
      client(),
      { ...read, data: { owner: 'second' } },
      { fieldManager: 'second' },
    ).catch((e: unknown) => e);
    assert.ok(isApplyConflict(conflict), `an apply conflict, got ${String(conflict)}`);
    assert.equal(((await client().read(ref)).data as Record<string, string>).owner, 'first');
    const forced = await applyObject(
      client(),
      { ...read, data: { owner: 'second' } },
      { fieldManager: 'second', force: true },
    );
    assert.deepEqual(forced.data, { owner: 'second' });
  });

  it('applyObject: a resourceVersion precondition that is stale is a stale-write conflict', async () => {
    const ref = await seed();
    const read = await client().read(ref);
    await client().replace(increment(read));
    const error = await applyObject(client(), increment(read), {
      fieldManager: 'lab',
      resourceVersion: read.metadata?.resourceVersion ?? '',
    }).catch((e: unknown) => e);
    assert.ok(isStaleWriteConflict(error), `a stale write, got ${String(error)}`);
  });
}
