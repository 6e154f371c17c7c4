import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import type { RunningApiServer } from '../../src/testing/apiserver/start-api-server.ts';
import { buildKubeconfig } from '../../src/testing/apiserver/kubeconfig.ts';
import type { FaultInjector } from '../../src/testing/server/faults.ts';
import { watchRequested } from '../../src/testing/server/handlers/query-options.ts';
import { route } from '../../src/testing/server/http/route.ts';
import { applyHookBefore, type HookAction, type HookedRequest, verbOf } from '../../src/testing/server/request-hook.ts';

/** A loopback proxy in front of kube-apiserver that injects the embedded server's faults. */
export interface FaultProxy {
  /** A client-node KubeConfig for the admin, through the proxy (plain HTTP on loopback). */
  readonly kubeConfig: KubeConfig;
  stop(): Promise<void>;
}

/**
 * Puts `injector`'s faults between clients and a real kube-apiserver: each request is
 * forwarded with the admin's token, unless its fault answers instead, drops the connection
 * before forwarding, or drops the answer after kube-apiserver has committed the write.
 * Plain HTTP on 127.0.0.1 keeps it small: the proxy is test equipment, not a server users run.
 */
export async function startFaultProxy(server: RunningApiServer, injector: FaultInjector): Promise<FaultProxy> {
  const upstream = new URL(server.url);
  const proxy = createServer((incoming, outgoing) => {
    void serve(incoming, outgoing).catch(() => outgoing.destroy());
  });
  const serve = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    // The embedded server's own handling of what happens before a request is served.
    const action = await injector.hook(hooked(incoming));
    if (action && (await applyHookBefore(action, outgoing))) return;
    forward(incoming, outgoing, action);
  };
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse, action: HookAction | undefined) => {
    const headers = { ...incoming.headers, host: upstream.host, authorization: `Bearer ${server.adminToken}` };
    const toServer = httpsRequest(
      upstream,
      { method: incoming.method, path: incoming.url, headers, ca: server.caPem },
      (answer) => {
        if (action?.resetConnection === 'after') {
          // kube-apiserver has answered, so the write committed; the client never hears it.
          answer.resume();
          answer.once('end', () => setTimeout(() => outgoing.destroy(), action.holdMs ?? 0).unref());
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        if (action?.slowBody) trickle(answer, outgoing, action.slowBody.intervalMs);
        else answer.pipe(outgoing);
      },
    );
    toServer.once('error', () => outgoing.destroy());
    outgoing.once('close', () => toServer.destroy());
    incoming.pipe(toServer);
  };
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  const { port } = proxy.address() as AddressInfo;
  const kubeconfig = buildKubeconfig({
    name: 'kubeconflict-fault-proxy',
    server: `http://127.0.0.1:${String(port)}`,
    caPem: undefined,
    user: 'through-proxy',
    credentials: { token: 'the-proxy-adds-the-admin-token' },
  });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(JSON.stringify(kubeconfig));
  return {
    kubeConfig,
    stop: async () => {
      const closed = once(proxy, 'close');
      proxy.close();
      proxy.closeAllConnections();
      await closed;
    },
  };
}

/** The answer in pieces, `intervalMs` apart. */
function trickle(answer: IncomingMessage, outgoing: ServerResponse, intervalMs: number): void {
  answer.on('data', (chunk: Buffer) => {
    answer.pause();
    outgoing.write(chunk);
    setTimeout(() => answer.resume(), intervalMs).unref();
  });
  answer.once('end', () => outgoing.end());
  answer.resume();
}

/** The request as the embedded server describes it to its hook: same routing, same verbs. */
function hooked(incoming: IncomingMessage): HookedRequest {
  const url = new URL(incoming.url ?? '/', 'http://proxy');
  const method = incoming.method ?? 'GET';
  const target = route(url.pathname);
  const resource = target.kind === 'resource' ? target : undefined;
  return {
    method,
    path: url.pathname,
    verb: verbOf(method, resource?.name !== undefined, watchRequested(url.searchParams)),
    resource: resource?.plural,
    namespace: resource?.namespace,
    name: resource?.name,
  };
}
