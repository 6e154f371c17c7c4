import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const buildScript = fileURLToPath(new URL('./build.sh', import.meta.url));

/** The real JSONToYAML's answer for one value: its YAML text, or the error it returned. */
export type GoYamlAnswer = { yaml: string } | { error: string };

/**
 * A running go-yaml peer (test/go-yaml-peer: encoding/json then sigs.k8s.io/yaml v1.6.0
 * JSONToYAML, as kube-apiserver writes YAML). One process answers any number of values.
 */
export class GoYamlPeer {
  private readonly waiting: ((line: string) => void)[] = [];
  private exited: string | undefined;
  private readonly process: ChildProcessWithoutNullStreams;

  private constructor(process: ChildProcessWithoutNullStreams) {
    this.process = process;
    createInterface({ input: process.stdout }).on('line', (line) => this.waiting.shift()?.(line));
    let stderr = '';
    process.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process.on('exit', (code) => {
      this.exited = `go-yaml peer exited (${code ?? 'signal'}): ${stderr.trim()}`;
      for (const resolve of this.waiting.splice(0)) resolve('');
    });
  }

  /**
   * Builds the peer if needed and starts it. Fails with a clear message when it cannot be
   * built: the comparison needs the Go toolchain and the module sigs.k8s.io/yaml v1.6.0.
   */
  static start(): GoYamlPeer {
    const built = spawnSync('bash', [buildScript], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const binary = built.stdout.trim().split('\n').at(-1) ?? '';
    if (built.status !== 0 || binary === '') {
      throw new Error(
        `cannot build the go-yaml peer with ${buildScript} (exit ${built.status ?? built.error?.message}); ` +
          'comparing with the real sigs.k8s.io/yaml needs the Go toolchain and the module sigs.k8s.io/yaml v1.6.0',
      );
    }
    return new GoYamlPeer(spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  /** JSONToYAML(json.Marshal(value)) for each value, in order. */
  async convert(values: readonly unknown[]): Promise<GoYamlAnswer[]> {
    const answers = values.map(() => new Promise<string>((resolve) => this.waiting.push(resolve)));
    if (this.exited !== undefined) throw new Error(this.exited);
    this.process.stdin.write(values.map((value) => `${JSON.stringify(value)}\n`).join(''));
    return (await Promise.all(answers)).map((line) => {
      if (line === '') throw new Error(this.exited ?? 'go-yaml peer answered an empty line');
      return JSON.parse(line) as GoYamlAnswer;
    });
  }

  stop(): void {
    this.process.stdin.end();
  }
}
