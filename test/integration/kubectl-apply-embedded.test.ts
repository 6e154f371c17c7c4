// The kubectl built from Go modules (v1.36.3) against the embedded server and against a
// real kube-apiserver, command for command: apply (client-side and server-side), get,
// label, annotate, patch and delete of ConfigMaps, Deployments, Secrets, Leases,
// Namespaces and a custom resource. Each command must exit, print and leave the objects
// (read back with `kubectl get -o json`) as it does against the real server.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type RunningApiServer, startApiServer, startTestServer, type TestServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { type KubectlPair, sameObjectOnBoth, sameOnBoth } from '../support/kubectl-compare.ts';
import { type KubectlOutcome, type KubectlTarget, runKubectl } from '../support/kubectl-run.ts';

const widget = {
  group: 'example.kubeconflict.dev',
  version: 'v1',
  kind: 'Widget',
  plural: 'widgets',
  singular: 'widget',
};

describe(
  'kubectl apply, get, label, annotate, patch, delete: embedded server as kube-apiserver',
  apiServerSuite(),
  () => {
    let directory: string;
    let real: RunningApiServer;
    let embedded: TestServer;
    let pair: KubectlPair;

    const kubectl = (target: KubectlTarget, args: readonly string[]) => runKubectl(target, args);
    const same = (...args: string[]) => sameOnBoth(pair, args);
    const sameObject = (format: 'json' | 'yaml', ...resource: string[]) => sameObjectOnBoth(pair, format, resource);

    const manifest = (name: string, object: unknown): string => {
      const path = join(directory, name);
      writeFileSync(path, JSON.stringify(object));
      return path;
    };

    before(async () => {
      directory = mkdtempSync(join(tmpdir(), 'kubeconflict-kubectl-apply-'));
      [real, embedded] = await Promise.all([startApiServer(), startTestServer({ controllers: false })]);
      pair = {
        real: { kubeconfig: real.kubeconfigPath, cacheDir: join(directory, 'cache-real') },
        embedded: { kubeconfig: embedded.kubeconfigPath, cacheDir: join(directory, 'cache-embedded') },
      };
      embedded.registerCustomResource(widget);
      await defineWidgetsOnRealServer();
    });

    after(async () => {
      await Promise.all([real.stop(), embedded.stop()]);
      rmSync(directory, { recursive: true, force: true });
    });

    async function defineWidgetsOnRealServer(): Promise<void> {
      const definition = manifest('widgets-crd.json', {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: `${widget.plural}.${widget.group}` },
        spec: {
          group: widget.group,
          scope: 'Namespaced',
          names: {
            kind: widget.kind,
            plural: widget.plural,
            singular: widget.singular,
            listKind: `${widget.kind}List`,
          },
          versions: [
            {
              name: widget.version,
              served: true,
              storage: true,
              schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
            },
          ],
        },
      });
      const created = await kubectl(pair.real, ['apply', '-f', definition]);
      assert.equal(created.code, 0, created.stderr);
      for (let attempt = 0; attempt < 100; attempt++) {
        // A fresh cache directory: kubectl must not remember discovery from before the CRD.
        const probe = await kubectl({ ...pair.real, cacheDir: join(directory, 'cache-probe') }, ['get', widget.plural]);
        if (probe.code === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the Widget CRD was not served within 10 s');
    }

    it('kubectl apply reads /openapi/v3 and leaves validation to the server (fieldValidation=Strict)', async () => {
      const path = manifest('probe.json', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'probe', namespace: 'default' },
      });
      const { code, stderr } = await kubectl(pair.embedded, ['apply', '-f', path, '-v=6']);
      assert.equal(code, 0, stderr);
      assert.match(stderr, /GET.*\/openapi\/v3\?.*200 OK/);
      assert.match(stderr, /GET.*\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}.*200 OK/);
      assert.match(
        stderr,
        /POST.*\/configmaps\?fieldManager=kubectl-client-side-apply&fieldValidation=Strict.*201 Created/,
      );
      assert.doesNotMatch(stderr, /openapi\/v2/, 'no fallback to client-side validation against OpenAPI v2');
      assert.equal((await kubectl(pair.embedded, ['delete', 'configmap/probe'])).code, 0);
    });

    it('ConfigMap: apply creates, updates and prunes keys; get, label, annotate, patch, delete', async () => {
      const configMap = (data: Record<string, string>) =>
        manifest('app.json', {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'app', namespace: 'default' },
          data,
        });
      assert.equal((await same('apply', '-f', configMap({ a: '1' }))).stdout, 'configmap/app created\n');
      assert.equal((await same('apply', '-f', configMap({ a: '2', b: '1' }))).stdout, 'configmap/app configured\n');
      await same('apply', '-f', configMap({ b: '1' }));
      assert.equal((await same('apply', '-f', configMap({ b: '1' }))).stdout, 'configmap/app unchanged\n');
      assert.deepEqual((await sameObject('json', 'configmap', 'app')).data, { b: '1' });
      assert.match((await same('get', 'configmaps')).stdout, /^NAME +DATA +AGE\n/);
      await same('get', 'configmap', 'app', '-o', 'wide');
      await same('label', 'configmap/app', 'tier=web');
      await same('annotate', 'configmap/app', 'note=hello');
      await same('patch', 'configmap/app', '--type=merge', '-p', '{"data":{"c":"3"}}');
      await same('patch', 'configmap/app', '--type=json', '-p', '[{"op":"remove","path":"/data/b"}]');
      await same('patch', 'configmap/app', '--type=strategic', '-p', '{"metadata":{"labels":{"tier":null}}}');
      const patched = await sameObject('yaml', 'configmap', 'app');
      assert.deepEqual(patched.data, { c: '3' });
      assert.deepEqual((patched.metadata as { annotations: Record<string, string> }).annotations.note, 'hello');
      assert.equal((await same('delete', 'configmap/app')).stdout, 'configmap "app" deleted from default namespace\n');
      assert.equal((await same('get', 'configmap', 'app')).code, 1);
    });

    it('Deployment: client-side apply patches containers, env and strategy as kube-apiserver merges them', async () => {
      const labels = { app: 'web' };
      const deployment = (containers: unknown[], strategy?: unknown) =>
        manifest('web.json', {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'default', labels },
          spec: {
            replicas: 2,
            selector: { matchLabels: labels },
            ...(strategy !== undefined && { strategy }),
            template: { metadata: { labels }, spec: { containers } },
          },
        });
      await same('apply', '-f', deployment([{ name: 'nginx', image: 'nginx:1.27' }]));
      await same(
        'apply',
        '-f',
        deployment([
          { name: 'side', image: 'busybox', env: [{ name: 'MODE', value: 'a' }] },
          { name: 'nginx', image: 'nginx:1.28', ports: [{ containerPort: 80 }] },
        ]),
      );
      await sameObject('json', 'deployment', 'web');
      await same('apply', '-f', deployment([{ name: 'nginx', image: 'nginx:1.28' }], { type: 'Recreate' }));
      const updated = await sameObject('json', 'deployment', 'web');
      const spec = updated.spec as {
        strategy: unknown;
        template: { spec: { containers: { name: string; image: string }[] } };
      };
      assert.deepEqual(spec.strategy, { type: 'Recreate' });
      assert.deepEqual(
        spec.template.spec.containers.map(({ name, image }) => `${name}=${image}`),
        ['nginx=nginx:1.28'],
      );
      assert.match(
        (await same('get', 'deployments')).stdout,
        /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb +0\/2 +0 +0 /,
      );
      assert.match(
        (await same('get', 'deployment', 'web', '-o', 'wide')).stdout,
        /CONTAINERS +IMAGES +SELECTOR\n.* nginx +nginx:1.28 +app=web\n$/,
      );
      await same('label', '--overwrite', 'deployment/web', 'biz-version=101');
      await same('annotate', 'deployment/web', 'note=hello');
      await same(
        'patch',
        'deployment/web',
        '--type=strategic',
        '-p',
        '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.29"}]}}}}',
      );
      await same('patch', 'deployment/web', '--type=merge', '-p', '{"spec":{"replicas":3}}');
      await same(
        'patch',
        'deployment/web',
        '--type=json',
        '-p',
        '[{"op":"replace","path":"/spec/minReadySeconds","value":5}]',
      );
      const patched = await sameObject('json', 'deployment', 'web');
      assert.equal((patched.metadata as { generation: number }).generation, 7);
      await same('get', 'deployments', '--show-labels');
      await same('delete', 'deployment/web');
    });

    it('Secret: apply with stringData, get prints TYPE and DATA, label, delete', async () => {
      const secret = (stringData: Record<string, string>) =>
        manifest('secret.json', {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'creds', namespace: 'default' },
          stringData,
        });
      await same('apply', '-f', secret({ user: 'admin' }));
      await same('apply', '-f', secret({ user: 'admin', password: 'hunter2' }));
      assert.deepEqual((await sameObject('json', 'secret', 'creds')).data, {
        password: Buffer.from('hunter2').toString('base64'),
        user: Buffer.from('admin').toString('base64'),
      });
      assert.match((await same('get', 'secrets')).stdout, /^NAME +TYPE +DATA +AGE\ncreds +Opaque +2 /);
      await same('label', 'secret/creds', 'team=a');
      await same('patch', 'secret/creds', '--type=merge', '-p', '{"data":{"user":null}}');
      await sameObject('json', 'secret', 'creds');
      await same('delete', 'secret/creds');
    });

    it('Lease: apply, get prints HOLDER, annotate, patch; apply --server-side conflicts; delete', async () => {
      const lease = (spec: Record<string, unknown>) =>
        manifest('lease.json', {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: 'leader', namespace: 'default' },
          spec,
        });
      await same('apply', '-f', lease({ holderIdentity: 'a', leaseDurationSeconds: 15 }));
      assert.match((await same('get', 'leases')).stdout, /^NAME +HOLDER +AGE\nleader +a /);
      await same('annotate', 'lease/leader', 'note=hello');
      await same(
        'patch',
        'lease/leader',
        '--type=json',
        '-p',
        '[{"op":"add","path":"/spec/leaseTransitions","value":1}]',
      );
      assert.deepEqual((await sameObject('json', 'lease', 'leader')).spec, {
        holderIdentity: 'a',
        leaseDurationSeconds: 15,
        leaseTransitions: 1,
      });
      const lease2 = lease({ holderIdentity: 'b' });
      const conflict = await same('apply', '--server-side', '--field-manager=elector', '-f', lease2);
      assert.match(conflict.stderr, /Apply failed with 1 conflict: conflict with "kubectl-client-side-apply"/);
      await same('get', 'lease', 'leader');
      await same('delete', 'lease/leader');
    });

    it('server-side apply: creates, prunes what it no longer applies, conflicts with another manager, forced', async () => {
      const lease = (spec: Record<string, unknown>) =>
        manifest('ssa.json', {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: 'ssa', namespace: 'default' },
          spec,
        });
      assert.equal(
        (await same('apply', '--server-side', '-f', lease({ holderIdentity: 'a', leaseDurationSeconds: 15 }))).stdout,
        'lease.coordination.k8s.io/ssa serverside-applied\n',
      );
      await same('apply', '--server-side', '-f', lease({ holderIdentity: 'b' }));
      assert.deepEqual((await sameObject('json', 'lease', 'ssa')).spec, { holderIdentity: 'b' });
      await same('patch', 'lease/ssa', '--type=merge', '-p', '{"spec":{"holderIdentity":"c"}}');
      const conflict = await same('apply', '--server-side', '-f', lease({ holderIdentity: 'd' }));
      assert.match(
        conflict.stderr,
        /conflict with "kubectl-patch" using coordination.k8s.io\/v1: .spec.holderIdentity/,
      );
      await same('apply', '--server-side', '--force-conflicts', '-f', lease({ holderIdentity: 'd' }));
      assert.deepEqual((await sameObject('json', 'lease', 'ssa')).spec, { holderIdentity: 'd' });
      await same('delete', 'lease/ssa');
    });

    it('apply --server-side --force-conflicts over a client-side applied object hands its fields to the manager', async () => {
      const configMap = (data: Record<string, string>) =>
        manifest('upgrade.json', {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'upgrade', namespace: 'default' },
          data,
        });
      await same('apply', '-f', configMap({ a: '1', b: '1' }));
      await same('apply', '--server-side', '--force-conflicts', '-f', configMap({ a: '2' }));
      assert.deepEqual((await sameObject('json', 'configmap', 'upgrade')).data, { a: '2' });
    });

    it('Namespace: apply, label, annotate, patch, delete leaves it Terminating', async () => {
      const namespace = manifest('team.json', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'team-a', labels: { team: 'a' } },
      });
      assert.equal((await same('apply', '-f', namespace)).stdout, 'namespace/team-a created\n');
      await same('label', 'namespace/team-a', 'env=test');
      await same('annotate', 'namespace/team-a', 'note=hello');
      await same('patch', 'namespace/team-a', '--type=strategic', '-p', '{"metadata":{"labels":{"team":"b"}}}');
      await same('apply', '-f', namespace);
      await sameObject('json', 'namespace', 'team-a');
      assert.match((await same('get', 'namespace', 'team-a')).stdout, /^NAME +STATUS +AGE\nteam-a +Active /);
      // No namespace controller runs beside either server (the embedded one runs without its
      // controllers, as kube-apiserver alone): deletion stops at Terminating.
      await same('delete', 'namespace/team-a', '--wait=false');
      assert.match((await same('get', 'namespaces')).stdout, /\nteam-a +Terminating /);
      assert.equal(
        ((await sameObject('json', 'namespace', 'team-a')).status as { phase: string }).phase,
        'Terminating',
      );
    });

    it('fieldValidation=Strict: unknown fields are refused with the same message, on create and on update', async () => {
      const configMap = (extra: Record<string, unknown>, metadata: Record<string, unknown> = {}) =>
        manifest('strict.json', {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'strict', namespace: 'default', ...metadata },
          data: { a: '1' },
          ...extra,
        });
      const created = await same('apply', '-f', configMap({ extra: true }, { bogus: 1 }));
      assert.match(created.stderr, /strict decoding error: unknown field "extra", unknown field "metadata.bogus"/);
      await same('apply', '-f', configMap({}));
      const updated = await same('apply', '-f', configMap({ extra: true, other: 'x' }, { bogus: 1 }));
      assert.match(updated.stderr, /is invalid: patch: Invalid value: "map\[extra:true metadata:map\[annotations/);
      const deployment = manifest('strict-web.json', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'strict-web', namespace: 'default' },
        spec: {
          foo: 1,
          selector: { matchLabels: { app: 'x' } },
          template: {
            metadata: { labels: { app: 'x' } },
            spec: { containers: [{ name: 'c', image: 'nginx', bar: 1 }] },
          },
        },
      });
      const nested = await same('apply', '-f', deployment);
      assert.match(nested.stderr, /unknown field "spec.foo", unknown field "spec.template.spec.containers\[0\].bar"/);
      await same('delete', 'configmap/strict');
    });

    it('custom resource: apply (merge patch), get, label, delete; unknown metadata fields refused', async () => {
      const resource = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) =>
        manifest('widget.json', {
          apiVersion: `${widget.group}/${widget.version}`,
          kind: widget.kind,
          metadata: { name: 'w1', namespace: 'default', ...metadata },
          spec,
        });
      assert.equal(
        (await same('apply', '-f', resource({ size: 1 }))).stdout,
        'widget.example.kubeconflict.dev/w1 created\n',
      );
      await same('apply', '-f', resource({ size: 2, color: 'red' }));
      await same('apply', '-f', resource({ color: 'red' }));
      assert.deepEqual((await sameObject('json', 'widget', 'w1')).spec, { color: 'red' });
      const refused = await same('apply', '-f', resource({ color: 'red' }, { bogus: 1 }));
      assert.match(refused.stderr, /strict decoding error: unknown field "metadata.bogus"/);
      await same('get', 'widgets');
      await same('label', 'widget/w1', 'tier=web');
      await same('get', 'widgets', '--show-labels', '-o', 'wide');
      await same('delete', 'widget/w1');
      await same('apply', '--server-side', '-f', resource({ color: 'blue' }));
      await same('apply', '--server-side', '-f', resource({ color: 'green', size: 3 }));
      assert.deepEqual((await sameObject('json', 'widget', 'w1')).spec, { color: 'green', size: 3 });
      await same('delete', 'widget/w1');
    });

    it('its OpenAPI documents agree with kube-apiserver on every schema they contain', async () => {
      for (const path of [
        '/openapi/v3/api/v1',
        '/openapi/v3/apis/apps/v1',
        '/openapi/v3/apis/coordination.k8s.io/v1',
        '/openapi/v3/apis/batch/v1',
        '/openapi/v3/apis/networking.k8s.io/v1',
        '/openapi/v3/apis/policy/v1',
        '/openapi/v3/apis/discovery.k8s.io/v1',
        '/openapi/v3/apis/events.k8s.io/v1',
        '/openapi/v3/apis/apiregistration.k8s.io/v1',
        '/openapi/v3/apis/rbac.authorization.k8s.io/v1',
      ]) {
        const [expected, actual] = await Promise.all([
          kubectl(pair.real, ['get', '--raw', path]),
          kubectl(pair.embedded, ['get', '--raw', path]),
        ]);
        const schemasOf = (outcome: KubectlOutcome) =>
          (JSON.parse(outcome.stdout) as { components: { schemas: Record<string, SchemaObject> } }).components.schemas;
        const realSchemas = schemasOf(expected);
        for (const [name, schema] of Object.entries(schemasOf(actual))) {
          const realSchema = realSchemas[name];
          assert.ok(realSchema, `${path}: kube-apiserver has no ${name}`);
          assert.deepEqual(
            Object.keys(schema.properties ?? {}).sort(),
            Object.keys(realSchema.properties ?? {}).sort(),
            name,
          );
          assert.deepEqual(extensions(schema), extensions(realSchema), name);
          for (const [field, property] of Object.entries(schema.properties ?? {})) {
            assert.deepEqual(
              extensions(property),
              extensions(realSchema.properties?.[field] ?? {}),
              `${name}.${field}`,
            );
          }
        }
      }
    });
  },
);

interface SchemaObject {
  readonly properties?: Record<string, SchemaObject>;
  readonly [key: string]: unknown;
}

/**
 * The x-kubernetes extensions kubectl and structured-merge-diff read. An unannotated list
 * is atomic, which the embedded server says outright; unions it does not describe.
 */
function extensions(schema: SchemaObject): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-') && key !== 'x-kubernetes-unions') found[key] = value;
  }
  if (found['x-kubernetes-list-type'] === undefined && schema.type === 'array')
    found['x-kubernetes-list-type'] = 'atomic';
  return found;
}
