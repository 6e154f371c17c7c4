// The real kube-apiserver still answers every row of the Status table exactly as recorded
// in test/fixtures/status-bodies.json (and docs/REAL-APISERVER.md), and kubeconflict
// classifies each answer as the row says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { classify } from '../../src/index.ts';
import { type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { normalizeBody } from '../support/normalize.ts';
import { runStatusCase } from '../support/run-status-case.ts';
import { statusCases } from '../support/status-cases.ts';

interface RecordedRow {
  request: string;
  code: number;
  contentType: string;
  kind: string | null;
  body: unknown;
}
const recorded = JSON.parse(readFileSync(new URL('../fixtures/status-bodies.json', import.meta.url), 'utf8')) as {
  rows: RecordedRow[];
};

describe('Status answers of the real kube-apiserver', apiServerSuite(), () => {
  let server: RunningApiServer;
  before(async () => {
    server = await startApiServer();
  });
  after(() => server.stop());

  it('every case has a recorded answer and every recorded answer a case', () => {
    assert.deepEqual(
      statusCases.map((c) => c.request),
      recorded.rows.map((r) => r.request),
    );
  });

  for (const statusCase of statusCases) {
    it(statusCase.request, async () => {
      const row = recorded.rows.find((r) => r.request === statusCase.request);
      assert.ok(row, 'recorded');
      const responses = await runStatusCase({ url: server.url, caPem: server.caPem, admin: server.tls }, statusCase);
      const last = responses.at(-1);
      assert.ok(last);
      assert.equal(last.status, row.code);
      assert.equal(last.contentType, row.contentType);
      assert.deepEqual(normalizeBody(last.json ?? last.text), normalizeBody(row.body));
      if (statusCase.kind !== undefined) {
        assert.equal(classify({ code: last.status, body: last.text, headers: {} }), statusCase.kind);
      }
    });
  }
});
