/**
 * A source of uniformly distributed numbers in [0, 1), like `Math.random`.
 * Injected wherever kubeconflict randomises (jitter), so runs can be replayed.
 */
export type Random = () => number;

/**
 * A seeded, fast, non-cryptographic random source (the mulberry32 generator).
 * The same seed always yields the same sequence, which makes jittered backoff and the
 * lab's runs replayable.
 *
 * @param seed - any integer; only its low 32 bits are used.
 * @example
 * const random = seededRandom(42);
 * random(); // always the same first value for seed 42
 */
export function seededRandom(seed: number): Random {
  if (!Number.isInteger(seed)) {
    throw new TypeError(`seed must be an integer, got ${String(seed)}`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
