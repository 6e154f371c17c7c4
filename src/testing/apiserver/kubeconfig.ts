/** A kubeconfig as kubectl reads it (JSON is valid YAML), for one cluster and one user. */
export interface Kubeconfig {
  readonly apiVersion: 'v1';
  readonly kind: 'Config';
  readonly clusters: readonly {
    name: string;
    cluster: { server: string; 'certificate-authority-data'?: string; 'insecure-skip-tls-verify'?: boolean };
  }[];
  readonly users: readonly {
    name: string;
    user: { 'client-certificate-data'?: string; 'client-key-data'?: string; token?: string };
  }[];
  readonly contexts: readonly { name: string; context: { cluster: string; user: string; namespace: string } }[];
  readonly 'current-context': string;
}

/** The credentials of one user: a client certificate, or a bearer token. */
export type Credentials =
  { readonly certificatePem: string; readonly privateKeyPem: string } | { readonly token: string };

const base64 = (text: string) => Buffer.from(text).toString('base64');

export function buildKubeconfig(options: {
  name: string;
  server: string;
  /** The CA to trust; without one (plain HTTP only) clients are told not to verify. */
  caPem: string | undefined;
  user: string;
  credentials: Credentials;
  namespace?: string;
}): Kubeconfig {
  const { name, server, caPem, user, credentials, namespace = 'default' } = options;
  const userEntry =
    'token' in credentials
      ? { token: credentials.token }
      : {
          'client-certificate-data': base64(credentials.certificatePem),
          'client-key-data': base64(credentials.privateKeyPem),
        };
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name,
        cluster:
          caPem === undefined
            ? { server, 'insecure-skip-tls-verify': true }
            : { server, 'certificate-authority-data': base64(caPem) },
      },
    ],
    users: [{ name: user, user: userEntry }],
    contexts: [{ name, context: { cluster: name, user, namespace } }],
    'current-context': name,
  };
}
