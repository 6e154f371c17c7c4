import { randomUUID } from 'node:crypto';
import { timestamp } from '../clock.ts';
import type { ObjectStore } from '../object-store.ts';

/** The namespaces a fresh cluster has, created by kube-apiserver itself, in its order. */
export function bootstrapNamespaces(store: ObjectStore): void {
  const now = timestamp();
  for (const name of ['kube-system', 'kube-public', 'default', 'kube-node-lease']) {
    store.put(
      '/namespaces',
      '',
      {
        kind: 'Namespace',
        apiVersion: 'v1',
        metadata: {
          name,
          uid: randomUUID(),
          creationTimestamp: now,
          labels: { 'kubernetes.io/metadata.name': name },
          managedFields: [
            {
              manager: 'kube-apiserver',
              operation: 'Update',
              apiVersion: 'v1',
              time: now,
              fieldsType: 'FieldsV1',
              fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:kubernetes.io/metadata.name': {} } } },
            },
          ],
        },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      },
      'ADDED',
    );
  }
}
