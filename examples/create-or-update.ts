// Make sure a ConfigMap holds the settings given, creating it when it is missing: safe when
// other writers (or other copies of this script) change it at the same time.
//   node examples/create-or-update.ts [namespace] [name] key=value ...
import { KubeConfig } from '@kubernetes/client-node';
import { createOrUpdate, KubeApiError, kubeObjectClient } from 'kubeconflict';

const [namespace = 'default', name = 'app-settings', ...pairs] = process.argv.slice(2);
const settings = Object.fromEntries(
  pairs.map((pair) => {
    const [key, ...value] = pair.split('=');
    if (!key || value.length === 0) throw new Error(`settings are key=value; got ${JSON.stringify(pair)}`);
    return [key, value.join('=')];
  }),
);

const kc = new KubeConfig();
kc.loadFromDefault();
const client = kubeObjectClient(kc);
try {
  const { operation, attempts } = await createOrUpdate(
    client,
    { apiVersion: 'v1', kind: 'ConfigMap', namespace, name },
    // Only the keys given change: what others wrote to the other keys is kept.
    (configMap) => ({ ...configMap, data: { ...(configMap.data as Record<string, string> | undefined), ...settings } }),
  );
  console.log(`${namespace}/${name}: ${operation} (${String(attempts)} attempt${attempts === 1 ? '' : 's'})`);
} catch (error) {
  console.error(KubeApiError.from(error)?.message ?? error);
  process.exitCode = 1;
} finally {
  client.transport.close();
}
