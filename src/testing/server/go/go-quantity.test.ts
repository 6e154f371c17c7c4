import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type GoQuantityAnswer, startGoQuantityPeer } from '../../../../test/go-peer/go-peer.ts';
import type { GoLinePeer } from '../../../../test/support/go-line-peer.ts';
import { canonicalQuantity, QuantityError } from './go-quantity.ts';

// Every quantity is also decoded by apimachinery's own resource.Quantity
// (test/go-peer, the code kube-apiserver runs), and the answers must agree.
let peer: GoLinePeer<GoQuantityAnswer>;
before(() => {
  peer = startGoQuantityPeer();
});
after(() => {
  peer.stop();
});

function ours(text: string): GoQuantityAnswer {
  try {
    return { text: canonicalQuantity(text) };
  } catch (error) {
    if (error instanceof QuantityError) return { error: error.message };
    throw error;
  }
}

async function agree(texts: readonly string[]): Promise<void> {
  const answers = await peer.ask(texts);
  const differing = texts.flatMap((text, i) => {
    const [mine, theirs] = [ours(text), answers[i]];
    return JSON.stringify(mine) === JSON.stringify(theirs)
      ? []
      : [`${JSON.stringify(text)}: ours ${JSON.stringify(mine)}, Go ${JSON.stringify(theirs)}`];
  });
  assert.deepEqual(differing, []);
}

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const suffixes = [
  '',
  'n',
  'u',
  'm',
  'k',
  'M',
  'G',
  'T',
  'P',
  'E',
  'Ki',
  'Mi',
  'Gi',
  'Ti',
  'Pi',
  'Ei',
  'e3',
  'E-3',
  'e+6',
  'e0',
  'e-12',
];

function randomQuantity(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const digits = (max: number) =>
    Array.from({ length: Math.floor(random() * max) }, () => pick('0123456789'.split(''))).join('');
  const sign = pick(['', '', '', '-', '+']);
  const whole = pick(['', '0', '00', digits(3), digits(8), digits(20), '1', '1024', '1000', '1536', '8', '7']);
  const fraction = pick(['', '', `.${digits(3)}`, `.${digits(12)}`, '.5', '.000', '.']);
  return `${sign}${whole}${fraction}${pick(suffixes)}`;
}

describe("apimachinery's Quantity as kube-apiserver writes it", () => {
  it('canonicalizes the usual requests and limits', () =>
    agree([
      '1024Mi',
      '1Gi',
      '8Gi',
      '1000Mi',
      '100Mi',
      '0.5',
      '1.5',
      '1000m',
      '100m',
      '1500m',
      '250m',
      '2',
      '1000',
      '12000',
      '1.5Gi',
      '0.5Ki',
      '1.5Ki',
      '512Ki',
      '1e3',
      '1.5e3',
      '1000e3',
      '0',
      '-1Gi',
      '+1Gi',
      '1.500',
      '0.1',
      '1n',
      '0.0000000001',
      '-0.0000000001',
      '9Ei',
      '10Ei',
      '1E',
      '1000E',
    ]));

  it('refuses what ParseQuantity refuses, each with its message', () =>
    agree(['', ' ', 'x', '1K', '1e', '1Ki3', '1.2.3', '--1', '1 Gi', '1Gib', 'Gi', '.', '+', ' 1Gi ']));

  it('agrees on 5000 generated quantities', async () => {
    const random = generator(20261205);
    await agree(Array.from({ length: 5000 }, () => randomQuantity(random)));
  });
});
