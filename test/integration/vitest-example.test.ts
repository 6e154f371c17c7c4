// examples/vitest: the embedded server used from a user's own vitest suite, run by vitest.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { programEnv } from '../support/program-env.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

describe('examples/vitest', () => {
  it('passes under vitest against the embedded server', async () => {
    const { stdout } = await run(process.execPath, [vitest, 'run', 'examples/vitest', '--reporter', 'verbose'], {
      cwd: root,
      env: programEnv({ CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' }),
    });
    assert.match(stdout, /five concurrent bumps end at 106/);
    assert.match(stdout, /Tests\s+1 passed/);
  });
});
