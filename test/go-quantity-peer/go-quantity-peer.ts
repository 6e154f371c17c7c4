import { fileURLToPath } from 'node:url';
import { GoLinePeer } from '../support/go-line-peer.ts';

const buildScript = fileURLToPath(new URL('./build.sh', import.meta.url));

/** What apimachinery made of one JSON value decoded as a Quantity: its text, or the error. */
export type GoQuantityAnswer = { text: string } | { error: string };

/** A running go-quantity peer (test/go-quantity-peer: apimachinery v0.36.3 resource.Quantity). */
export type GoQuantityPeer = GoLinePeer<GoQuantityAnswer>;

export const startGoQuantityPeer = (): GoQuantityPeer =>
  GoLinePeer.start('the go-quantity peer', buildScript, 'the Go toolchain and the module k8s.io/apimachinery v0.36.3');
