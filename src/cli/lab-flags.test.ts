// The lab's flags to its settings, with nothing started: every case here is pure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DefaultRetry } from '../core/backoff.ts';
import { strategies } from '../lab/strategies.ts';
import { HighContentionBackoff } from './backoff-flags.ts';
import { labHelp, type LabSettings, parseLabFlags } from './lab-flags.ts';

const settingsOf = (...args: string[]): LabSettings => {
  const parsed = parseLabFlags(args, () => 42);
  assert.equal(parsed.help, false);
  return parsed.settings;
};
const names = (settings: LabSettings) => settings.strategies.map((strategy) => strategy.name);

describe('parseLabFlags', () => {
  it('without flags: the embedded server, 5 workers from 101, every strategy, high-contention backoff', () => {
    const settings = settingsOf();
    assert.deepEqual(settings.target, { kind: 'embedded', kubeconfig: undefined, context: undefined });
    assert.deepEqual(settings.object, {
      kind: 'deployment',
      name: 'demo-deployment',
      label: 'biz-version',
      namespace: undefined,
    });
    assert.deepEqual([settings.workers, settings.start, settings.processes], [5, 101, 1]);
    assert.deepEqual(
      names(settings),
      strategies.map((strategy) => strategy.name),
    );
    assert.deepEqual(settings.backoff.toJSON(), HighContentionBackoff.toJSON());
    assert.deepEqual([settings.seed, settings.deadlineMs, settings.requestTimeoutMs], [42, 60_000, 30_000]);
    assert.equal(settings.faultRate, undefined);
    assert.deepEqual(settings.output, { json: false, html: undefined, emitJob: false });
  });

  it('takes --strategy as a,b, repeated, or both, in the order given', () => {
    assert.deepEqual(names(settingsOf('--strategy', 'retry,backoff')), ['retry', 'backoff']);
    assert.deepEqual(names(settingsOf('--strategy', 'queue', '--strategy', 'naive,apply')), [
      'queue',
      'naive',
      'apply',
    ]);
  });

  it('names the flag and the fix for a bad or empty strategy', () => {
    assert.throws(() => settingsOf('--strategy', 'retry,nope'), {
      name: 'UsageError',
      message: `--strategy must be one of ${strategies.map((strategy) => strategy.name).join(', ')}; got "nope"`,
    });
    assert.throws(() => settingsOf('--strategy', 'retry,,backoff'), {
      name: 'UsageError',
      message:
        '--strategy has an empty item in "retry,,backoff"; separate items with single commas (a,b) or repeat --strategy',
    });
  });

  it('--seed: any 32-bit integer (a negative one as --seed=-N, as parseArgs takes it)', () => {
    assert.equal(settingsOf('--seed=-2147483648').seed, -(2 ** 31));
    assert.equal(settingsOf('--seed', '2147483647').seed, 2 ** 31 - 1);
    assert.throws(() => settingsOf('--seed', '2147483648'), {
      name: 'UsageError',
      message: '--seed must be an integer from -2147483648 to 2147483647; got "2147483648"',
    });
  });

  it('--faults shortens the request timeout unless it is given', () => {
    assert.deepEqual(
      [settingsOf('--faults', '0.1').faultRate, settingsOf('--faults', '0.1').requestTimeoutMs],
      [0.1, 2_000],
    );
    assert.equal(settingsOf('--faults', '0.1', '--request-timeout', '500').requestTimeoutMs, 500);
  });

  it('--kubeconfig or --context imply a cluster, which no other --target goes with', () => {
    assert.deepEqual(settingsOf('--context', 'dev').target, { kind: 'cluster', kubeconfig: undefined, context: 'dev' });
    assert.deepEqual(settingsOf('--target', 'cluster', '--kubeconfig', 'kc').target, {
      kind: 'cluster',
      kubeconfig: 'kc',
      context: undefined,
    });
    assert.throws(() => settingsOf('--target', 'apiserver', '--kubeconfig', 'kc'), {
      message: '--kubeconfig and --context choose a cluster; they cannot go with --target apiserver',
    });
    assert.throws(() => settingsOf('--context', 'dev', '--faults', '0.1'), {
      message:
        '--faults injects faults in the embedded server; it cannot go with --target cluster (drop --faults, or the target flags)',
    });
  });

  it('the backoff flags override the preset', () => {
    const settings = settingsOf('--preset', 'default-retry', '--steps', '7');
    assert.deepEqual(settings.backoff.toJSON(), { ...DefaultRetry.toJSON(), steps: 7 });
  });

  it('help wins over any other flag, and shows every flag', () => {
    assert.deepEqual(parseLabFlags(['--workers', '0', '--help']), { help: true });
    for (const flag of [
      '--target',
      '-n, --namespace',
      '--strategy S[,S...]',
      '--seed N',
      '--jitter-mode',
      '--emit-job',
    ]) {
      assert.ok(labHelp.includes(flag), flag);
    }
  });
});
