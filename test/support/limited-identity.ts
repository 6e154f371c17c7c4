import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { KubeObjectClient } from '../../src/index.ts';
import { buildKubeconfig } from '../../src/testing/apiserver/kubeconfig.ts';
import type { RunningApiServer } from '../../src/testing/index.ts';

/** A ServiceAccount that RBAC lets do only some verbs on deployments in one namespace. */
export interface LimitedIdentity {
  /** How kube-apiserver names it in its messages: `system:serviceaccount:NS:NAME`. */
  readonly username: string;
  /** A kubeconfig with its token and the server's CA (verification on); mode 0600. */
  readonly kubeconfigPath: string;
  readonly kubeConfig: KubeConfig;
  /** Only for checking that no output shows it. Never log it. */
  readonly token: string;
}

const rbacGroup = 'rbac.authorization.k8s.io';

/**
 * Creates a ServiceAccount, a Role allowing `verbs` on deployments.apps, and their
 * RoleBinding, as the admin; obtains a token with the TokenRequest API (kube-apiserver
 * signs it itself: no controller manager needed); resolves once the RBAC authorizer,
 * which learns of new bindings through its informers, grants the first verb.
 */
export async function createLimitedIdentity(
  server: RunningApiServer,
  admin: KubeObjectClient,
  options: { namespace: string; name: string; verbs: readonly string[] },
): Promise<LimitedIdentity> {
  const { namespace, name, verbs } = options;
  const metadata = { name, namespace };
  await admin.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata });
  await admin.create({
    apiVersion: `${rbacGroup}/v1`,
    kind: 'Role',
    metadata,
    rules: [{ apiGroups: ['apps'], resources: ['deployments'], verbs }],
  });
  await admin.create({
    apiVersion: `${rbacGroup}/v1`,
    kind: 'RoleBinding',
    metadata,
    roleRef: { apiGroup: rbacGroup, kind: 'Role', name },
    subjects: [{ kind: 'ServiceAccount', name, namespace }],
  });
  const answer = await admin.transport.request<{ status: { token: string } }>({
    method: 'POST',
    path: `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`,
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } },
  });
  const { token } = answer.status;
  const username = `system:serviceaccount:${namespace}:${name}`;
  await waitUntilGranted(admin, username, namespace, verbs[0] ?? 'get');

  const kubeconfig = buildKubeconfig({
    name: `kubeconflict-${name}`,
    server: server.url,
    caPem: server.caPem,
    user: name,
    credentials: { token },
    namespace,
  });
  // In the server's own directory, which stop() removes.
  const kubeconfigPath = join(server.directory, `${name}.kubeconfig`);
  writeFileSync(kubeconfigPath, JSON.stringify(kubeconfig), { mode: 0o600 });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigPath);
  return { username, kubeconfigPath, kubeConfig, token };
}

/** Asks the authorizer (SubjectAccessReview) until it allows `verb`: waits for the binding, not for time. */
async function waitUntilGranted(admin: KubeObjectClient, user: string, namespace: string, verb: string) {
  const review = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    spec: { user, resourceAttributes: { namespace, verb, group: 'apps', resource: 'deployments' } },
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    const answer = await admin.transport.request<{ status?: { allowed?: boolean } }>({
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/subjectaccessreviews',
      body: review,
    });
    if (answer.status?.allowed === true) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`RBAC never granted ${user} ${verb} on deployments in ${namespace}`);
}
