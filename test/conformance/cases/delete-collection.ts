// DELETE of a collection (deletecollection): what goes, what the answer lists, dryRun,
// custom resources, and the Namespaces that have no such verb.
import { type ConformanceCase, configMap, paths } from '../conformance-case.ts';

const widget = (name: string, labels: Record<string, string>) => ({
  apiVersion: 'example.kubeconflict.dev/v1',
  kind: 'Widget',
  metadata: { name, labels },
  spec: { size: 1 },
});

export const deleteCollectionCases: ConformanceCase[] = [
  {
    name: 'deletecollection: the objects the selector matches go; the answer lists them as they were',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('dc-a', { k: '1' }, { batch: 'dc' }) }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('dc-b', {}, { batch: 'dc' }) }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('dc-c', {}, { batch: 'other' }) }),
      () => ({ method: 'DELETE', path: `${paths.configMaps}?labelSelector=batch%3Ddc&dryRun=All` }),
      () => ({ method: 'GET', path: `${paths.configMaps}?labelSelector=batch` }),
      () => ({ method: 'DELETE', path: `${paths.configMaps}?labelSelector=batch%3Ddc&limit=1` }),
      () => ({ method: 'GET', path: `${paths.configMaps}?labelSelector=batch` }),
      () => ({ method: 'DELETE', path: `${paths.configMaps}?labelSelector=batch%3Dnone` }),
      () => ({
        method: 'DELETE',
        path: `${paths.configMaps}?labelSelector=batch%3Dother&fieldSelector=metadata.name%3Ddc-c`,
      }),
    ],
  },
  {
    name: 'deletecollection: custom resources; Namespaces refuse it (405); a bad selector is 400',
    steps: [
      () => ({ method: 'POST', path: paths.widgets, body: widget('dc-w1', { batch: 'dcw' }) }),
      () => ({ method: 'POST', path: paths.widgets, body: widget('dc-w2', { batch: 'dcw' }) }),
      () => ({ method: 'DELETE', path: `${paths.widgets}?labelSelector=batch%3Ddcw` }),
      () => ({ method: 'GET', path: `${paths.widgets}?labelSelector=batch%3Ddcw` }),
      () => ({ method: 'DELETE', path: paths.namespaces }),
      () => ({ method: 'DELETE', path: `${paths.configMaps}?labelSelector=a%3D%3D%3Db` }),
    ],
  },
];
