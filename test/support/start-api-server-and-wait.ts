// A child process for the interruption test: starts a real kube-apiserver, prints where
// it lives, then waits to be interrupted.
import { startApiServer } from '../../src/testing/index.ts';

const server = await startApiServer();
console.log(JSON.stringify({ url: server.url, directory: server.directory }));
setInterval(() => undefined, 60_000);
