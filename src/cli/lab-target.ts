import { connect } from 'node:net';
import * as k8s from '@kubernetes/client-node';
import { startApiServer } from '../testing/apiserver/start-api-server.ts';
import type { FaultInjector, FaultOptions } from '../testing/server/faults.ts';
import { startTestServer } from '../testing/server/start-test-server.ts';
import { UsageError } from './usage-error.ts';

export type TargetKind = 'embedded' | 'apiserver' | 'cluster';

export interface LabTarget {
  readonly kind: 'embedded' | 'apiserver' | 'kubeconfig';
  readonly kubeConfig: k8s.KubeConfig;
  readonly server: string;
  readonly context?: string;
  /** The namespace the kubeconfig's context names, if any. */
  readonly contextNamespace?: string;
  /** The embedded server's fault injector, when faults were asked for. */
  readonly faults?: FaultInjector;
  stop(): Promise<void>;
}

/** Connects to what the flags name: the embedded server, a local kube-apiserver, or a cluster by kubeconfig. */
export async function openTarget(
  kind: TargetKind,
  kubeconfigPath: string | undefined,
  context: string | undefined,
  faults?: FaultOptions,
): Promise<LabTarget> {
  if (kind === 'embedded') {
    // A short watch history keeps a thousand workers' writes out of memory (adaptive watches
    // from now); under faults, exactly-once replays changes to settle lost answers.
    const server = await startTestServer({ watchHistory: faults ? 10_000 : 100, ...(faults && { faults }) });
    return {
      kind,
      kubeConfig: server.kubeConfig,
      server: server.url,
      ...(server.faults && { faults: server.faults }),
      stop: () => server.stop(),
    };
  }
  if (kind === 'apiserver') {
    const server = await startApiServer();
    return { kind, kubeConfig: server.kubeConfig, server: server.url, stop: () => server.stop() };
  }
  const kubeConfig = new k8s.KubeConfig();
  try {
    if (kubeconfigPath !== undefined) kubeConfig.loadFromFile(kubeconfigPath);
    else kubeConfig.loadFromDefault();
  } catch (error) {
    // The loader's message may quote the file; say which file and why, never its content.
    const code = (error as { code?: string }).code;
    throw new UsageError(
      `cannot load kubeconfig ${kubeconfigPath ?? '(KUBECONFIG or ~/.kube/config)'}: ${code === 'ENOENT' ? 'no such file' : 'not a valid kubeconfig'}`,
    );
  }
  if (context !== undefined) {
    if (!kubeConfig.getContexts().some((c) => c.name === context)) {
      const known = kubeConfig.getContexts().map((c) => c.name);
      throw new UsageError(
        `no context ${JSON.stringify(context)} in the kubeconfig; it has: ${known.length > 0 ? known.join(', ') : '(none)'}`,
      );
    }
    kubeConfig.setCurrentContext(context);
  }
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new UsageError('the kubeconfig has no current context with a cluster; pass --context NAME');
  await assertReachable(cluster.server);
  const contextObject = kubeConfig.getContextObject(kubeConfig.getCurrentContext());
  return {
    kind: 'kubeconfig',
    kubeConfig,
    server: cluster.server,
    context: kubeConfig.getCurrentContext(),
    ...(contextObject?.namespace !== undefined && { contextNamespace: contextObject.namespace }),
    stop: () => Promise.resolve(),
  };
}

/** Fails within `timeoutMs` with the URL and the cause when nothing answers there. */
export async function assertReachable(server: string, timeoutMs = 5_000): Promise<void> {
  const url = new URL(server);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port });
    const fail = (cause: string) => {
      socket.destroy();
      reject(new Error(`cannot reach the API server at ${server}: ${cause}`));
    };
    socket.setTimeout(timeoutMs, () => {
      fail(`no answer within ${String(timeoutMs / 1000)} s`);
    });
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      fail(error.code ?? error.message);
    });
  });
}
