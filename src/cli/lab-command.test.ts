import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import type { LabResult } from '../report/lab-result.ts';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';
import { runLab } from '../../test/support/run-cli.ts';

const byName = (result: LabResult, name: string) => {
  const run = result.strategies.find((s) => s.strategy === name);
  assert.ok(run, name);
  return run.measures;
};

describe('kubeconflict lab on the embedded server (the default)', () => {
  it('naive loses increments to 409s, blind loses them silently, retry ends at 106', async () => {
    const { status, out } = await runLab('--json', '--seed', '5');
    assert.equal(status, 0);
    const result = JSON.parse(out) as LabResult;
    assert.equal(result.schema, 'kubeconflict.lab/v1');
    assert.equal(result.target.kind, 'embedded');
    const naive = byName(result, 'naive');
    assert.ok(naive.final < 106, `naive final ${String(naive.final)}`);
    assert.equal(naive.failed, naive.missing, 'every missing increment is a worker that knows it failed');
    assert.equal(naive.lostUpdates, 0);
    assert.equal(naive.conflicts, naive.failed);
    const blind = byName(result, 'blind');
    assert.ok(blind.final < 106, `blind final ${String(blind.final)}`);
    assert.equal(blind.succeeded, 5, 'every blind writer was told it succeeded');
    assert.equal(blind.lostUpdates, blind.missing);
    const retry = byName(result, 'retry');
    assert.deepEqual([retry.final, retry.failed, retry.lostUpdates], [106, 0, 0]);
    assert.equal(result.correct, true);
  });

  it('prints the table with every measure, and the verdicts', async () => {
    const { status, out } = await runLab('--strategy', 'retry', '--workers', '3');
    assert.equal(status, 0);
    for (const row of [
      'expected',
      'final',
      'missing',
      'lost updates',
      'failed workers',
      'conflicts (409)',
      'attempts',
      'latency p50',
      'latency p99',
      'wall time',
      'wall ÷ serial bound',
    ]) {
      assert.match(out, new RegExp(`^${row.replace(/[()÷]/g, '.')}\\s`, 'm'));
    }
    assert.match(out, /retry\s+correct: final 104 = expected/);
  });

  it('exits 1 when a strategy that promises correctness ends wrong', async () => {
    // One step cannot absorb 9 rivals: the backoff strategy then loses workers.
    const { status, out } = await runLab('--strategy', 'backoff', '--workers', '10', '--steps', '1', '--json');
    const result = JSON.parse(out) as LabResult;
    assert.equal(result.correct, false);
    assert.equal(status, 1);
  });

  it('counts in a ConfigMap as well', async () => {
    const { status, out } = await runLab('--kind', 'configmap', '--strategy', 'retry', '--json');
    assert.equal(status, 0);
    const result = JSON.parse(out) as LabResult;
    assert.equal(result.object.kind, 'configmap');
    assert.equal(byName(result, 'retry').final, 106);
  });

  it('spreads workers over processes: every retrying strategy still ends correct', async () => {
    const strategies = ['backoff', 'merge-patch', 'json-patch', 'apply', 'adaptive', 'queue', 'coalesce'];
    const args = strategies.flatMap((name) => ['--strategy', name]);
    const { status, out } = await runLab(...args, '--workers', '6', '--processes', '3', '--json');
    assert.equal(status, 0);
    const result = JSON.parse(out) as LabResult;
    for (const name of strategies) {
      const measures = byName(result, name);
      assert.deepEqual([measures.final, measures.failed, measures.lostUpdates], [107, 0, 0], name);
    }
  });

  it('every strategy that promises correctness ends at 106; the coalescer writes once for all', async () => {
    const { status, out } = await runLab('--json', '--seed', '8');
    assert.equal(status, 0);
    const result = JSON.parse(out) as LabResult;
    const promising = result.strategies.filter((run) => run.promisesCorrectness).map((run) => run.strategy);
    assert.deepEqual(promising, [
      'retry',
      'backoff',
      'merge-patch',
      'json-patch',
      'apply',
      'adaptive',
      'queue',
      'coalesce',
    ]);
    for (const name of promising) assert.equal(byName(result, name).final, 106, name);
    const coalesce = byName(result, 'coalesce');
    assert.deepEqual([coalesce.requests, coalesce.conflicts], [2, 0], 'one GET and one PUT carried all five');
  });
  it('--faults with --exactly-once: helper, adaptive and queue strategies end correct through injected faults, counted by kind', async () => {
    // adaptive writers of one process share a watch and never conflict among themselves: one
    // request per writer or so, so it needs more writers than the others to meet faults surely;
    // queue takes one turn per process, so it needs processes.
    const runs = [
      { helpers: ['backoff', 'merge-patch', 'json-patch'], workers: 12, processes: ['1', '2'] },
      { helpers: ['adaptive'], workers: 60, processes: ['1', '2'] },
      { helpers: ['queue'], workers: 12, processes: ['12'] },
    ];
    for (const { helpers, workers, processes: spreads } of runs) {
      for (const processes of spreads) {
        const { status, out, err } = await runLab(
          ...['--json', '--faults', '0.15', '--seed', '11', '--exactly-once'],
          ...['--workers', String(workers), '--processes', processes],
          ...helpers.flatMap((name) => ['--strategy', name]),
        );
        assert.equal(status, 0, err);
        const result = JSON.parse(out) as LabResult;
        assert.deepEqual([result.faults, result.exactlyOnce, result.requestTimeoutMs], [{ rate: 0.15 }, true, 2_000]);
        for (const name of helpers) {
          const m = byName(result, name);
          assert.deepEqual([m.final, m.failed, m.lostUpdates, m.duplicatedUpdates], [101 + workers, 0, 0, 0], name);
          const injected = Object.values(m.injectedFaults ?? {}).reduce((a, b) => a + b, 0);
          assert.ok(injected > 0, `${name}: faults were injected`);
          for (const [kind, retried] of Object.entries(m.retries)) {
            assert.ok(retried <= (m.faults[kind] ?? 0), `${name}: ${kind} retried at most as often as met`);
          }
        }
        const met = helpers.flatMap((name) => Object.keys(byName(result, name).faults));
        assert.ok(met.length > 0, 'some fault reached the clients');
      }
    }
  });

  it('--faults prints faults met and retried by kind, and what the server injected, in the table and the HTML', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kubeconflict-faults-html-'));
    try {
      const html = join(directory, 'report.html');
      const { out } = await runLab(
        ...['--faults', '0.3', '--seed', '3', '--strategy', 'backoff', '--workers', '8', '--html', html],
      );
      assert.match(out, /faults met \(retried\) by kind:/);
      assert.match(out, /injected: /);
      assert.match(out, /--faults 0.3: the embedded server's injected faults, seed 3; --exactly-once off/);
      const report = readFileSync(html, 'utf8');
      assert.match(report, /<dd data-measure="faults met \(retried\)">[A-Za-z]+ \d+ \(\d+\)/);
      assert.match(report, /<dd data-measure="faults injected">[a-zA-Z0-9]+ \d+/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('kubeconflict lab refuses bad input clearly and leaves nothing behind', () => {
  let server: TestServer;
  let directory: string;
  before(async () => {
    server = await startTestServer();
    directory = mkdtempSync(join(tmpdir(), 'kubeconflict-lab-test-'));
  });
  after(async () => {
    await server.stop();
    rmSync(directory, { recursive: true, force: true });
  });
  const apps = () => server.kubeConfig.makeApiClient(k8s.AppsV1Api);
  const deploymentNames = async () =>
    (await apps().listNamespacedDeployment({ namespace: 'default' })).items.map((d) => d.metadata?.name);
  const demoSpec = {
    selector: { matchLabels: { a: 'b' } },
    template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.12' }] } },
  };

  it('a label that is not an integer: names object, label and value', async () => {
    const body = {
      metadata: { name: 'bad-label', labels: { 'biz-version': 'abc' } },
      spec: demoSpec,
    };
    await apps().createNamespacedDeployment({ namespace: 'default', body });
    const { status, err } = await runLab('--kubeconfig', server.kubeconfigPath, '--name', 'bad-label', '--reuse');
    assert.equal(status, 1);
    assert.match(err, /label biz-version of deployment default\/bad-label is not an integer: "abc"/);
    const after = await apps().readNamespacedDeployment({ name: 'bad-label', namespace: 'default' });
    assert.equal(after.metadata?.labels?.['biz-version'], 'abc', 'untouched');
  });

  it('an object that happens to bear the scratch name is named in the error and left alone', async () => {
    const body = { metadata: { name: 'taken-serial-bound', labels: { 'biz-version': '7' } }, spec: demoSpec };
    await apps().createNamespacedDeployment({ namespace: 'default', body });
    const { status, err } = await runLab('--kubeconfig', server.kubeconfigPath, '--name', 'taken');
    assert.equal(status, 1);
    assert.match(
      err,
      /could not time one uncontended GET\+PUT on the lab's scratch deployment default\/taken-serial-bound/,
    );
    const kept = await apps().readNamespacedDeployment({ namespace: 'default', name: 'taken-serial-bound' });
    assert.equal(kept.metadata?.labels?.['biz-version'], '7', 'not deleted, not changed');
    assert.ok(!(await deploymentNames()).includes('taken'), 'the lab object it made is gone');
  });

  it('an object that exists is never overwritten without --reuse', async () => {
    const { status, err } = await runLab('--kubeconfig', server.kubeconfigPath, '--name', 'bad-label');
    assert.equal(status, 1);
    assert.match(err, /deployment default\/bad-label already exists; the lab never overwrites an object: pass --reuse/);
  });

  it('a namespace that does not exist', async () => {
    const { status, err } = await runLab('--kubeconfig', server.kubeconfigPath, '-n', 'nowhere');
    assert.equal(status, 1);
    assert.match(err, /namespace nowhere does not exist/);
  });

  it('a server nobody answers at: the URL and the cause, quickly', async () => {
    const kubeconfig = join(directory, 'unreachable');
    writeFileSync(
      kubeconfig,
      JSON.stringify({
        ...server.kubeconfig,
        clusters: [
          {
            name: 'kubeconflict-embedded',
            cluster: {
              server: 'https://127.0.0.1:1',
              'certificate-authority-data': server.kubeconfig.clusters[0]?.cluster['certificate-authority-data'],
            },
          },
        ],
      }),
    );
    const started = performance.now();
    const { status, err } = await runLab('--kubeconfig', kubeconfig);
    assert.equal(status, 1);
    assert.match(err, /cannot reach the API server at https:\/\/127\.0\.0\.1:1: ECONNREFUSED/);
    assert.ok(performance.now() - started < 10_000);
  });

  it('a refused credential (401): which verb and resource, not retried, nothing left behind', async () => {
    const kubeconfig = join(directory, 'wrong-token');
    writeFileSync(
      kubeconfig,
      JSON.stringify({ ...server.kubeconfig, users: [{ name: 'kubeconflict', user: { token: 'wrong' } }] }),
    );
    const before = await deploymentNames();
    const { status, err } = await runLab('--kubeconfig', kubeconfig, '--name', 'never-created');
    assert.equal(status, 1);
    assert.match(err, /401 Unauthorized on create deployments\.apps default\/never-created/);
    assert.doesNotMatch(err, /wrong/, 'the token is not printed');
    assert.deepEqual(await deploymentNames(), before);
  });

  it('--target cluster honours KUBECONFIG, as kubectl does', async () => {
    const previous = process.env.KUBECONFIG;
    process.env.KUBECONFIG = server.kubeconfigPath;
    try {
      const { status, out } = await runLab('--target', 'cluster', '--strategy', 'retry', '--name', 'via-env', '--json');
      assert.equal(status, 0);
      const result = JSON.parse(out) as LabResult;
      assert.equal(result.target.server, server.url);
    } finally {
      if (previous === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = previous;
    }
  });

  it('a kubeconfig that does not exist, or an unknown context: usage errors', async () => {
    const missing = await runLab('--kubeconfig', join(directory, 'nope'));
    assert.equal(missing.status, 2);
    assert.match(missing.err, /cannot load kubeconfig .*nope: no such file/);
    const context = await runLab('--kubeconfig', server.kubeconfigPath, '--context', 'other');
    assert.equal(context.status, 2);
    assert.match(context.err, /no context "other" in the kubeconfig; it has: kubeconflict-embedded/);
  });

  const usage: [string[], RegExp][] = [
    [['--workers', '0'], /--workers must be an integer from 1 to 100000; got "0"/],
    [['--workers', 'many'], /--workers must be an integer/],
    [['--start', '1.5'], /--start must be an integer/],
    [['--kind', 'pod'], /--kind must be one of deployment, configmap; got "pod"/],
    [
      ['--strategy', 'magic'],
      /--strategy must be one of naive, blind, retry, backoff, merge-patch, json-patch, apply, adaptive, queue, coalesce; got "magic"/,
    ],
    [['--strategy', 'retry,nope'], /--strategy must be one of naive, blind, .*, coalesce; got "nope"/],
    [['--strategy', 'retry', '--strategy', 'backoff,nope'], /--strategy must be one of naive, .*; got "nope"/],
    [
      ['--strategy', 'retry,,backoff'],
      /--strategy has an empty item in "retry,,backoff"; separate items with single commas \(a,b\) or repeat --strategy/,
    ],
    [['--strategy', 'retry,'], /--strategy has an empty item in "retry,"/],
    [['--seed', '2147483648'], /--seed must be an integer from -2147483648 to 2147483647; got "2147483648"/],
    [['--seed=-2147483649'], /--seed must be an integer from -2147483648 to 2147483647; got "-2147483649"/],
    [['--label', 'not valid!'], /--label "not valid!" is not a label key/],
    [['--name', 'Bad_Name'], /--name "Bad_Name" is not an object name/],
    [['--processes', '9', '--workers', '3'], /--processes \(9\) cannot exceed --workers \(3\)/],
    [['--target', 'mars'], /--target must be one of embedded, apiserver, cluster; got "mars"/],
    [['--target', 'embedded', '--context', 'x'], /--kubeconfig and --context choose a cluster/],
    [['--steps', '0'], /--steps must be an integer ≥ 1/],
    [['--faults', '10'], /--faults must be a share of requests from 0 to 1 \(0.1 is 10%\); got "10"/],
    [['--faults', 'some'], /--faults must be a share of requests from 0 to 1/],
    [
      ['--faults', '0.1', '--target', 'cluster'],
      /--faults injects faults in the embedded server; it cannot go with --target cluster/,
    ],
    [['--request-timeout', '0'], /--request-timeout must be an integer from 1 to 3600000; got "0"/],
  ];
  for (const [args, message] of usage) {
    it(`exits 2 for ${args.join(' ')}`, async () => {
      const { status, err } = await runLab(...args);
      assert.equal(status, 2);
      assert.match(err, message);
    });
  }
});
