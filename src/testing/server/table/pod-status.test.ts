import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { podStatusCells } from './pod-status.ts';

const now = new Date('2026-01-01T01:00:00Z');
const tenMinutesAgo = '2026-01-01T00:50:00Z';
const pod = (status: Record<string, unknown>, spec: Record<string, unknown> = {}, metadata = {}): KubeObject => ({
  metadata: { name: 'p', ...metadata },
  spec: { containers: [{ name: 'a' }, { name: 'b' }], ...spec },
  status,
});
const running = { running: { startedAt: tenMinutesAgo } };
const terminated = (exitCode: number, more: Record<string, unknown> = {}) => ({
  terminated: { exitCode, finishedAt: tenMinutesAgo, ...more },
});

describe('podStatusCells (printPod as a stored Pod can show it)', () => {
  it('reads a Pod with no status as 0/N, no status, 0 restarts', () => {
    assert.deepEqual(podStatusCells(pod({}), now), ['0/2', '', '0']);
  });

  it("names the status after the status reason, else the phase, else SchedulingGated's condition", () => {
    assert.deepEqual(podStatusCells(pod({ phase: 'Failed', reason: 'Evicted' }), now)[1], 'Evicted');
    const gated = pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', reason: 'SchedulingGated' }] });
    assert.equal(podStatusCells(gated, now)[1], 'SchedulingGated');
  });

  it('counts ready running containers and restarts, with how long ago the last one ended', () => {
    const status = {
      phase: 'Running',
      containerStatuses: [
        { name: 'a', ready: true, state: running, restartCount: 2, lastState: terminated(1) },
        { name: 'b', ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } }, restartCount: 1 },
      ],
    };
    assert.deepEqual(podStatusCells(pod(status), now), ['1/2', 'CrashLoopBackOff', '3 (10m ago)']);
  });

  it('reads a Completed pod with a container still running as NotReady, or Running when Ready', () => {
    const containerStatuses = [
      { name: 'a', ready: false, state: terminated(0, { reason: 'Completed' }) },
      { name: 'b', ready: true, state: running },
    ];
    assert.equal(podStatusCells(pod({ phase: 'Running', containerStatuses }), now)[1], 'NotReady');
    const ready = { phase: 'Running', containerStatuses, conditions: [{ type: 'Ready', status: 'True' }] };
    assert.equal(podStatusCells(pod(ready), now)[1], 'Running');
  });

  it('names a terminated container by its reason, else Signal:N, else ExitCode:N', () => {
    const status = (state: object) => ({ phase: 'Failed', containerStatuses: [{ name: 'a', state }] });
    assert.equal(podStatusCells(pod(status(terminated(1, { reason: 'OOMKilled' }))), now)[1], 'OOMKilled');
    assert.equal(podStatusCells(pod(status(terminated(137, { signal: 9 }))), now)[1], 'Signal:9');
    assert.equal(podStatusCells(pod(status(terminated(3))), now)[1], 'ExitCode:3');
  });

  it('reads init containers until the first not done: Init:i/n, Init:<reason>, Init:ExitCode:N', () => {
    const spec = { initContainers: [{ name: 'one' }, { name: 'two' }] };
    const done = { name: 'one', state: terminated(0) };
    const cells = (second: object) =>
      podStatusCells(pod({ phase: 'Pending', initContainerStatuses: [done, { name: 'two', ...second }] }, spec), now);
    assert.equal(cells({ state: { running: {} } })[1], 'Init:1/2');
    assert.equal(cells({ state: { waiting: { reason: 'PodInitializing' } } })[1], 'Init:1/2');
    assert.equal(cells({ state: { waiting: { reason: 'ImagePullBackOff' } } })[1], 'Init:ImagePullBackOff');
    assert.equal(cells({ state: terminated(2) })[1], 'Init:ExitCode:2');
  });

  it('counts a sidecar (init container restarting Always) among the containers, ready once started', () => {
    const spec = { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] };
    const sidecar = { name: 'proxy', started: true, ready: true, state: running, restartCount: 4 };
    const status = { phase: 'Running', initContainerStatuses: [sidecar], containerStatuses: [] };
    assert.deepEqual(podStatusCells(pod(status, spec), now), ['1/3', 'Running', '4']);
  });

  it('reads a deleted Pod as Terminating unless finished, and Unknown when its node was lost', () => {
    const deleted = { deletionTimestamp: tenMinutesAgo };
    assert.equal(podStatusCells(pod({ phase: 'Pending' }, {}, deleted), now)[1], 'Terminating');
    assert.equal(podStatusCells(pod({ phase: 'Succeeded' }, {}, deleted), now)[1], 'Succeeded');
    assert.equal(podStatusCells(pod({ phase: 'Running', reason: 'NodeLost' }, {}, deleted), now)[1], 'Unknown');
  });
});
