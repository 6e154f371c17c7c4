// The Go peer (test/go-peer): the Go code kube-apiserver runs, answering one JSON line per
// question, so that the embedded server's mirrors of it can be compared with it.
import { fileURLToPath } from 'node:url';
import { GoLinePeer } from '../support/go-line-peer.ts';

const buildScript = fileURLToPath(new URL('./build.sh', import.meta.url));
const needs =
  'the Go toolchain and the modules sigs.k8s.io/yaml v1.6.0, k8s.io/client-go and k8s.io/apimachinery v0.36.3';

/** The real JSONToYAML's answer for one value: its YAML text, or the error it returned. */
export type GoYamlAnswer = { yaml: string } | { error: string };

/** What client-go's JSONPath made of one template over one object. */
export interface GoJsonPathAnswer {
  readonly parseError?: true;
  readonly findError?: true;
  readonly found?: unknown[][];
  /** PrintResults of the first value found, as a string printer column shows it. */
  readonly printed?: string;
}

/** What apimachinery made of one JSON value decoded as a Quantity: its text, or the error. */
export type GoQuantityAnswer = { text: string } | { error: string };

/** encoding/json, then sigs.k8s.io/yaml JSONToYAML: `ask(values)` converts each value. */
export const startGoYamlPeer = (): GoLinePeer<GoYamlAnswer> =>
  GoLinePeer.start('the Go peer (yaml)', buildScript, ['yaml'], needs);

/** client-go's util/jsonpath: `ask([{ template, object }])`. */
export const startGoJsonPathPeer = (): GoLinePeer<GoJsonPathAnswer> =>
  GoLinePeer.start('the Go peer (jsonpath)', buildScript, ['jsonpath'], needs);

/** apimachinery's resource.Quantity: `ask(jsonValues)`. */
export const startGoQuantityPeer = (): GoLinePeer<GoQuantityAnswer> =>
  GoLinePeer.start('the Go peer (quantity)', buildScript, ['quantity'], needs);
