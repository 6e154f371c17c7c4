// kubectl v1.36.3's typed commands, unchanged, against the embedded server and against
// a real kube-apiserver: create (protobuf bodies), scale (/scale), patch --subresource=status
// (/status), label, annotate, edit (a scripted editor), get all (the `all` category), get
// of Pods, Services, claims and Events (their printers' columns), get -w (a watch, as table
// rows) and wait --for=jsonpath. Each command must exit, print
// and leave the objects (read back with `kubectl get -o json`) as it does against the
// real server. Objects that a case only needs as a starting point are made with
// `kubectl apply`, so that each case fails only for the command it is about.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { type KubectlPair, sameObjectOnBoth, sameOnBoth } from '../support/kubectl-compare.ts';
import { type KubectlServers, startKubectlServers } from '../support/kubectl-servers.ts';
import { normalizeKubectlOutput } from '../support/kubectl-normalize.ts';
import { type KubectlTarget, runKubectl } from '../support/kubectl-run.ts';
import { watchKubectl } from '../support/kubectl-watch.ts';

/** How long a case that reads a running kubectl's lines may wait for one before it fails instead of hanging. */
const watchGuard = { timeout: 60_000 };

describe('kubectl typed commands: embedded server as kube-apiserver', apiServerSuite(), () => {
  let servers: KubectlServers;
  let directory: string;
  let pair: KubectlPair;

  const same = (...args: string[]) => sameOnBoth(pair, args);
  const sameDeployment = (name: string) => sameObjectOnBoth(pair, 'json', ['deployment', name]);

  /** A Deployment `name` with one replica, made with `kubectl apply` on both servers. */
  const applyDeployment = async (name: string, namespace = 'default'): Promise<void> => {
    const labels = { app: name };
    const path = join(directory, `${name}.json`);
    writeFileSync(
      path,
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace, labels: { ...labels, stage: 'before' } },
        spec: {
          replicas: 1,
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.29' }] } },
        },
      }),
    );
    assert.equal((await same('apply', '-f', path)).stdout, `deployment.apps/${name} created\n`);
  };

  /** A Namespace made with `kubectl apply` on both servers. */
  const applyNamespace = async (name: string): Promise<void> => {
    const path = join(directory, `namespace-${name}.json`);
    writeFileSync(path, JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
    assert.equal((await same('apply', '-f', path)).stdout, `namespace/${name} created\n`);
  };

  /** An editor for `kubectl edit`: a script run with the path of the file kubectl opens. */
  const editor = (name: string, script: string): NodeJS.ProcessEnv => {
    const path = join(directory, name);
    writeFileSync(path, `#!/bin/sh\n${script}\n`);
    chmodSync(path, 0o755);
    return { ...process.env, KUBE_EDITOR: path, EDITOR: path };
  };

  before(async () => {
    servers = await startKubectlServers('typed');
    [directory, pair] = [servers.directory, servers.pair];
  });

  after(() => servers.stop());

  it('create deployment (a protobuf body) makes the same Deployment; a second create is AlreadyExists', async () => {
    const created = await same('create', 'deployment', 'created-web', '--image=nginx', '--replicas=1');
    assert.equal(created.stdout, 'deployment.apps/created-web created\n');
    const deployment = await sameDeployment('created-web');
    assert.deepEqual((deployment.spec as { selector: unknown }).selector, { matchLabels: { app: 'created-web' } });
    const again = await same('create', 'deployment', 'created-web', '--image=nginx');
    assert.equal(again.code, 1);
    assert.equal(again.stderr, 'error: failed to create deployment: deployments.apps "created-web" already exists\n');
  });

  it('create configmap --from-literal (a protobuf body) makes the same ConfigMap', async () => {
    const created = await same('create', 'configmap', 'created-config', '--from-literal=a=1', '--from-literal=b=2');
    assert.equal(created.stdout, 'configmap/created-config created\n');
    const configMap = await sameObjectOnBoth(pair, 'json', ['configmap', 'created-config']);
    assert.deepEqual(configMap.data, { a: '1', b: '2' });
  });

  it('create secret generic --from-literal (a protobuf body) makes the same Secret', async () => {
    const created = await same('create', 'secret', 'generic', 'created-secret', '--from-literal=user=admin');
    assert.equal(created.stdout, 'secret/created-secret created\n');
    const secret = await sameObjectOnBoth(pair, 'json', ['secret', 'created-secret']);
    assert.deepEqual([secret.type, secret.data], ['Opaque', { user: Buffer.from('admin').toString('base64') }]);
  });

  it('create namespace makes the same Namespace', async () => {
    assert.equal((await same('create', 'namespace', 'created-ns')).stdout, 'namespace/created-ns created\n');
    const namespace = await sameObjectOnBoth(pair, 'json', ['namespace', 'created-ns']);
    assert.deepEqual(namespace.status, { phase: 'Active' });
  });

  it('scale patches /scale; with --current-replicas that does not hold it refuses and changes nothing', async () => {
    await applyDeployment('scaled-web');
    assert.equal(
      (await same('scale', 'deployment/scaled-web', '--replicas=3')).stdout,
      'deployment.apps/scaled-web scaled\n',
    );
    assert.equal(((await sameDeployment('scaled-web')).spec as { replicas: number }).replicas, 3);
    const held = await same('scale', 'deployment/scaled-web', '--current-replicas=3', '--replicas=4');
    assert.equal(held.stdout, 'deployment.apps/scaled-web scaled\n');
    const refused = await same('scale', 'deployment/scaled-web', '--current-replicas=2', '--replicas=5');
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, 'error: Expected replicas to be 2, was 4\n');
    assert.equal(((await sameDeployment('scaled-web')).spec as { replicas: number }).replicas, 4);
  });

  const patchStatus = (name: string, status: Record<string, unknown>) =>
    same('patch', 'deployment', name, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status }));

  it('patch --subresource=status changes status and ignores spec', async () => {
    await applyDeployment('status-web');
    const status = { replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1 };
    assert.equal((await patchStatus('status-web', status)).stdout, 'deployment.apps/status-web patched\n');
    assert.deepEqual((await sameDeployment('status-web')).status, status);
    const specThroughStatus = await same(
      'patch',
      'deployment',
      'status-web',
      '--subresource=status',
      '--type=merge',
      '-p',
      '{"spec":{"replicas":7}}',
    );
    assert.equal(specThroughStatus.stdout, 'deployment.apps/status-web patched (no change)\n');
    assert.equal(((await sameDeployment('status-web')).spec as { replicas: number }).replicas, 1);
    assert.match((await same('get', 'deployment', 'status-web')).stdout, /\nstatus-web +1\/1 +1 +1 /);
  });

  it('patch --subresource=status refuses an invalid status with the validation message', async () => {
    await applyDeployment('invalid-status-web');
    const refused = await patchStatus('invalid-status-web', { readyReplicas: 3 });
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      'The Deployment "invalid-status-web" is invalid: status.readyReplicas: Invalid value: 3: cannot be greater than status.replicas\n',
    );
  });

  it('label and annotate add, refuse to overwrite without --overwrite, overwrite and remove', async () => {
    await applyDeployment('labelled-web');
    const refusals = {
      label: "error: 'tier' already has a value (web), and --overwrite is false\n",
      annotate:
        "error: --overwrite is false but found the following declared annotation(s): 'tier' already has a value (web)\n",
    };
    for (const [verb, done, undone] of [
      ['label', 'labeled', 'unlabeled'],
      ['annotate', 'annotated', 'annotated'],
    ] as const) {
      const change = async (...args: string[]) => (await same(verb, 'deployment', 'labelled-web', ...args)).stdout;
      assert.equal(await change('tier=web'), `deployment.apps/labelled-web ${done}\n`);
      const refused = await same(verb, 'deployment', 'labelled-web', 'tier=db');
      assert.equal(refused.code, 1);
      assert.equal(refused.stderr, refusals[verb]);
      assert.equal(await change('--overwrite', 'tier=db'), `deployment.apps/labelled-web ${done}\n`);
      await change('gone=soon');
      assert.equal(await change('gone-'), `deployment.apps/labelled-web ${undone}\n`);
    }
    const metadata = (await sameDeployment('labelled-web')).metadata as {
      labels: Record<string, string>;
      annotations: Record<string, string>;
    };
    assert.deepEqual([metadata.labels.tier, metadata.annotations.tier], ['db', 'db']);
    assert.deepEqual([metadata.labels.gone, metadata.annotations.gone], [undefined, undefined]);
  });

  it('edit with a scripted editor patches what the editor changed; an unchanged file is cancelled', async () => {
    await applyDeployment('edited-web');
    const changeLabel = editor('change-label.sh', 'exec sed -i "s/stage: before/stage: after/" "$1"');
    const edited = await sameOnBoth(pair, ['edit', 'deployment', 'edited-web'], changeLabel);
    assert.equal(edited.stdout, 'deployment.apps/edited-web edited\n');
    const metadata = (await sameDeployment('edited-web')).metadata as { labels: Record<string, string> };
    assert.equal(metadata.labels.stage, 'after');
    const unchanged = await sameOnBoth(pair, ['edit', 'deployment', 'edited-web'], editor('no-change.sh', 'exit 0'));
    assert.equal(unchanged.code, 0);
    assert.equal(unchanged.stderr, 'Edit cancelled, no changes made.\n');
  });

  it('get all lists the `all` category of a namespace; an empty namespace has no resources', async () => {
    await applyNamespace('all-ns');
    await applyNamespace('all-empty-ns');
    await applyDeployment('all-web', 'all-ns');
    const listed = await same('get', 'all', '-n', 'all-ns');
    assert.equal(
      normalizeKubectlOutput(listed.stdout),
      'NAME READY UP-TO-DATE AVAILABLE AGE\ndeployment.apps/all-web 0/1 0 0 <age>\n',
    );
    const empty = await same('get', 'all', '-n', 'all-empty-ns');
    assert.equal(empty.stderr, 'No resources found in all-empty-ns namespace.\n');
  });

  it('get svc,pvc,events prints the columns kube-apiserver prints for them, plain and wide', async () => {
    await applyNamespace('printed-ns');
    const metadata = { name: 'printed', namespace: 'printed-ns' };
    const objects = [
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata,
        spec: {
          type: 'NodePort',
          clusterIP: '10.0.0.210',
          selector: { app: 'web' },
          ports: [{ port: 80, nodePort: 30210 }],
        },
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata,
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'slow', resources: { requests: { storage: '1Gi' } } },
      },
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata,
        involvedObject: { kind: 'Service', name: 'printed', namespace: 'printed-ns' },
        type: 'Normal',
        reason: 'Printed',
        message: 'printed by kubectl',
        count: 2,
        source: { component: 'kubeconflict' },
      },
    ];
    for (const object of objects) {
      const path = join(directory, `printed-${object.kind}.json`);
      writeFileSync(path, JSON.stringify(object));
      await same('create', '-f', path);
    }
    const plain = await same('get', 'svc,pvc,events', '-n', 'printed-ns');
    assert.match(
      plain.stdout,
      /^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nservice\/printed +NodePort +10\.0\.0\.210 +<none> +80:30210\/TCP /,
    );
    const wide = await same('get', 'svc,pvc,events', '-n', 'printed-ns', '-o', 'wide');
    assert.match(
      wide.stdout,
      /\nNAME +STATUS +VOLUME +CAPACITY +ACCESS MODES +STORAGECLASS +VOLUMEATTRIBUTESCLASS +AGE +VOLUMEMODE\n/,
    );
    assert.match(
      wide.stdout,
      /\nLAST SEEN +TYPE +REASON +OBJECT +SUBOBJECT +SOURCE +MESSAGE +FIRST SEEN +COUNT +NAME\n/,
    );
  });

  it('get pods prints the columns kube-apiserver prints for a Pod that never ran, plain and wide', async () => {
    await applyNamespace('pods-ns');
    const path = join(directory, 'pod-typed.json');
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'typed-pod', namespace: 'pods-ns' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.29' }], readinessGates: [{ conditionType: 'x.dev/ok' }] },
    };
    writeFileSync(path, JSON.stringify(pod));
    assert.equal((await same('apply', '-f', path)).stdout, 'pod/typed-pod created\n');
    const listed = await same('get', 'pods', '-n', 'pods-ns');
    assert.equal(
      normalizeKubectlOutput(listed.stdout),
      'NAME READY STATUS RESTARTS AGE\ntyped-pod 0/1 Pending 0 <age>\n',
    );
    const wide = await same('get', 'pod', 'typed-pod', '-n', 'pods-ns', '-o', 'wide');
    assert.equal(
      normalizeKubectlOutput(wide.stdout),
      'NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES\n' +
        'typed-pod 0/1 Pending 0 <age> <none> <none> <none> 0/1\n',
    );
  });

  /**
   * What `kubectl get ... -w` prints on `target`: its first lines, then, once its watch
   * has begun, the line for the change that `kubectl patch <patch>` makes.
   */
  const watchTranscript = async (
    target: KubectlTarget,
    watchArgs: string[],
    firstLines: number,
    patch: string[],
  ): Promise<string[]> => {
    const watching = watchKubectl(target, [...watchArgs, '-w', '-v=6']);
    try {
      const lines: string[] = [];
      while (lines.length < firstLines) lines.push(await watching.nextLine());
      // kubectl prints what it read, then starts the watch; the change must come after.
      await watching.logged(/watch=true" status="200 OK"/);
      const patched = await runKubectl(target, ['patch', ...patch]);
      assert.equal(patched.code, 0, patched.stderr);
      lines.push(await watching.nextLine());
      return lines.map(normalizeKubectlOutput);
    } finally {
      await watching.stop();
    }
  };

  it(
    'get deployments -w lists as a table, then watches from the list and prints a row per change',
    watchGuard,
    async () => {
      await applyNamespace('watch-ns');
      await applyDeployment('watched-web', 'watch-ns');
      const transcript = (target: KubectlTarget) =>
        watchTranscript(target, ['get', 'deployments', '-n', 'watch-ns'], 2, [
          '-n',
          'watch-ns',
          'deployment/watched-web',
          '-p',
          '{"spec":{"replicas":2}}',
        ]);
      const [expected, actual] = await Promise.all([transcript(pair.real), transcript(pair.embedded)]);
      assert.deepEqual(expected, [
        'NAME READY UP-TO-DATE AVAILABLE AGE',
        'watched-web 0/1 0 0 <age>',
        'watched-web 0/2 0 0 <age>',
      ]);
      assert.deepEqual(actual, expected);
    },
  );

  it(
    'get deployment NAME -w --output-watch-events: its watch from resourceVersion 0 begins with the object',
    watchGuard,
    async () => {
      await applyDeployment('watched-one');
      const transcript = (target: KubectlTarget) =>
        watchTranscript(target, ['get', 'deployment', 'watched-one', '--output-watch-events'], 2, [
          'deployment/watched-one',
          '-p',
          '{"spec":{"replicas":3}}',
        ]);
      const [expected, actual] = await Promise.all([transcript(pair.real), transcript(pair.embedded)]);
      assert.deepEqual(expected, [
        'EVENT NAME READY UP-TO-DATE AVAILABLE AGE',
        'ADDED watched-one 0/1 0 0 <age>',
        'MODIFIED watched-one 0/3 0 0 <age>',
      ]);
      assert.deepEqual(actual, expected);
    },
  );

  it(
    'wait --for=jsonpath returns once a patched status holds, also when it is patched while waiting',
    watchGuard,
    async () => {
      await applyDeployment('waited-web');
      const waitFor = (replicas: number) => [
        'wait',
        `--for=jsonpath={.status.readyReplicas}=${String(replicas)}`,
        'deployment/waited-web',
        '--timeout=20s',
      ];
      await patchStatus('waited-web', { replicas: 1, readyReplicas: 1 });
      assert.equal((await same(...waitFor(1))).stdout, 'deployment.apps/waited-web condition met\n');
      const waitDuringPatch = async (target: KubectlTarget): Promise<string> => {
        const waiting = watchKubectl(target, [...waitFor(2), '-v=6']);
        try {
          await waiting.logged(/watch=true" status="200 OK"/);
          const patched = await runKubectl(target, [
            'patch',
            'deployment/waited-web',
            '--subresource=status',
            '--type=merge',
            '-p',
            '{"status":{"replicas":2,"readyReplicas":2}}',
          ]);
          assert.equal(patched.code, 0, patched.stderr);
          return await waiting.nextLine();
        } finally {
          await waiting.stop();
        }
      };
      const [expected, actual] = await Promise.all([waitDuringPatch(pair.real), waitDuringPatch(pair.embedded)]);
      assert.equal(expected, 'deployment.apps/waited-web condition met');
      assert.equal(actual, expected);
    },
  );

  it('wait --for=jsonpath on a field that already holds returns at once; one that never holds times out', async () => {
    await applyDeployment('waited-spec');
    const met = await same('wait', '--for=jsonpath={.spec.replicas}=1', 'deployment/waited-spec', '--timeout=20s');
    assert.equal(met.stdout, 'deployment.apps/waited-spec condition met\n');
    const timedOut = await same('wait', '--for=jsonpath={.spec.replicas}=5', 'deployment/waited-spec', '--timeout=1s');
    assert.equal(timedOut.code, 1);
    assert.equal(timedOut.stderr, 'error: timed out waiting for the condition on deployments/waited-spec\n');
  });
});
