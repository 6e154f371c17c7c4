// The README's quick start: add one to a Deployment label, safely under concurrency.
// Run against the cluster of your current kubeconfig context:
//   node examples/retry-on-conflict.ts [namespace] [name]
import * as k8s from '@kubernetes/client-node';
import { DefaultRetry, KubeApiError, retryOnConflict } from 'kubeconflict';

const [namespace = 'default', name = 'demo-deployment'] = process.argv.slice(2);
const kc = new k8s.KubeConfig();
kc.loadFromDefault();
const apps = kc.makeApiClient(k8s.AppsV1Api);

try {
  const updated = await retryOnConflict(DefaultRetry, async () => {
    const deployment = await apps.readNamespacedDeployment({ name, namespace });
    const metadata = (deployment.metadata ??= {});
    const labels = (metadata.labels ??= {});
    const current = Number.parseInt(labels['biz-version'] ?? '', 10);
    if (Number.isNaN(current)) throw new Error(`label biz-version of ${namespace}/${name} is not an integer`);
    labels['biz-version'] = String(current + 1);
    return apps.replaceNamespacedDeployment({ name, namespace, body: deployment });
  });
  console.log(`biz-version is now ${updated.metadata?.labels?.['biz-version'] ?? '?'}`);
} catch (error) {
  const request = { verb: 'update', resource: 'deployments.apps', namespace, name };
  console.error(KubeApiError.from(error, request)?.message ?? error);
  process.exitCode = 1;
}
