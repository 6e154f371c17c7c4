import { fileURLToPath } from 'node:url';
import { GoLinePeer } from '../support/go-line-peer.ts';

const buildScript = fileURLToPath(new URL('./build.sh', import.meta.url));

/** What client-go's JSONPath made of one template over one object. */
export interface GoJsonPathAnswer {
  readonly parseError?: true;
  readonly findError?: true;
  readonly found?: unknown[][];
  /** PrintResults of the first value found, as a string printer column shows it. */
  readonly printed?: string;
}

/** A running go-jsonpath peer (test/go-jsonpath-peer: client-go v0.36.3 util/jsonpath). */
export type GoJsonPathPeer = GoLinePeer<GoJsonPathAnswer>;

export const startGoJsonPathPeer = (): GoJsonPathPeer =>
  GoLinePeer.start(
    'the go-jsonpath peer',
    buildScript,
    'the Go toolchain and the modules k8s.io/client-go and k8s.io/apimachinery v0.36.3',
  );
