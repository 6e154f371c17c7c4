import type { Measures } from '../lab/measures.ts';

/** Faults met by kind, each with how often it was retried: `ServerError 3 (3), Network 2 (1)`. */
export function faultsMet({ faults, retries }: Pick<Measures, 'faults' | 'retries'>): string {
  const met = Object.entries(faults).map(([kind, n]) => `${kind} ${String(n)} (${String(retries[kind] ?? 0)})`);
  return met.join(', ') || 'none';
}

/** The kinds of fault the embedded server injected at least once: `error500 2, latency 1`. */
export function faultsInjected(injected: Record<string, number>): string {
  const kinds = Object.entries(injected).filter(([, n]) => n > 0);
  return kinds.map(([kind, n]) => `${kind} ${String(n)}`).join(', ') || 'none';
}
