import { toGoYaml } from '../testing/server/go/go-yaml.ts';

interface LabJobOptions {
  workers: number;
  processes: number;
  name: string;
  namespace: string;
  kind: string;
  label: string;
  strategies: readonly string[];
  seed: number;
}

/**
 * A Job that runs the lab's workers as pods in the cluster itself (the way past one
 * machine), with the ServiceAccount and Role they need to read and update the object.
 * Each pod runs `--processes`-sized shares with `--reuse`, so create the object first
 * (for instance with `kubeconflict lab --keep --strategy naive --workers 1`).
 */
export function jobManifest(options: LabJobOptions): string {
  const { namespace, name } = options;
  const base = `kubeconflict-lab-${name}`.slice(0, 52);
  const pods = options.processes;
  const labels = { 'app.kubernetes.io/name': 'kubeconflict-lab', 'app.kubernetes.io/instance': name };
  const documents = [
    ...accessDocuments(options, base, labels),
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: base, namespace, labels },
      spec: {
        parallelism: pods,
        completions: pods,
        backoffLimit: 0,
        ttlSecondsAfterFinished: 3600,
        template: {
          metadata: { labels },
          spec: { serviceAccountName: base, restartPolicy: 'Never', containers: [labContainer(options)] },
        },
      },
    },
  ];
  return documents.map((document) => toGoYaml(document)).join('---\n');
}

/** The ServiceAccount the pods run as, allowed to read, update, patch and watch the one object. */
function accessDocuments(options: LabJobOptions, base: string, labels: Record<string, string>): object[] {
  const { namespace, name } = options;
  const resource =
    options.kind === 'deployment'
      ? { apiGroups: ['apps'], resources: ['deployments'] }
      : { apiGroups: [''], resources: ['configmaps'] };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: base, namespace, labels } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: base, namespace, labels },
      rules: [{ ...resource, resourceNames: [name], verbs: ['get', 'update', 'patch', 'watch'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: base, namespace, labels },
      subjects: [{ kind: 'ServiceAccount', name: base, namespace }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: base },
    },
  ];
}

/** One pod's share of the workers, counting in the existing object. */
function labContainer(options: LabJobOptions): object {
  const perPod = Math.ceil(options.workers / options.processes);
  return {
    name: 'lab',
    image: 'node:24-alpine',
    command: ['npx', '--yes', 'kubeconflict', 'lab', '--target', 'cluster', '--reuse', '--keep', '--json'],
    args: [
      '--namespace',
      options.namespace,
      '--name',
      options.name,
      '--kind',
      options.kind,
      '--label',
      options.label,
      '--workers',
      String(perPod),
      '--seed',
      String(options.seed),
      ...options.strategies.flatMap((strategy) => ['--strategy', strategy]),
    ],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '512Mi' } },
  };
}
