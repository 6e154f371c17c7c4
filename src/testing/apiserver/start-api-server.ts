import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { CertificateAuthority, createSigningKeyPair } from '../tls/certificate-authority.ts';
import { type ApiServerAssets, controllerManagerOf, findAssets } from './assets.ts';
import { etcdArgs, kubeApiServerArgs, kubeControllerManagerArgs } from './control-plane-args.ts';
import { freeLoopbackPort } from './free-port.ts';
import { buildKubeconfig, type Kubeconfig } from './kubeconfig.ts';
import { ManagedProcess } from './managed-process.ts';
import { RunProcesses } from './run-processes.ts';
import { reclaimLeftovers, runDirectoryPrefix } from './run-record.ts';
import { trackForExit } from './stop-on-exit.ts';
import { waitUntilReady } from './wait-until-ready.ts';

/** Options of {@link startApiServer}; every one has a default. */
export interface ApiServerOptions {
  /** Directory holding kube-apiserver, etcd and kubectl. @default see `assetsDirectory()` */
  readonly assetsDirectory?: string;
  /** How long to wait for etcd, then kube-apiserver, to be ready, in ms. @default 60000 */
  readonly startTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL, in ms. @default 10000 */
  readonly stopGraceMs?: number;
  /** Extra kube-apiserver flags, appended after kubeconflict's own. @default [] */
  readonly extraApiServerArgs?: readonly string[];
  /**
   * kube-controller-manager controllers to run beside kube-apiserver, by name
   * (`garbage-collector-controller`, `namespace-controller`...), as a real cluster runs
   * them. Needs the binary (`tools/apiserver/build.sh --with-controller-manager`).
   * @default none: kube-apiserver alone, as envtest runs it
   */
  readonly controllers?: readonly string[];
}

/** A running real control plane (etcd and kube-apiserver) on loopback. */
export interface RunningApiServer {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  /** Admin kubeconfig (client certificate in `system:masters`, CA data, verification on). */
  readonly kubeconfig: Kubeconfig;
  /** The same kubeconfig as a file (mode 0600), for kubectl and other clients. */
  readonly kubeconfigPath: string;
  /** A ready `@kubernetes/client-node` KubeConfig for the admin. */
  readonly kubeConfig: KubeConfig;
  /** A bearer token that kube-apiserver also accepts for the admin. Never log it. */
  readonly adminToken: string;
  /** PEM of the CA that signed the serving certificate. */
  readonly caPem: string;
  /** TLS options for `node:https` requests as the admin. */
  readonly tls: RequestOptions;
  /** The binaries used, kubectl among them. */
  readonly assets: ApiServerAssets;
  /** Temporary directory with certificates, etcd data and logs; removed by `stop()`. */
  readonly directory: string;
  /** How long start-up took, in ms. */
  readonly startupMs: number;
  /**
   * Kills kube-apiserver at once (SIGKILL, as a crash) and starts it again on the same
   * port with the same flags; etcd and its data stay. Resolves once `/readyz` answers ok.
   */
  restartApiServer(): Promise<void>;
  /** Stops kube-apiserver then etcd (process groups) and removes the directory. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts etcd and kube-apiserver, built from Go modules by tools/apiserver/build.sh, on
 * free loopback ports, the way controller-runtime's envtest does: a throwaway CA, a
 * serving certificate for 127.0.0.1, an admin client certificate and token, a
 * service-account key pair, RBAC, and the admission plugins that need no controller
 * manager. Resolves once `/readyz` answers ok. A failed start undoes itself and reports
 * the processes' last log lines.
 */
export async function startApiServer(options: ApiServerOptions = {}): Promise<RunningApiServer> {
  const startedAt = performance.now();
  const assets = findAssets(options.assetsDirectory);
  const { startTimeoutMs = 60_000, stopGraceMs = 10_000, extraApiServerArgs = [] } = options;
  // Whatever a SIGKILLed earlier run left (found by its record) is ended first.
  reclaimLeftovers();
  const directory = mkdtempSync(join(tmpdir(), runDirectoryPrefix));
  const run = new RunProcesses(directory, stopGraceMs);
  const { processes } = run;
  // Stays tracked until stop() is done, so that a signal while stopping still ends both.
  trackForExit(run.stopNow);
  try {
    const material = await writeMaterial(directory);
    const [etcdClientPort, etcdPeerPort, apiServerPort] = await distinctPorts(3);
    const etcdUrl = `http://127.0.0.1:${String(etcdClientPort)}`;
    const etcdPeerUrl = `http://127.0.0.1:${String(etcdPeerPort)}`;
    const etcdLog = join(directory, 'etcd.log');
    run.started(new ManagedProcess('etcd', assets.etcd, etcdArgs(directory, etcdUrl, etcdPeerUrl), etcdLog));
    await waitUntilReady({ url: `${etcdUrl}/health`, processes, timeoutMs: startTimeoutMs, what: 'etcd' });

    const url = `https://127.0.0.1:${String(apiServerPort)}`;
    const apiServerArgs = kubeApiServerArgs(directory, etcdUrl, String(apiServerPort), material, extraApiServerArgs);
    const startKubeApiServer = () =>
      new ManagedProcess('kube-apiserver', assets.kubeApiServer, apiServerArgs, join(directory, 'kube-apiserver.log'));
    run.started(startKubeApiServer());
    const tls: RequestOptions = {
      ca: material.caPem,
      cert: material.admin.certificatePem,
      key: material.admin.privateKeyPem,
    };
    const kubeApiServerReady = () =>
      waitUntilReady({ url: `${url}/readyz`, tls, processes, timeoutMs: startTimeoutMs, what: 'kube-apiserver' });
    await kubeApiServerReady();

    const { kubeconfig, kubeconfigPath } = writeKubeconfig(directory, url, material);
    const { controllers = [] } = options;
    if (controllers.length > 0) {
      const args = kubeControllerManagerArgs(kubeconfigPath, controllers);
      const log = join(directory, 'kube-controller-manager.log');
      run.started(new ManagedProcess('kube-controller-manager', controllerManagerOf(assets), args, log));
    }
    return {
      url,
      kubeconfig,
      kubeconfigPath,
      kubeConfig: await clientNodeKubeConfig(kubeconfig),
      adminToken: material.adminToken,
      caPem: material.caPem,
      tls,
      assets,
      directory,
      startupMs: performance.now() - startedAt,
      restartApiServer: async () => {
        await run.restart('kube-apiserver', startKubeApiServer);
        await kubeApiServerReady();
      },
      stop: run.stop,
    };
  } catch (error) {
    await run.stop();
    throw error;
  }
}

/** The admin's kubeconfig for the server at `url`, also written to a file (mode 0600). */
function writeKubeconfig(directory: string, url: string, material: Awaited<ReturnType<typeof writeMaterial>>) {
  const kubeconfig = buildKubeconfig({
    name: 'kubeconflict-apiserver',
    server: url,
    caPem: material.caPem,
    user: 'admin',
    credentials: material.admin,
  });
  const kubeconfigPath = join(directory, 'kubeconfig');
  writeFileSync(kubeconfigPath, JSON.stringify(kubeconfig, null, 2), { mode: 0o600 });
  return { kubeconfig, kubeconfigPath };
}

async function writeMaterial(directory: string) {
  const ca = await CertificateAuthority.create('kubeconflict kube-apiserver CA');
  const serving = await ca.issue({
    kind: 'server',
    commonName: 'kube-apiserver',
    dnsNames: ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc'],
    ipAddresses: ['127.0.0.1', '10.0.0.1'],
  });
  const admin = await ca.issue({ kind: 'client', commonName: 'kubeconflict-admin', organizations: ['system:masters'] });
  const serviceAccount = await createSigningKeyPair();
  const adminToken = randomBytes(24).toString('hex');
  const files = {
    caPath: ['ca.crt', ca.certificatePem],
    servingCertPath: ['apiserver.crt', serving.certificatePem],
    servingKeyPath: ['apiserver.key', serving.privateKeyPem],
    serviceAccountPublicKeyPath: ['sa.pub', serviceAccount.publicKeyPem],
    serviceAccountPrivateKeyPath: ['sa.key', serviceAccount.privateKeyPem],
    tokenFilePath: ['tokens.csv', `${adminToken},kubeconflict-admin,kubeconflict-admin,"system:masters"\n`],
  } as const;
  const paths = Object.fromEntries(
    Object.entries(files).map(([key, [name, content]]) => {
      const path = join(directory, name);
      writeFileSync(path, content, { mode: 0o600 });
      return [key, path];
    }),
  ) as Record<keyof typeof files, string>;
  return { ...paths, caPem: ca.certificatePem, admin, adminToken };
}

async function distinctPorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freeLoopbackPort());
  return [...ports];
}

async function clientNodeKubeConfig(kubeconfig: Kubeconfig): Promise<KubeConfig> {
  let clientNode: typeof import('@kubernetes/client-node');
  try {
    clientNode = await import('@kubernetes/client-node');
  } catch {
    throw new Error('startApiServer needs @kubernetes/client-node (1.x or 2.x) installed beside kubeconflict');
  }
  const kubeConfig = new clientNode.KubeConfig();
  kubeConfig.loadFromString(JSON.stringify(kubeconfig));
  return kubeConfig;
}
