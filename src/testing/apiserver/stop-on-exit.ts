/**
 * Servers still running when the test process ends are killed and their directories
 * removed: on normal exit, and on SIGINT/SIGTERM (then the signal is raised again, so
 * the process still ends the way it was asked to).
 */
const cleanups = new Set<() => void>();

function runAll(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Keep cleaning the others.
    }
  }
  cleanups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  process.kill(process.pid, signal);
}

export function trackForExit(cleanup: () => void): void {
  if (cleanups.size === 0) {
    process.on('exit', runAll);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  cleanups.add(cleanup);
}

export function untrackForExit(cleanup: () => void): void {
  cleanups.delete(cleanup);
  if (cleanups.size === 0) {
    process.removeListener('exit', runAll);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
