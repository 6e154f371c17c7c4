import { stringify } from 'yaml';

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
  const perPod = Math.ceil(options.workers / pods);
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
          spec: {
            serviceAccountName: base,
            restartPolicy: 'Never',
            containers: [labContainer(options, perPod)],
          },
        },
      },
    },
  ];
  return documents.map((document) => stringify(document)).join('---\n');
}

/** What {@link jobManifest} runs: the lab's object and flags, and how many workers in how many pods. */
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

/** The ServiceAccount the pods run as, with a Role to read, update and watch the one object. */
function accessDocuments({ namespace, name, kind }: LabJobOptions, base: string, labels: Record<string, string>) {
  const resource =
    kind === 'deployment'
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

/** The container each pod runs: the lab on the existing object, with its share of the workers. */
function labContainer(options: LabJobOptions, perPod: number) {
  const { namespace, name } = options;
  return {
    name: 'lab',
    image: 'node:24-alpine',
    command: ['npx', '--yes', 'kubeconflict', 'lab', '--target', 'cluster', '--reuse', '--keep', '--json'],
    args: [
      '--namespace',
      namespace,
      '--name',
      name,
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
