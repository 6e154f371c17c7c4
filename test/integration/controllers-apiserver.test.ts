// What a cluster's controllers do, checked against a real cluster: kube-apiserver with
// kube-controller-manager (its garbage collector, namespace and PVC-protection
// controllers, built from the same Go modules) against the embedded server with its
// controllers on. The same steps run on both; each scenario records what a client would
// see at each point, and both must see the same.
import assert from 'node:assert/strict';
import type { RequestOptions } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { startApiServer, startTestServer, type RunningApiServer, type TestServer } from '../../src/testing/index.ts';
import { apiServerSuite, quietApiServerArgs } from '../support/api-server-suite.ts';
import { type RawRequest, type RawResponse, send } from '../support/raw-http.ts';

interface Target {
  readonly url: string;
  readonly tls: RequestOptions;
}

const controllers = [
  'garbage-collector-controller',
  'namespace-controller',
  'persistentvolumeclaim-protection-controller',
];
const configMaps = '/api/v1/namespaces/default/configmaps';
const settleMs = 90_000; // kube-controller-manager's garbage collector first syncs its informers

type Json = Record<string, unknown>;
/** One request as the admin: the target's TLS options, its credentials as headers. */
function request(target: Target, method: RawRequest['method'], path: string, body?: unknown): Promise<RawResponse> {
  const headers = target.tls.headers as Record<string, string> | undefined;
  const tls = { ...target.tls, headers: undefined };
  return send(target.url, tls, { method, path, ...(headers && { headers }), ...(body !== undefined && { body }) });
}
const metadataOf = (response: RawResponse): Json => ((response.json as Json | undefined)?.metadata ?? {}) as Json;

/** Polls until `done` holds of the answer to a GET of `path`; whether it did in time. */
async function eventually(target: Target, path: string, done: (response: RawResponse) => boolean): Promise<boolean> {
  const deadline = Date.now() + settleMs;
  while (Date.now() < deadline) {
    if (done(await request(target, 'GET', path))) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
const gone = (response: RawResponse) => response.status === 404;

const configMap = (name: string, owner?: { name: string; uid: unknown; block?: boolean }) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name,
    ...(owner && {
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          name: owner.name,
          uid: owner.uid,
          ...(owner.block === true && { blockOwnerDeletion: true }),
        },
      ],
    }),
  },
  data: { a: '1' },
});

/** An owner and its dependents; the owner's uid. */
async function family(target: Target, owner: string, dependents: string[], block = false): Promise<unknown> {
  const created = await request(target, 'POST', configMaps, configMap(owner));
  const uid = metadataOf(created).uid;
  for (const name of dependents)
    await request(target, 'POST', configMaps, configMap(name, { name: owner, uid, block }));
  return uid;
}

const deleteWith = (target: Target, path: string, propagationPolicy: string) =>
  request(target, 'DELETE', path, { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy });

async function background(target: Target): Promise<string[]> {
  await family(target, 'bg-owner', ['bg-a', 'bg-b']);
  const deleted = await deleteWith(target, `${configMaps}/bg-owner`, 'Background');
  const dependentsGone =
    (await eventually(target, `${configMaps}/bg-a`, gone)) && (await eventually(target, `${configMaps}/bg-b`, gone));
  return [`DELETE ${String(deleted.status)}`, `dependents gone: ${String(dependentsGone)}`];
}

async function foreground(target: Target): Promise<string[]> {
  await family(target, 'fg-owner', ['fg-a'], true);
  const deleted = await deleteWith(target, `${configMaps}/fg-owner`, 'Foreground');
  const finalizers = JSON.stringify(metadataOf(deleted).finalizers);
  const ownerGone = await eventually(target, `${configMaps}/fg-owner`, gone);
  const dependentGone = await eventually(target, `${configMaps}/fg-a`, gone);
  return [
    `DELETE ${String(deleted.status)} ${finalizers}`,
    `owner gone: ${String(ownerGone)}`,
    `dependent gone: ${String(dependentGone)}`,
  ];
}

async function orphan(target: Target): Promise<string[]> {
  await family(target, 'or-owner', ['or-a']);
  const deleted = await deleteWith(target, `${configMaps}/or-owner`, 'Orphan');
  const finalizers = JSON.stringify(metadataOf(deleted).finalizers);
  const ownerGone = await eventually(target, `${configMaps}/or-owner`, gone);
  const released = await eventually(
    target,
    `${configMaps}/or-a`,
    (r) => r.status === 200 && metadataOf(r).ownerReferences === undefined,
  );
  return [
    `DELETE ${String(deleted.status)} ${finalizers}`,
    `owner gone: ${String(ownerGone)}`,
    `dependent kept, released: ${String(released)}`,
  ];
}

async function absentOwner(target: Target): Promise<string[]> {
  await request(
    target,
    'POST',
    configMaps,
    configMap('dangling', { name: 'never-was', uid: '4b1e0c5a-0000-4000-8000-000000000001' }),
  );
  return [`dependent of an absent owner gone: ${String(await eventually(target, `${configMaps}/dangling`, gone))}`];
}

async function namespaceDeletion(target: Target): Promise<string[]> {
  await request(target, 'POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'doomed' },
  });
  await request(target, 'POST', '/api/v1/namespaces/doomed/configmaps', configMap('inside'));
  const deleted = await request(target, 'DELETE', '/api/v1/namespaces/doomed');
  const phase = ((deleted.json as Json | undefined)?.status as Json | undefined)?.phase;
  const namespaceGone = await eventually(target, '/api/v1/namespaces/doomed', gone);
  return [`DELETE ${String(deleted.status)} ${String(phase)}`, `namespace gone: ${String(namespaceGone)}`];
}

async function claimProtection(target: Target): Promise<string[]> {
  const claims = '/api/v1/namespaces/default/persistentvolumeclaims';
  const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'kept' } };
  await request(target, 'POST', claims, {
    ...claim,
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  });
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'claim-user' },
    spec: {
      nodeName: 'node-1', // a Pod holds its claims once scheduled
      containers: [{ name: 'app', image: 'nginx:1.27' }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'kept' } }],
    },
  };
  await request(target, 'POST', '/api/v1/namespaces/default/pods', pod);
  const deleted = await request(target, 'DELETE', `${claims}/kept`);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const stillThere = (await request(target, 'GET', `${claims}/kept`)).status === 200;
  const atOnce = { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0 };
  await request(target, 'DELETE', '/api/v1/namespaces/default/pods/claim-user', atOnce);
  const claimGone = await eventually(target, `${claims}/kept`, gone);
  const finalizers = JSON.stringify(metadataOf(deleted).finalizers);
  return [
    `DELETE ${String(deleted.status)} ${finalizers}`,
    `kept while used: ${String(stillThere)}`,
    `gone once unused: ${String(claimGone)}`,
  ];
}

const scenarios = { background, foreground, orphan, absentOwner, namespaceDeletion, claimProtection };

const expected: Record<keyof typeof scenarios, string[]> = {
  background: ['DELETE 200', 'dependents gone: true'],
  foreground: ['DELETE 200 ["foregroundDeletion"]', 'owner gone: true', 'dependent gone: true'],
  orphan: ['DELETE 200 ["orphan"]', 'owner gone: true', 'dependent kept, released: true'],
  absentOwner: ['dependent of an absent owner gone: true'],
  namespaceDeletion: ['DELETE 200 Terminating', 'namespace gone: true'],
  claimProtection: ['DELETE 200 ["kubernetes.io/pvc-protection"]', 'kept while used: true', 'gone once unused: true'],
};

describe(
  "a cluster's controllers: the embedded server's against kube-controller-manager's",
  { ...apiServerSuite(), timeout: 600_000 },
  () => {
    let real: RunningApiServer;
    let embedded: TestServer;
    let targets: [Target, Target];

    before(async () => {
      [real, embedded] = await Promise.all([
        startApiServer({ controllers, extraApiServerArgs: quietApiServerArgs }),
        startTestServer({ token: 'controllers' }),
      ]);
      targets = [
        { url: real.url, tls: real.tls },
        { url: embedded.url, tls: { ca: embedded.caPem, headers: { authorization: 'Bearer controllers' } } },
      ];
    });

    after(() => Promise.all([real.stop(), embedded.stop()]));

    for (const [name, scenario] of Object.entries(scenarios)) {
      it(`${name}: both servers show the same`, async () => {
        const [onReal, onEmbedded] = await Promise.all(targets.map((target) => scenario(target)));
        assert.deepEqual(onReal, expected[name as keyof typeof scenarios], 'kube-apiserver + kube-controller-manager');
        assert.deepEqual(onEmbedded, onReal, 'the embedded server');
      });
    }
  },
);
