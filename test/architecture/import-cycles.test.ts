import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importCycles, importGraph, sourceFiles } from './import-graph.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the import graph', () => {
  it('finds a cycle of three modules and leaves a chain alone', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    assert.deepEqual(importCycles(graph), [['a', 'b', 'c']]);
    assert.deepEqual(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
      [],
    );
  });

  it('has no cycle in src/: every module can be read after the ones it imports', () => {
    const files = sourceFiles(`${root}src`, root);
    assert.ok(files.length > 100, `only ${String(files.length)} modules found under src/`);
    assert.deepEqual(importCycles(importGraph(files, root)), []);
  });
});
