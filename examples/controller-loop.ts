// A controller-style loop: every few seconds, bring an annotation of each Deployment in a
// namespace up to date, with a JSON patch that conflicts only when that annotation
// changed (a controller updating the status at the same time is no conflict).
// Ctrl-C stops it between two writes, never in the middle of one.
//   node examples/controller-loop.ts [namespace] [--once]
import { setTimeout as sleep } from 'node:timers/promises';
import { KubeConfig } from '@kubernetes/client-node';
import { classify, jsonPatchWithRetry, kubeObjectClient, noChange } from 'kubeconflict';

const args = process.argv.slice(2);
const once = args.includes('--once');
const [namespace = 'default'] = args.filter((arg) => arg !== '--once');
const annotation = 'example.kubeconflict.dev/owner-team';

const kc = new KubeConfig();
kc.loadFromDefault();
const client = kubeObjectClient(kc);
const stop = new AbortController();
process.once('SIGINT', () => {
  stop.abort(new Error('interrupted'));
});

async function reconcile(): Promise<void> {
  const list = await client.transport.request<{
    items: { metadata: { name: string; labels?: Record<string, string> } }[];
  }>({
    method: 'GET',
    path: `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/deployments`,
    signal: stop.signal,
  });
  for (const { metadata } of list.items) {
    const team = metadata.labels?.team ?? 'unowned';
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: metadata.name };
    const result = await jsonPatchWithRetry(
      client,
      ref,
      (deployment) => {
        if (deployment.metadata?.annotations?.[annotation] === team) return noChange;
        return {
          ...deployment,
          metadata: {
            ...deployment.metadata,
            annotations: { ...deployment.metadata?.annotations, [annotation]: team },
          },
        };
      },
      { signal: stop.signal },
    );
    if (result.written) console.log(`${namespace}/${metadata.name}: ${annotation}=${team}`);
  }
}

try {
  do {
    await reconcile();
    if (!once) await sleep(5_000, undefined, { signal: stop.signal }).catch(() => undefined);
  } while (!once && !stop.signal.aborted);
} catch (error) {
  if (!stop.signal.aborted) {
    console.error(`reconcile failed (${classify(error)}):`, error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
} finally {
  client.transport.close();
}
