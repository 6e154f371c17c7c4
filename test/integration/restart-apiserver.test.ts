// Issue 9: exactly-once increments against the real kube-apiserver, killed and restarted
// mid-run while etcd keeps the data. The run finishes, and correct: none lost, none twice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kubeObjectClient, type KubeObjectClient } from '../../src/client/kube-object-client.ts';
import { Backoff } from '../../src/core/backoff.ts';
import { type RunningApiServer, startApiServer } from '../../src/testing/apiserver/start-api-server.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { incrementInParallel } from '../support/increment-in-parallel.ts';

describe('kube-apiserver killed and restarted during exactly-once increments', apiServerSuite(), () => {
  let server: RunningApiServer;
  let client: KubeObjectClient;
  /** Requests sent again after a refused or broken connection: the outage, as clients met it. */
  let networkRetries = 0;
  before(async () => {
    server = await startApiServer();
    client = kubeObjectClient(server.kubeConfig, {
      requestTimeoutMs: 5_000,
      onRetry: ({ kind }) => {
        if (kind === 'Network') networkRetries++;
      },
    });
  });
  after(async () => {
    client.transport.close();
    await server.stop();
  });

  it('ends at exactly the number of increments, with the restart in the middle', { timeout: 170_000 }, async () => {
    let restart: Promise<void> | undefined;
    networkRetries = 0;
    const outcome = await incrementInParallel(
      client,
      { faults: undefined },
      {
        name: 'survives-restart',
        workers: 5,
        each: 40,
        // Up to about a minute of retries: a restart takes seconds.
        options: {
          backoff: new Backoff({ duration: 20, factor: 1.5, jitter: 1, steps: 60, cap: 1_000 }),
          exactlyOnce: true,
        },
        onIncrement: (count) => {
          if (count !== 60 || restart) return;
          restart = server.restartApiServer();
        },
      },
    );
    await restart;
    assert.ok(restart, 'kube-apiserver was killed after 60 increments');
    assert.ok(networkRetries > 0, 'the clients met the outage and sent reads again');
    assert.deepEqual(outcome.rejected, []);
    assert.equal(outcome.final, 200, 'none lost, none duplicated');
    const { final, alreadyApplied, seconds } = outcome;
    console.log(`# restart: ${JSON.stringify({ final, alreadyApplied, networkRetries, seconds })}`);
  });
});
