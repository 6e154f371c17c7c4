import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResourceRegistry } from '../registry.ts';
import { deployments, pods, secrets } from '../resources/builtin-types.ts';
import { StatusError } from '../http/status.ts';
import { asTableIfAsked } from './table.ts';

const kubectlAccept = { kind: 'Table', version: 'v1' } as const;
const now = new Date('2026-01-01T00:01:00Z');
const none = new URLSearchParams();

const deployment = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  metadata: { name: 'web', namespace: 'default', resourceVersion: '7', creationTimestamp: '2026-01-01T00:00:55Z' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.27' },
          { name: 'side', image: 'busybox' },
        ],
      },
    },
  },
  status: {},
};

describe('asTableIfAsked', () => {
  it("prints a Deployment with the real server's cells, wide columns included", () => {
    const table = asTableIfAsked(deployments, kubectlAccept, none, deployment, now);
    assert.equal(table.kind, 'Table');
    assert.deepEqual(table.metadata, { resourceVersion: '7' });
    assert.deepEqual(
      (table.columnDefinitions as { name: string }[]).map((column) => column.name),
      ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector'],
    );
    assert.deepEqual(table.rows, [
      {
        cells: ['web', '0/2', 0, 0, '5s', 'nginx,side', 'nginx:1.27,busybox', 'app=web'],
        object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: deployment.metadata },
      },
    ]);
  });

  it('prints a list row by row, keeping its continue token; includeObject picks what rows carry', () => {
    const secret = {
      metadata: { name: 's', creationTimestamp: '2026-01-01T00:00:00Z' },
      type: 'Opaque',
      data: { a: 'MQ==' },
    };
    const list = {
      kind: 'SecretList',
      apiVersion: 'v1',
      metadata: { resourceVersion: '9', continue: 'abc', remainingItemCount: 1 },
      items: [secret],
    };
    const table = asTableIfAsked(secrets, kubectlAccept, new URLSearchParams('includeObject=Object'), list, now);
    assert.deepEqual(table.metadata, { resourceVersion: '9', continue: 'abc', remainingItemCount: 1 });
    assert.deepEqual(table.rows, [
      { cells: ['s', 'Opaque', 1, '60s'], object: { kind: 'Secret', apiVersion: 'v1', ...secret } },
    ]);
    const bare = asTableIfAsked(secrets, kubectlAccept, new URLSearchParams('includeObject=None'), list, now);
    assert.equal((bare.rows as { object: unknown }[])[0]?.object, null);
    assert.throws(
      () => asTableIfAsked(secrets, kubectlAccept, new URLSearchParams('includeObject=All'), list, now),
      (error) => {
        assert.ok(error instanceof StatusError);
        assert.equal(
          error.message,
          "Unable to convert to Table as requested: includeObject: Invalid value: \"All\": must be 'Metadata', 'Object', 'None', or empty",
        );
        return true;
      },
    );
  });

  it('prints custom resources with Name and Age; leaves plain requests alone', () => {
    const widgets = new ResourceRegistry().registerCustomResource({
      group: 'example.dev',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
    });
    const widget = { metadata: { name: 'w', creationTimestamp: '2026-01-01T00:00:00Z' } };
    const table = asTableIfAsked(widgets, kubectlAccept, none, widget, now);
    assert.deepEqual(
      (table.columnDefinitions as { type: string }[]).map((column) => column.type),
      ['string', 'date'],
    );
    assert.deepEqual((table.rows as { cells: unknown[] }[])[0]?.cells, ['w', '60s']);
    assert.equal(asTableIfAsked(deployments, undefined, none, deployment, now), deployment);
  });

  it("gives a finished Pod's row a Completed condition between its cells and its object", () => {
    const pod = {
      metadata: { name: 'job-pod', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
      status: { phase: 'Succeeded' },
    };
    const table = asTableIfAsked(pods, kubectlAccept, new URLSearchParams('includeObject=None'), pod, now);
    assert.deepEqual(table.rows, [
      {
        cells: ['job-pod', '0/1', 'Succeeded', '0', '60s', '<none>', '<none>', '<none>', '<none>'],
        conditions: [
          { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
        ],
        object: null,
      },
    ]);
    assert.deepEqual(Object.keys((table.rows as object[])[0] ?? {}), ['cells', 'conditions', 'object']);
  });
});
