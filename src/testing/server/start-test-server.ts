import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { buildKubeconfig, type Kubeconfig } from '../apiserver/kubeconfig.ts';
import { createFieldTracker } from './fields/field-tracker.ts';
import { handleRequest, type ServerState } from './handle-request.ts';
import { closeServer, createApiHttpServer, listen } from './http-server.ts';
import { ObjectStore } from './object-store.ts';
import { type CustomResourceOptions, ResourceRegistry } from './registry.ts';
import { startCrdController } from './crd/crd-controller.ts';
import { type FaultInjector, type FaultOptions, faultInjector } from './faults.ts';
import type { RequestHook } from './request-hook.ts';
import { bootstrapNamespaces } from './resources/bootstrap.ts';
import { startControllers } from './controllers/controllers.ts';

/** Options of {@link startTestServer}; every one has a default. */
export interface TestServerOptions {
  /** Loopback address to bind: 127.0.0.1 or ::1 (anything else is refused). @default '127.0.0.1' */
  readonly host?: string;
  /** Port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Serve HTTPS with a CA of its own (in the kubeconfig), or plain HTTP. @default true */
  readonly tls?: boolean;
  /**
   * The bearer token every request must carry, as on a real cluster; it is written into
   * the kubeconfig. Without credentials a request is the anonymous user (403), with a
   * wrong token 401. @default a random token
   */
  readonly token?: string;
  /** Called for every resource request: latency and fault injection. @default none */
  readonly hook?: RequestHook;
  /**
   * Seeded fault injection: that share of requests meets latency, 500, 503, 429 with
   * Retry-After, or a connection reset or hang before or after the write commits.
   * Applied when `hook` has no action for a request. @default none
   */
  readonly faults?: FaultOptions;
  /** Custom resources to serve from the start. @default [] */
  readonly customResources?: readonly CustomResourceOptions[];
  /** Write the kubeconfig to this file instead of a temporary one (mode 0600). */
  readonly kubeconfigPath?: string;
  /**
   * How many changes a watch can be replayed from; a watch from an older
   * resourceVersion gets 410 Expired, as after an etcd compaction. @default 10000
   */
  readonly watchHistory?: number;
  /**
   * Run the controllers a cluster's kube-controller-manager would for the objects served:
   * the garbage collector (ownerReferences, foreground and orphan deletion) and namespace
   * clean-up. `false` leaves them to the caller, as kube-apiserver alone does (a deleted
   * Namespace stays Terminating, dependents stay). @default true
   */
  readonly controllers?: boolean;
}

/** A running embedded API server. */
export interface TestServer {
  /** `https://127.0.0.1:<port>` (or http:// when asked). */
  readonly url: string;
  readonly kubeconfig: Kubeconfig;
  /** The kubeconfig as a file, for kubectl and other clients. */
  readonly kubeconfigPath: string;
  /** A ready `@kubernetes/client-node` KubeConfig. */
  readonly kubeConfig: KubeConfig;
  /** PEM of the CA that signed the serving certificate (undefined over plain HTTP). */
  readonly caPem: string | undefined;
  /** The bearer token requests must carry (also in the kubeconfig). Never log it. */
  readonly token: string;
  /** The fault injector, when `faults` was given: its counts, and a switch to pause it. */
  readonly faults: FaultInjector | undefined;
  /** Serves another custom resource, like a CustomResourceDefinition would. */
  registerCustomResource(options: CustomResourceOptions): void;
  /** Closes every connection (watches included) and removes temporary files. Idempotent. */
  stop(): Promise<void>;
}

const loopback = new Set(['127.0.0.1', '::1']);

/**
 * Starts the embedded Kubernetes-compatible API server in this process: HTTPS on
 * loopback with a CA of its own, so clients keep TLS verification on. It speaks the
 * Kubernetes HTTP+JSON API for namespaces, configmaps, secrets, pods, deployments,
 * leases and registered custom resources; see docs/EMBEDDED-SERVER.md for what it does
 * and does not do.
 *
 * @example
 * const server = await startTestServer();
 * const apps = server.kubeConfig.makeApiClient(k8s.AppsV1Api);
 * await server.stop();
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { host, port, token } = checkedListenOptions(options);
  const useTls = options.tls ?? true;
  const registry = new ResourceRegistry();
  for (const custom of options.customResources ?? []) registry.registerCustomResource(custom);
  const faults = options.faults && faultInjector(options.faults);
  const store = new ObjectStore(options.watchHistory === undefined ? {} : { historyLimit: options.watchHistory });
  bootstrapNamespaces(store);
  let address = '';
  const fields = createFieldTracker();
  const stopControllers = options.controllers === false ? undefined : startControllers({ store, fields, registry });
  const stopCrdController = startCrdController({ store, fields, registry });
  const state: ServerState = {
    store,
    registry,
    fields,
    token,
    hook: combinedHook(options.hook, faults),
    address: () => address,
  };
  const { server, caPem } = await createApiHttpServer(useTls, (request, response) => {
    void handleRequest(state, request, response);
  });
  address = await listen(server, port, host);
  const url = `${useTls ? 'https' : 'http'}://${address}`;
  const kubeconfig = buildKubeconfig({
    name: 'kubeconflict-embedded',
    server: url,
    caPem,
    user: 'kubeconflict',
    credentials: { token },
  });
  const { kubeconfigPath, directory } = writeKubeconfig(kubeconfig, options.kubeconfigPath);
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(JSON.stringify(kubeconfig));
  let stopped = false;
  return {
    url,
    kubeconfig,
    kubeconfigPath,
    kubeConfig,
    caPem,
    token,
    faults,
    registerCustomResource: (custom) => {
      registry.registerCustomResource(custom);
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      stopControllers?.();
      stopCrdController();
      await closeServer(server);
      if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The host, port and token to serve, checked: loopback only, a valid port, a token without white space. */
function checkedListenOptions(options: TestServerOptions): { host: string; port: number; token: string } {
  const host = options.host ?? '127.0.0.1';
  if (!loopback.has(host)) {
    throw new RangeError(`startTestServer binds to loopback only (127.0.0.1 or ::1); got host ${host}`);
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535; got ${String(port)}`);
  }
  if (options.token !== undefined && (options.token === '' || /\s/.test(options.token))) {
    throw new RangeError('token must be a non-empty string without white space');
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  return { host, port, token };
}

/**
 * Writes `kubeconfig` (mode 0600) to `path`, or to a new temporary directory, returned to be
 * removed on stop, without one.
 */
function writeKubeconfig(
  kubeconfig: Kubeconfig,
  path: string | undefined,
): { kubeconfigPath: string; directory: string | undefined } {
  const directory = path === undefined ? mkdtempSync(join(tmpdir(), 'kubeconflict-server-')) : undefined;
  const kubeconfigPath = path ?? join(directory ?? '', 'kubeconfig');
  writeFileSync(kubeconfigPath, JSON.stringify(kubeconfig, null, 2), { mode: 0o600 });
  return { kubeconfigPath, directory };
}

/** The caller's hook first; the fault injector for requests it leaves alone. */
function combinedHook(hook: RequestHook | undefined, faults: FaultInjector | undefined): RequestHook | undefined {
  if (!faults) return hook;
  if (!hook) return faults.hook;
  return async (request) => (await hook(request)) ?? faults.hook(request);
}
