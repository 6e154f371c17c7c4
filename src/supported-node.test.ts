import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { requiredNode, unsupportedNodeMessage } from './supported-node.ts';

describe('unsupportedNodeMessage', () => {
  it('names the Node.js needed and the one found', () => {
    assert.equal(unsupportedNodeMessage('v20.19.2'), 'kubeconflict needs Node.js >= 22.19; this is v20.19.2');
    assert.equal(unsupportedNodeMessage('v22.18.9'), 'kubeconflict needs Node.js >= 22.19; this is v22.18.9');
  });

  it('accepts the required version and newer ones', () => {
    for (const version of ['v22.19.0', 'v22.23.3', 'v23.0.0', 'v24.1.0', process.version]) {
      assert.equal(unsupportedNodeMessage(version), undefined, version);
    }
  });

  it('agrees with package.json engines', () => {
    const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      engines: { node: string };
    };
    assert.equal(engines.node, `>=${String(requiredNode.major)}.${String(requiredNode.minor)}`);
  });
});
