import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../start-test-server.ts';

const crds = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const definition = (plural: string, kind: string, shortNames: string[] = []) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${plural}.unit.kubeconflict.dev` },
  spec: {
    group: 'unit.kubeconflict.dev',
    scope: 'Namespaced',
    names: { plural, kind, shortNames },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      },
    ],
  },
});
type Condition = { type: string; status: string; reason: string; message: string };

describe('the CRD controller of the embedded server', () => {
  let server: TestServer;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    // An unserved resource is the catch-all's plain `404 page not found`.
    const json = (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown>;
    return { status: response.status, json };
  };
  const conditions = async (name: string) =>
    ((await call('GET', `${crds}/${name}`)).json.status as { conditions: Condition[] }).conditions;

  before(async () => {
    server = await startTestServer({ tls: false });
  });
  after(async () => {
    await server.stop();
  });

  it('refuses a short name another CRD of the group holds (ShortNamesConflict), never serving it', async () => {
    assert.equal((await call('POST', crds, definition('nuts', 'Nut', ['n']))).status, 201);
    assert.equal((await call('POST', crds, definition('nails', 'Nail', ['n']))).status, 201);
    const [namesAccepted, established] = await conditions('nails.unit.kubeconflict.dev');
    assert.deepEqual(
      [namesAccepted?.status, namesAccepted?.reason, namesAccepted?.message],
      ['False', 'ShortNamesConflict', '"n" is already in use'],
    );
    assert.deepEqual([established?.status, established?.reason], ['False', 'NotAccepted']);
    assert.equal((await call('GET', '/apis/unit.kubeconflict.dev/v1/namespaces/default/nails')).status, 404);
    assert.equal((await call('GET', '/apis/unit.kubeconflict.dev/v1/namespaces/default/nuts')).status, 200);
  });

  it('deletes the objects of CRDs removed by deletecollection; a CRD made again starts empty', async () => {
    const nuts = '/apis/unit.kubeconflict.dev/v1/namespaces/default/nuts';
    const nut = { apiVersion: 'unit.kubeconflict.dev/v1', kind: 'Nut', metadata: { name: 'n1' } };
    assert.equal((await call('POST', nuts, nut)).status, 201);
    assert.equal((await call('DELETE', crds)).status, 200);
    assert.equal((await call('GET', nuts)).status, 404);
    assert.equal((await call('POST', crds, definition('nuts', 'Nut'))).status, 201);
    assert.deepEqual((await call('GET', nuts)).json.items, []);
  });
});
