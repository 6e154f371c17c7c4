import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ManagedProcess } from './managed-process.ts';
import { waitUntilReady } from './wait-until-ready.ts';

describe('waitUntilReady', () => {
  let server: Server;
  let url: string;
  /** Answers to give before 200, in order. */
  const notYet: number[] = [];
  let asked = 0;
  const logs = mkdtempSync(join(tmpdir(), 'kubeconflict-ready-'));
  const sleeper = new ManagedProcess(
    'sleeper',
    process.execPath,
    ['-e', 'setTimeout(() => {}, 60_000)'],
    join(logs, 's'),
  );

  before(async () => {
    server = createServer((_request, response) => {
      asked++;
      const status = notYet.shift() ?? 200;
      response.writeHead(status).end(status === 200 ? 'ok' : 'etcd not ready');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address !== null && typeof address === 'object');
    url = `http://127.0.0.1:${String(address.port)}/readyz`;
  });
  after(async () => {
    await sleeper.stop(1_000);
    await new Promise((resolve) => server.close(resolve));
    rmSync(logs, { recursive: true, force: true });
  });

  it('asks again until the answer is 200', async () => {
    asked = 0;
    notYet.push(503, 500);
    await waitUntilReady({ url, processes: [sleeper], timeoutMs: 30_000, what: 'test server' });
    assert.equal(asked, 3);
  });

  it('past the timeout, names what was not ready and the last answer', async () => {
    notYet.push(...Array<number>(1_000).fill(503));
    await assert.rejects(waitUntilReady({ url, processes: [sleeper], timeoutMs: 300, what: 'test server' }), {
      message: new RegExp(
        `^test server was not ready within 300 ms \\(${url}: HTTP 503: etcd not ready\\)\\n--- sleeper`,
      ),
    });
    notYet.length = 0;
  });

  it('a process that exited is reported as such at once, with its log', async () => {
    const quitter = new ManagedProcess(
      'quitter',
      process.execPath,
      ['-e', 'console.log("bad flag"); process.exit(3)'],
      join(logs, 'q'),
    );
    await quitter.exited;
    await assert.rejects(waitUntilReady({ url, processes: [quitter], timeoutMs: 30_000, what: 'test server' }), {
      message: /^quitter exited during start-up\. Last lines of .*:\nbad flag$/,
    });
  });
});
