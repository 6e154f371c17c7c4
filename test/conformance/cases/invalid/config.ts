// ConfigMap and Secret keys kube-apiserver v1.36.3 refuses with 422: one bad key per map,
// since Go reports a map's keys in no fixed order.
import type { ConformanceCase } from '../../conformance-case.ts';
import { paths } from '../../conformance-case.ts';

type Json = Record<string, unknown>;
const configMap = (name: string, maps: Json): Json => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  ...maps,
});
const secret = (name: string, maps: Json): Json => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, ...maps });
const merge = { 'content-type': 'application/merge-patch+json' };

export const invalidConfigCases: ConformanceCase[] = [
  {
    name: 'invalid specs: ConfigMap keys, in data and binaryData',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('key-space', { data: { 'bad key!': 'v' } }) }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('key-dot', { data: { '.': 'v' } }) }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('key-dots', { data: { '..': 'v' } }) }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('key-dotdot', { data: { '..a': 'v' } }) }),
      () => ({
        method: 'POST',
        path: paths.configMaps,
        body: configMap('key-long', { data: { ['k'.repeat(254)]: 'v' } }),
      }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('key-empty', { data: { '': 'v' } }) }),
      () => ({
        method: 'POST',
        path: paths.configMaps,
        body: configMap('key-binary', { binaryData: { 'a/b': 'dg==' } }),
      }),
      () => ({
        method: 'POST',
        path: paths.configMaps,
        body: configMap('key-both', { data: { same: 'v' }, binaryData: { 'x:y': 'dg==', same: 'dg==' } }),
      }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('key-good', { data: { '.ok_K-1': 'v' } }) }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/key-good`,
        headers: merge,
        body: { data: { 'a b': 'v' } },
      }),
    ],
  },
  {
    name: 'invalid specs: Secret keys, in data and stringData',
    steps: [
      () => ({ method: 'POST', path: paths.secrets, body: secret('key-space', { data: { 'bad key!': 'dg==' } }) }),
      () => ({ method: 'POST', path: paths.secrets, body: secret('key-string', { stringData: { 'a/b': 'v' } }) }),
      () => ({ method: 'POST', path: paths.secrets, body: secret('key-dotdot', { data: { '..a': 'dg==' } }) }),
      () => ({ method: 'POST', path: paths.secrets, body: secret('key-good', { data: { ok: 'dg==' } }) }),
      () => ({
        method: 'PATCH',
        path: `${paths.secrets}/key-good`,
        headers: merge,
        body: { data: { 'a b': 'dg==' } },
      }),
    ],
  },
];
