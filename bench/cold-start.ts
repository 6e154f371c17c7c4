// Run by embedded-server.bench.ts in a fresh Node process: the first startTestServer() of a
// process, whether it loaded the protobuf codec (protobufjs) to start, and the first and a
// second protobuf request (the codec loads on the first). Prints one JSON line.
import { createRequire } from 'node:module';
import { request } from 'node:https';

const protobufjsLoaded = () =>
  Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/node_modules/protobufjs/'));

let t = performance.now();
const { startTestServer } = await import('../src/testing/index.ts');
const importMs = performance.now() - t;
t = performance.now();
const server = await startTestServer();
const firstStartMs = performance.now() - t;
const codecLoadedAtStart = protobufjsLoaded();

const path = '/apis/apps/v1/namespaces/default/deployments';
const get = (accept: string) =>
  new Promise<number>((resolve, reject) => {
    const began = performance.now();
    const req = request(new URL(path, server.url), {
      ca: server.caPem,
      headers: { accept, authorization: `Bearer ${server.token}` },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) resolve(performance.now() - began);
        else reject(new Error(`GET ${path} (${accept}): ${String(res.statusCode)}`));
      });
    });
    req.on('error', reject);
    req.end();
  });

// A JSON request first, so the protobuf one pays for the codec and not for the first request.
await get('application/json');
const firstProtobufMs = await get('application/vnd.kubernetes.protobuf');
const secondProtobufMs = await get('application/vnd.kubernetes.protobuf');
await server.stop();
console.log(
  JSON.stringify({
    importMs,
    firstStartMs,
    codecLoadedAtStart,
    firstProtobufMs,
    secondProtobufMs,
    codecLoadedAfter: protobufjsLoaded(),
  }),
);
