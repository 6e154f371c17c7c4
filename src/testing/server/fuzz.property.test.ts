// Hostile requests against one embedded server: it never crashes, never hangs, and
// answers every bad request with a well-formed Status (test-support/fuzz-client.ts says
// exactly what is checked). All over one kept-alive connection, as clients keep theirs:
// an answer that leaves it unusable makes the next request hang (failed by the per-request
// deadline) or reset. Seeded and bounded; FUZZ_SEED and FUZZ_RUNS explore further.
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { startTestServer, type TestServer } from './start-test-server.ts';
import {
  assertHealthy,
  checkAnswer,
  describe as describeRequest,
  type FuzzRequest,
  send,
} from './test-support/fuzz-client.ts';
import { objectBodies, patchBodies } from './test-support/fuzz-bodies.ts';
import { protobufBodies, protobufTargets } from './test-support/fuzz-protobuf.ts';
import {
  configMapsPath,
  deploymentsPath,
  headers,
  methods,
  namespace,
  paths,
  percentEncode,
  queries,
  selectors,
  validConfigMap,
  validDeployment,
  widgetsPath,
} from './test-support/fuzz-requests.ts';

const seed = process.env.FUZZ_SEED === undefined ? 20_261_126 : Number(process.env.FUZZ_SEED);
const runs = (count: number) => (process.env.FUZZ_RUNS === undefined ? count : Number(process.env.FUZZ_RUNS));

const targets = [
  { collection: configMapsPath, name: 'fuzz-cm', object: validConfigMap('fuzz-cm') },
  { collection: deploymentsPath, name: 'fuzz-deploy', object: validDeployment('fuzz-deploy') },
] as const;

const patchContentTypes = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

const yamlOddities = ['a: b: c', '- - - x', '&a [*a, *a]', '!!binary x', '{', 'key: [', '? a\n: b', '%YAML 9\n---\n'];

describe('the embedded server under fuzzing', () => {
  let server: TestServer;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  // Connections the agent opened: one an answer closed shows as another.
  let connections = 0;
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = (...args: Parameters<typeof connect>) => {
    connections += 1;
    return connect(...args);
  };

  /** Sends, checks the answer, and returns it. */
  const exchange = async (request: FuzzRequest, mayDrop = false) => {
    const answer = await send(server, request, agent);
    checkAnswer(request, answer, mayDrop);
    return answer;
  };

  /** The patch targets exist again (a fuzzed DELETE may have removed them). */
  const ensureTargets = async () => {
    for (const { collection, name, object } of targets) {
      const found = await send(server, { method: 'GET', path: `${collection}/${name}` }, agent);
      if (found.kind === 'answered' && found.status === 200) continue;
      const created = await send(
        server,
        {
          method: 'POST',
          path: collection,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(object),
        },
        agent,
      );
      assert.ok(created.kind === 'answered' && created.status === 201, `recreating ${name}`);
    }
  };

  before(async () => {
    server = await startTestServer({ tls: false });
    server.registerCustomResource({ group: 'fuzz.kubeconflict.dev', version: 'v1', kind: 'Widget', plural: 'widgets' });
    const created = await send(server, {
      method: 'POST',
      path: '/api/v1/namespaces',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { name: namespace } }),
    });
    assert.ok(created.kind === 'answered' && created.status === 201);
    await ensureTargets();
  });

  after(async () => {
    agent.destroy();
    await server.stop();
  });

  it('answers arbitrary methods, paths, queries and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        methods,
        paths,
        queries,
        headers,
        fc.option(fc.string({ maxLength: 40 })),
        async (method, path, query, headerSet, body) => {
          const bodyAllowed = !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method);
          await exchange(
            {
              method,
              path: `${path}${query}`,
              headers: headerSet,
              body: bodyAllowed ? (body ?? undefined) : undefined,
            },
            headerSet['content-type'] === patchContentTypes.json,
          );
        },
      ),
      { seed, numRuns: runs(400) },
    );
    await assertHealthy(server, agent);
  });

  it('answers arbitrary bodies for create and update', async () => {
    const collections = [configMapsPath, deploymentsPath, widgetsPath];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...collections),
        fc.constantFrom('POST', 'PUT'),
        fc.constantFrom('application/json', 'application/yaml'),
        fc.oneof({ arbitrary: objectBodies('fuzz-body'), weight: 9 }, fc.constantFrom(...yamlOddities)),
        async (collection, method, contentType, body) => {
          const path = method === 'POST' ? collection : `${collection}/fuzz-body`;
          await exchange({ method, path, headers: { 'content-type': contentType }, body });
        },
      ),
      { seed, numRuns: runs(250) },
    );
    await assertHealthy(server, agent);
  });

  it('answers protobuf bodies, valid and broken, for creates, updates and deletes', async () => {
    const protobuf = 'application/vnd.kubernetes.protobuf';
    await assertHealthy(server, agent);
    const connectionsBefore = connections;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...protobufTargets).chain((target) => fc.tuple(fc.constant(target), protobufBodies(target))),
        fc.constantFrom(protobuf, 'application/json', `${protobuf},application/json`),
        async ([target, body], accept) => {
          const request = {
            method: target.method,
            path: target.path,
            headers: { 'content-type': protobuf, accept },
            body,
          };
          const answer = await exchange(request);
          // Every kind here has a protobuf form: the answer comes in the first type asked for.
          const negotiated = accept.startsWith(protobuf) ? protobuf : 'application/json';
          assert.ok(answer.kind === 'answered' && answer.contentType.startsWith(negotiated), describeRequest(request));
        },
      ),
      { seed, numRuns: runs(500) },
    );
    await assertHealthy(server, agent);
    assert.equal(connections, connectionsBefore, 'every protobuf exchange over the one kept-alive connection');
  });

  for (const [patchType, contentType] of Object.entries(patchContentTypes)) {
    it(`answers arbitrary ${patchType} patches of a ConfigMap and a Deployment`, async () => {
      const type = patchType as keyof typeof patchContentTypes;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...targets),
          fc.constantFrom(...targets).chain((target) => patchBodies(type, target.name)),
          fc.constantFrom('', '?fieldManager=fuzz', '?fieldManager=fuzz&force=true', '?fieldValidation=Strict'),
          async (target, body, query) => {
            await ensureTargets();
            await exchange(
              {
                method: 'PATCH',
                path: `${target.collection}/${target.name}${query}`,
                headers: { 'content-type': contentType },
                body,
              },
              type === 'json',
            );
          },
        ),
        { seed, numRuns: runs(150) },
      );
      await assertHealthy(server, agent);
    });
  }

  it('answers arbitrary label and field selectors on lists and watches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(configMapsPath, deploymentsPath, widgetsPath, '/api/v1/pods', '/api/v1/namespaces'),
        fc.constantFrom('labelSelector', 'fieldSelector'),
        selectors,
        fc.constantFrom('', '&watch=true', '&limit=1'),
        async (collection, parameter, selector, extra) => {
          await exchange({ method: 'GET', path: `${collection}?${parameter}=${percentEncode(selector)}${extra}` });
        },
      ),
      { seed, numRuns: runs(300) },
    );
    await assertHealthy(server, agent);
  });
});
