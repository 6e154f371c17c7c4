// Own a Deployment's replica count with server-side apply. Another manager owning the
// field is a conflict to decide on, never retried: pass --force to take it over.
//   node examples/server-side-apply.ts [namespace] [name] [replicas] [--force]
import { KubeConfig } from '@kubernetes/client-node';
import { applyObject, isApplyConflict, KubeApiError, kubeObjectClient } from 'kubeconflict';

const args = process.argv.slice(2);
const force = args.includes('--force');
const [namespace = 'default', name = 'demo-deployment', replicas = '2'] = args.filter((arg) => arg !== '--force');
if (!/^\d+$/.test(replicas)) throw new Error(`replicas must be a whole number; got ${replicas}`);

const kc = new KubeConfig();
kc.loadFromDefault();
const client = kubeObjectClient(kc);
try {
  const applied = await applyObject(
    client,
    // Only the fields this tool owns: apply leaves every other field to its owner.
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace }, spec: { replicas: Number(replicas) } },
    { fieldManager: 'replica-keeper', force },
  );
  console.log(`${namespace}/${name}: replicas ${String((applied.spec as { replicas?: number }).replicas)}`);
} catch (error) {
  if (isApplyConflict(error)) {
    console.error(`another manager owns the replica count: ${KubeApiError.from(error)?.serverMessage ?? ''}`);
    console.error('run again with --force to take it over');
  } else {
    console.error(KubeApiError.from(error)?.message ?? error);
  }
  process.exitCode = 1;
} finally {
  client.transport.close();
}
