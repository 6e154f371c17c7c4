import { join } from 'node:path';

/** etcd's flags: one member serving `clientUrl` and `peerUrl`, its data under `directory`. */
export function etcdArgs(directory: string, clientUrl: string, peerUrl: string): string[] {
  return [
    '--name=default',
    `--data-dir=${join(directory, 'etcd')}`,
    `--listen-client-urls=${clientUrl}`,
    `--advertise-client-urls=${clientUrl}`,
    `--listen-peer-urls=${peerUrl}`,
    `--initial-advertise-peer-urls=${peerUrl}`,
    `--initial-cluster=default=${peerUrl}`,
    // Test data need not survive a machine crash; fsync dominates etcd's write latency.
    '--unsafe-no-fsync',
  ];
}

/** The files kube-apiserver is given: certificates, keys and the token file. */
export interface ApiServerFiles {
  readonly servingCertPath: string;
  readonly servingKeyPath: string;
  readonly caPath: string;
  readonly tokenFilePath: string;
  readonly serviceAccountPublicKeyPath: string;
  readonly serviceAccountPrivateKeyPath: string;
}

/** kube-apiserver's flags: on 127.0.0.1:`port`, storing in etcd at `etcdUrl`, then `extra`. */
export function kubeApiServerArgs(
  directory: string,
  etcdUrl: string,
  port: string,
  files: ApiServerFiles,
  extra: readonly string[],
): string[] {
  return [
    `--etcd-servers=${etcdUrl}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${port}`,
    `--cert-dir=${join(directory, 'apiserver-certs')}`,
    `--tls-cert-file=${files.servingCertPath}`,
    `--tls-private-key-file=${files.servingKeyPath}`,
    `--client-ca-file=${files.caPath}`,
    `--token-auth-file=${files.tokenFilePath}`,
    '--authorization-mode=RBAC',
    '--service-cluster-ip-range=10.0.0.0/24',
    '--service-account-issuer=https://kubernetes.default.svc',
    `--service-account-key-file=${files.serviceAccountPublicKeyPath}`,
    `--service-account-signing-key-file=${files.serviceAccountPrivateKeyPath}`,
    // ServiceAccount admission needs the token controller of kube-controller-manager.
    '--disable-admission-plugins=ServiceAccount',
    ...extra,
  ];
}

/**
 * kube-controller-manager's flags: only `controllers` run, as the admin of `kubeconfigPath`,
 * without leader election and without serving anything itself.
 */
export function kubeControllerManagerArgs(kubeconfigPath: string, controllers: readonly string[]): string[] {
  return [
    `--kubeconfig=${kubeconfigPath}`,
    `--controllers=${controllers.join(',')}`,
    '--leader-elect=false',
    '--secure-port=0',
  ];
}
