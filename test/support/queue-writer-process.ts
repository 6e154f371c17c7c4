// A child process that makes one queuedUpdate (+1 on the counter label) and reports how it ended:
// the queue's crash test kills some of these while they wait.
import { KubeConfig } from '@kubernetes/client-node';
import { kubeObjectClient } from '../../src/client/kube-object-client.ts';
import { queuedUpdate } from '../../src/strategies/queue/queued-update.ts';
import type { ObjectRef } from '../../src/core/object.ts';
import { increment } from './counter-label.ts';

export interface WriterSetup {
  readonly kubeconfig: string;
  readonly ref: ObjectRef;
  readonly stallTimeout: number;
}

process.once('message', (setup: WriterSetup) => {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(setup.kubeconfig);
  const client = kubeObjectClient(kubeConfig);
  queuedUpdate(client, setup.ref, increment, { stallTimeout: setup.stallTimeout }).then(
    (result) => process.send?.({ written: result.written }),
    (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }),
  );
});
