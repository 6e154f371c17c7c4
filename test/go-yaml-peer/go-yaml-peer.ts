import { fileURLToPath } from 'node:url';
import { GoLinePeer } from '../support/go-line-peer.ts';

const buildScript = fileURLToPath(new URL('./build.sh', import.meta.url));

/** The real JSONToYAML's answer for one value: its YAML text, or the error it returned. */
export type GoYamlAnswer = { yaml: string } | { error: string };

/**
 * A running go-yaml peer (test/go-yaml-peer: encoding/json then sigs.k8s.io/yaml v1.6.0
 * JSONToYAML, as kube-apiserver writes YAML); `ask(values)` converts each value.
 */
export type GoYamlPeer = GoLinePeer<GoYamlAnswer>;

export const startGoYamlPeer = (): GoYamlPeer =>
  GoLinePeer.start(
    'the go-yaml peer',
    buildScript,
    'the Go toolchain and the module sigs.k8s.io/yaml v1.6.0 (comparing with the real JSONToYAML)',
  );
