import { main } from '../../src/cli/main.ts';

/** Runs `kubeconflict lab` in this process; its exit status and what it printed. */
export async function runLab(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(
    ['lab', ...args],
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { status, out: out.join('\n'), err: err.join('\n') };
}
