// A child process for the launcher's signal tests. Starts a real kube-apiserver and
// prints one JSON line a phase: {"phase":"ready","directory":…}; on a "stop" line on
// stdin it prints {"phase":"stopping"}, stops the server and prints {"phase":"stopped"}.
// With the argument "start-stop" it starts and stops at once (a next run after a crash).
import { createInterface } from 'node:readline';
import { startApiServer } from '../../src/testing/index.ts';

const say = (line: Record<string, unknown>) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

const server = await startApiServer();
say({ phase: 'ready', directory: server.directory });
if (process.argv[2] === 'start-stop') {
  await server.stop();
  say({ phase: 'stopped' });
} else {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line !== 'stop') return;
    say({ phase: 'stopping' });
    void server.stop().then(() => {
      say({ phase: 'stopped' });
      lines.close();
    });
  });
}
