// One set of cases, run against a real kube-apiserver and against the embedded server;
// every answer is compared field by field after normalize-case.ts. Prints
// "N cases, M identical" and fails on any difference.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiServer, startTestServer, type RunningApiServer, type TestServer } from '../../src/testing/index.ts';
import { apiServerSuite, quietApiServerArgs } from '../support/api-server-suite.ts';
import { send } from '../support/raw-http.ts';
import { runStatusCase, type Target } from '../support/run-status-case.ts';
import { applyCases } from './cases/apply.ts';
import { badInputCases } from './cases/bad-input.ts';
import { crdCases } from './cases/crd.ts';
import { crdColumnCases } from './cases/crd-columns.ts';
import { builtinRoundCases } from './cases/builtin-rounds.ts';
import { collectionPolicyCases } from './cases/collection-policy.ts';
import { controllerAndNodeCases } from './cases/core-controllers-nodes.ts';
import { crdSchemaCases } from './cases/crd-schema.ts';
import { customCases, widgetDefinition } from './cases/custom.ts';
import { customStatusCases, gadgetDefinition } from './cases/custom-status.ts';
import { deleteCollectionCases } from './cases/delete-collection.ts';
import { deleteOptionsCases } from './cases/delete-options.ts';
import { discoveryCases } from './cases/discovery.ts';
import { fieldSelectorCases } from './cases/field-selectors.ts';
import { eventsApiCases } from './cases/events-api.ts';
import { apiServiceCases } from './cases/apiservices.ts';
import { finalizerCases } from './cases/finalizers.ts';
import { invalidSpecCases } from './cases/invalid-specs.ts';
import { listCases } from './cases/lists.ts';
import { namespaceDeletionCases } from './cases/namespace-deletion.ts';
import { negotiationCases } from './cases/negotiation.ts';
import { objectCases } from './cases/objects.ts';
import { podTableCases } from './cases/pod-tables.ts';
import { printerTableCases } from './cases/printer-tables.ts';
import { protobufCases } from './cases/protobuf.ts';
import { scaleSubresourceCases } from './cases/scale-subresource.ts';
import { statusRowCases } from './cases/status-rows.ts';
import { statusSubresourceCases } from './cases/status-subresource.ts';
import { watchListCases } from './cases/watch-list.ts';
import { watchSelectorCases } from './cases/watch-selectors.ts';
import { nodePortCases } from './cases/node-ports.ts';
import { quantityCases } from './cases/quantities.ts';
import { warningCases } from './cases/warnings.ts';
import { writeCases } from './cases/writes.ts';
import { differences } from './differences.ts';
import { normalizeCase } from './normalize-case.ts';
import { normalizeTexts, textDifference } from './normalize-text.ts';

const cases = [
  ...statusRowCases,
  ...objectCases,
  ...writeCases,
  ...listCases,
  ...applyCases,
  ...customCases,
  ...badInputCases,
  ...negotiationCases,
  ...protobufCases,
  ...watchListCases,
  ...watchSelectorCases,
  ...deleteOptionsCases,
  ...statusSubresourceCases,
  ...scaleSubresourceCases,
  ...customStatusCases,
  ...discoveryCases,
  ...deleteCollectionCases,
  ...podTableCases,
  ...printerTableCases,
  ...finalizerCases,
  ...collectionPolicyCases,
  ...namespaceDeletionCases,
  ...crdCases,
  ...crdColumnCases,
  ...fieldSelectorCases,
  ...warningCases,
  ...quantityCases,
  ...nodePortCases,
  ...builtinRoundCases,
  ...controllerAndNodeCases,
  ...eventsApiCases,
  ...apiServiceCases,
  ...crdSchemaCases,
  ...invalidSpecCases,
];
const token = 'conformance-token';

describe('conformance: embedded server vs kube-apiserver', apiServerSuite(), () => {
  let real: RunningApiServer;
  let embedded: TestServer;
  let realTarget: Target;
  let embeddedTarget: Target;
  let identical = 0;

  before(async () => {
    [real, embedded] = await Promise.all([
      startApiServer({ extraApiServerArgs: quietApiServerArgs }),
      startTestServer({ token, controllers: false }),
    ]);
    realTarget = { url: real.url, caPem: real.caPem, admin: real.tls };
    embeddedTarget = {
      url: embedded.url,
      caPem: embedded.caPem ?? '',
      admin: { ca: embedded.caPem, headers: { authorization: `Bearer ${token}` } },
    };
    await defineCustomResource(real, widgetDefinition);
    await defineCustomResource(real, gadgetDefinition);
    embedded.registerCustomResource(widgetDefinition);
    embedded.registerCustomResource(gadgetDefinition);
  });

  after(async () => {
    console.log(`# conformance: ${String(cases.length)} cases, ${String(identical)} identical`);
    await Promise.all([real.stop(), embedded.stop()]);
  });

  it('has at least 40 cases', () => {
    assert.ok(cases.length >= 40, `${String(cases.length)} cases`);
  });

  for (const conformanceCase of cases) {
    it(conformanceCase.name, async () => {
      const run = (target: Target) =>
        runStatusCase(target, { request: conformanceCase.name, kind: undefined, steps: conformanceCase.steps });
      const [realAnswers, embeddedAnswers] = [await run(realTarget), await run(embeddedTarget)];
      const { select } = conformanceCase;
      const selected = (answers: typeof realAnswers) =>
        select ? answers.map((answer) => ({ ...answer, json: select(answer.json) })) : answers;
      const found = differences(normalizeCase(selected(realAnswers)), normalizeCase(selected(embeddedAnswers)));
      assert.deepEqual(found, [], `answers differ:\n${found.join('\n')}`);
      // A case that compares only a part of its answers (discovery: what both serve) has no bytes to compare.
      const [realTexts, embeddedTexts] = select
        ? [[], []]
        : [normalizeTexts(realAnswers), normalizeTexts(embeddedAnswers)];
      const bytes = realTexts.flatMap((text, step) => {
        const difference = textDifference(text, embeddedTexts[step] ?? '');
        return difference === undefined ? [] : [`step ${String(step + 1)}: ${difference}`];
      });
      assert.deepEqual(bytes, [], `bytes differ:\n${bytes.join('\n')}`);
      identical++;
    });
  }
});

/** Installs a CRD on the real server and waits until it is served. */
async function defineCustomResource(
  server: RunningApiServer,
  custom: { group: string; version: string; kind: string; plural: string; singular: string } & {
    categories?: readonly string[];
    subresources?: { status?: boolean };
  },
): Promise<void> {
  const { group, version, kind, plural, singular, categories } = custom;
  const definition = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { kind, plural, singular, listKind: `${kind}List`, ...(categories && { categories }) },
      versions: [
        {
          name: version,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          ...(custom.subresources?.status && { subresources: { status: {} } }),
        },
      ],
    },
  };
  const created = await send(server.url, server.tls, {
    method: 'POST',
    path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    body: definition,
  });
  assert.equal(created.status, 201, created.text);
  for (let i = 0; i < 100; i++) {
    const probe = await send(server.url, server.tls, {
      method: 'GET',
      path: `/apis/${group}/${version}/namespaces/default/${plural}`,
    });
    if (probe.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the ${kind} CRD was not served within 10 s`);
}
