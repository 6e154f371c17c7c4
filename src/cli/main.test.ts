import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(
    argv,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('kubeconflict CLI', () => {
  it('backoff prints the DefaultRetry schedule: 5 calls, 4 sleeps of 10 to 11 ms', async () => {
    const { status, out } = await run('backoff', '--seed', '7');
    assert.equal(status, 0);
    const sleeps = [...out.matchAll(/sleep (\d+\.\d+) ms/g)].map((m) => Number(m[1]));
    assert.equal(sleeps.length, 4);
    for (const sleep of sleeps) assert.ok(sleep >= 10 && sleep <= 11);
    assert.match(out, /call {3}5 {2}conflict, then give up/);
    assert.match(out, /makes 5 calls/);
  });

  it('backoff --json is replayable from --seed', async () => {
    const first = JSON.parse((await run('backoff', '--json', '--seed', '3', '--jitter-mode', 'equal')).out) as unknown;
    const second = JSON.parse((await run('backoff', '--json', '--seed', '3', '--jitter-mode', 'equal')).out) as unknown;
    assert.deepEqual(first, second);
    assert.equal((first as { calls: number }).calls, 5);
  });

  it('backoff shows the cap example ending after 3 calls', async () => {
    const { out } = await run(
      'backoff',
      '--steps',
      '10',
      '--duration',
      '10',
      '--factor',
      '2',
      '--cap',
      '50',
      '--jitter',
      '0',
    );
    assert.match(out, /makes 3 calls/);
    assert.match(out, /sleeps once more after the last call/);
  });

  const usageErrors: [string[], RegExp][] = [
    [['backoff', '--steps', '0'], /--steps must be an integer ≥ 1/],
    [['backoff', '--factor', 'abc'], /--factor must be a number; got "abc"/],
    [['backoff', '--duration=-5'], /--duration must be a finite number ≥ 0; got -5/],
    [
      ['backoff', '--jitter-mode', 'wild'],
      /--jitter-mode must be one of additive, full, equal, decorrelated; got "wild"/,
    ],
    [
      ['backoff', '--preset', 'fast'],
      /--preset must be one of default-retry, default-backoff, high-contention; got "fast"/,
    ],
    [['backoff', '--seed', '1.5'], /--seed must be an integer from -2147483648 to 2147483647; got "1.5"/],
    [['backoff', '--seed', '4294967296'], /--seed must be an integer from -2147483648 to 2147483647; got "4294967296"/],
    [['backoff', '--bogus'], /Unknown option '--bogus'/],
    [['build-apiserver', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ];
  for (const [argv, message] of usageErrors) {
    it(`exits 2 with a clear message for: ${argv.join(' ')}`, async () => {
      const { status, err, out } = await run(...argv);
      assert.equal(status, 2);
      assert.match(err, message);
      assert.match(err, /Usage: kubeconflict/);
      assert.equal(out, '');
    });
  }

  it('runs as a program with the documented exit statuses', () => {
    const script = fileURLToPath(new URL('./main.ts', import.meta.url));
    const ok = spawnSync(process.execPath, [script, 'backoff', '--seed', '1'], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /makes 5 calls/);
    const bad = spawnSync(process.execPath, [script, 'backoff', '--steps', 'x'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--steps must be a number/);
  });
});
