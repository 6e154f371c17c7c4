// Records how the real kube-apiserver answers every row of the Status table: writes
// test/fixtures/status-bodies.json (used by the classifier tests and checked by
// test/integration/status-bodies.test.ts) and docs/REAL-APISERVER.md.
//   node scripts/record-status-bodies.ts        (npm run record:status)
import { writeFileSync } from 'node:fs';
import { kubernetesVersion, startApiServer } from '../src/testing/index.ts';
import { runStatusCase } from '../test/support/run-status-case.ts';
import { statusCases } from '../test/support/status-cases.ts';

const fixturePath = new URL('../test/fixtures/status-bodies.json', import.meta.url);
const docPath = new URL('../docs/REAL-APISERVER.md', import.meta.url);

const server = await startApiServer();
try {
  const rows = [];
  for (const statusCase of statusCases) {
    const responses = await runStatusCase({ url: server.url, caPem: server.caPem, admin: server.tls }, statusCase);
    const last = responses.at(-1);
    if (!last) throw new Error(`${statusCase.request}: no response`);
    console.error(`${String(last.status)}  ${statusCase.request}`);
    rows.push({
      request: statusCase.request,
      code: last.status,
      contentType: last.contentType,
      kind: statusCase.kind ?? null,
      body: last.json ?? last.text,
    });
  }
  const fixture = {
    source: `answers of a real kube-apiserver ${kubernetesVersion} (etcd 3.6.16), recorded by scripts/record-status-bodies.ts; do not edit`,
    rows,
  };
  writeFileSync(fixturePath, `${JSON.stringify(fixture, null, 2)}\n`);
  writeFileSync(docPath, renderDoc(rows));
  console.error(`wrote ${fixturePath.pathname} and ${docPath.pathname}`);
} finally {
  await server.stop();
}

function renderDoc(rows: { request: string; code: number; contentType: string | undefined; body: unknown }[]): string {
  const errorRows = rows.filter((row) => row.code >= 400);
  const table = errorRows.map((row) => {
    const body = row.body as { reason?: string; message?: string };
    const message = (body.message ?? '').replaceAll('|', '\\|');
    return `| ${row.request} | ${String(row.code)} | ${body.reason ?? '(none)'} | ${message} |`;
  });
  const bodies = errorRows.map(
    (row) => `### ${row.request}\n\n\`\`\`json\n${JSON.stringify(row.body, null, 2)}\n\`\`\``,
  );
  const successes = rows.filter((row) => row.code < 400).map((row) => `- ${row.request}: ${String(row.code)}`);
  return `# How the real kube-apiserver answers

Recorded from kube-apiserver ${kubernetesVersion} with etcd 3.6.16, built from Go modules
(tools/apiserver), by \`npm run record:status\`. The requests are in
test/support/status-cases.ts; test/integration/status-bodies.test.ts checks on every CI
run that the server still answers exactly this (after replacing uids, resourceVersions
and timestamps). Error bodies are \`application/json\` Status objects with fields in the
order shown.

| request | code | reason | message |
|---|---|---|---|
${table.join('\n')}

Requests that succeed, and must (no conflict without a resourceVersion precondition):
${successes.join('\n')}

Not recorded: a 429 from API Priority and Fairness cannot be produced on demand on an
idle server; its body is plain text with a \`Retry-After\` header.

## Bodies

${bodies.join('\n\n')}
`;
}
