// A Go peer that answers one JSON line per JSON line it reads (test/go-peer): one
// process answers any number of questions, in order.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

export class GoLinePeer<Answer> {
  private readonly waiting: ((line: string) => void)[] = [];
  private exited: string | undefined;
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly name: string;

  private constructor(name: string, process: ChildProcessWithoutNullStreams) {
    this.name = name;
    this.process = process;
    createInterface({ input: process.stdout }).on('line', (line) => this.waiting.shift()?.(line));
    let stderr = '';
    process.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process.on('exit', (code) => {
      this.exited = `${name} exited (${code ?? 'signal'}): ${stderr.trim()}`;
      for (const resolve of this.waiting.splice(0)) resolve('');
    });
  }

  /**
   * Builds the peer with its build script if needed and starts it. Fails with a clear
   * message when it cannot be built: `needs` says what the build needs.
   */
  static start<Answer>(name: string, buildScript: string, args: readonly string[], needs: string): GoLinePeer<Answer> {
    const built = spawnSync('bash', [buildScript], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const binary = built.stdout.trim().split('\n').at(-1) ?? '';
    if (built.status !== 0 || binary === '') {
      throw new Error(
        `cannot build ${name} with ${buildScript} (exit ${built.status ?? built.error?.message}); it needs ${needs}`,
      );
    }
    return new GoLinePeer<Answer>(name, spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  /** The peer's answer to each question, in order. */
  async ask(questions: readonly unknown[]): Promise<Answer[]> {
    const answers = questions.map(() => new Promise<string>((resolve) => this.waiting.push(resolve)));
    if (this.exited !== undefined) throw new Error(this.exited);
    this.process.stdin.write(questions.map((question) => `${JSON.stringify(question)}\n`).join(''));
    return (await Promise.all(answers)).map((line) => {
      if (line === '') throw new Error(this.exited ?? `${this.name} answered an empty line`);
      return JSON.parse(line) as Answer;
    });
  }

  stop(): void {
    this.process.stdin.end();
  }
}
