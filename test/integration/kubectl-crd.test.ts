// kubectl v1.36.3 with a CustomResourceDefinition, against the embedded server and a real
// kube-apiserver: `kubectl apply -f crd.yaml`, `kubectl wait --for=condition=Established`,
// then its custom resources by short name and by plural with the CRD's printer columns
// (`-o wide` adds the priority-1 ones), `kubectl scale` through its /scale. Output and exit status must be the same on both.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { sameOnBoth } from '../support/kubectl-compare.ts';
import { type KubectlServers, startKubectlServers } from '../support/kubectl-servers.ts';

const crdYaml = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: sprockets.kubectl.kubeconflict.dev
spec:
  group: kubectl.kubeconflict.dev
  scope: Namespaced
  names:
    kind: Sprocket
    plural: sprockets
    shortNames: [spr]
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          x-kubernetes-preserve-unknown-fields: true
      subresources:
        status: {}
        scale:
          specReplicasPath: .spec.replicas
          statusReplicasPath: .status.replicas
      additionalPrinterColumns:
        - name: Teeth
          type: integer
          jsonPath: .spec.teeth
        - name: Metal
          type: string
          jsonPath: .spec.metal
          priority: 1
`;

const sprocketYaml = `apiVersion: kubectl.kubeconflict.dev/v1
kind: Sprocket
metadata:
  name: small
spec:
  teeth: 12
  metal: steel
  replicas: 1
`;

describe('kubectl with a CRD: embedded server as kube-apiserver', apiServerSuite(), () => {
  let servers: KubectlServers;
  let directory: string;
  const same = (...args: string[]) => sameOnBoth(servers.pair, args);

  before(async () => {
    servers = await startKubectlServers('crd');
    directory = servers.directory;
    writeFileSync(join(directory, 'crd.yaml'), crdYaml);
    writeFileSync(join(directory, 'sprocket.yaml'), sprocketYaml);
  });

  after(() => servers.stop());

  it('kubectl apply -f crd.yaml creates it; wait --for=condition=Established meets it', async () => {
    const applied = await same('apply', '-f', join(directory, 'crd.yaml'));
    assert.equal(
      applied.stdout,
      'customresourcedefinition.apiextensions.k8s.io/sprockets.kubectl.kubeconflict.dev created\n',
    );
    const listed = await same('get', 'crd');
    assert.match(listed.stdout, /^NAME\s+CREATED AT\nsprockets\.kubectl\.kubeconflict\.dev\s+\S+\n$/);
    const waited = await same(
      'wait',
      '--for=condition=Established',
      '--timeout=30s',
      'crd/sprockets.kubectl.kubeconflict.dev',
    );
    assert.equal(
      waited.stdout,
      'customresourcedefinition.apiextensions.k8s.io/sprockets.kubectl.kubeconflict.dev condition met\n',
    );
  });

  it('its custom resources: apply, get by short name, get -o wide with the printer columns', async () => {
    const applied = await same('apply', '-f', join(directory, 'sprocket.yaml'));
    assert.equal(applied.stdout, 'sprocket.kubectl.kubeconflict.dev/small created\n');
    const byShortName = await same('get', 'spr');
    assert.match(byShortName.stdout, /^NAME\s+TEETH\nsmall\s+12\n$/);
    const wide = await same('get', 'sprockets', '-o', 'wide');
    assert.match(wide.stdout, /^NAME\s+TEETH\s+METAL\nsmall\s+12\s+steel\n$/);
  });

  it('kubectl scale uses the /scale the CRD declares', async () => {
    const scaled = await same('scale', 'sprocket', 'small', '--replicas=3');
    assert.equal(scaled.stdout, 'sprocket.kubectl.kubeconflict.dev/small scaled\n');
    const replicas = await same('get', 'spr', 'small', '-o', 'jsonpath={.spec.replicas}');
    assert.equal(replicas.stdout, '3');
  });

  it('kubectl delete crd deletes it as kube-apiserver does', async () => {
    const deleted = await same('delete', 'crd', 'sprockets.kubectl.kubeconflict.dev');
    assert.equal(
      deleted.stdout,
      'customresourcedefinition.apiextensions.k8s.io "sprockets.kubectl.kubeconflict.dev" deleted\n',
    );
  });
});
