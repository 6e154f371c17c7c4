import type { LabProgress } from '../lab/run-lab.ts';

/**
 * A one-line progress bar on a terminal (nothing when the stream is not a TTY, so pipes
 * and files stay clean); `finish()` erases it.
 */
export function progressBar(stream: NodeJS.WriteStream): { update(progress: LabProgress): void; finish(): void } {
  if (!stream.isTTY) return { update: () => undefined, finish: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update(progress) {
      const now = performance.now();
      const complete = progress.workersDone === progress.workers;
      if (!complete && now - last < 50) return;
      last = now;
      const width = 24;
      const filled = Math.round((progress.workersDone / Math.max(1, progress.workers)) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      stream.write(
        `\r\x1b[K[${bar}] strategy ${String(progress.strategyIndex + 1)}/${String(progress.strategies)} ${progress.strategy}: ${String(progress.workersDone)}/${String(progress.workers)} workers done`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
