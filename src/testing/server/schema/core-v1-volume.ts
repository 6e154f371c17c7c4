// core/v1 Volume and every volume source.
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import { always, atomicList, boolean, integer, map, ptr, quantity, string, struct } from './define.ts';
import {
  keyToPath,
  localObjectReference,
  objectFieldSelector,
  resourceFieldSelector,
  typedLocalObjectReference,
  typedObjectReference,
} from './core-v1-references.ts';
import { labelSelector, objectMeta } from './meta-v1.ts';

export const awsElasticBlockStoreVolumeSource = struct({
  volumeID: always(string),
  fsType: string,
  partition: integer,
  readOnly: boolean,
});

export const azureDiskVolumeSource = struct({
  diskName: always(string),
  diskURI: always(string),
  cachingMode: ptr(string),
  fsType: ptr(string),
  readOnly: ptr(boolean),
  kind: ptr(string),
});

export const azureFileVolumeSource = struct({
  secretName: always(string),
  shareName: always(string),
  readOnly: boolean,
});

export const csiVolumeSource = struct({
  driver: always(string),
  readOnly: ptr(boolean),
  fsType: ptr(string),
  volumeAttributes: map(string),
  nodePublishSecretRef: ptr(localObjectReference),
});

export const cephFSVolumeSource = struct({
  monitors: always(atomicList(string)),
  path: string,
  user: string,
  secretFile: string,
  secretRef: ptr(localObjectReference),
  readOnly: boolean,
});

export const cinderVolumeSource = struct({
  volumeID: always(string),
  fsType: string,
  readOnly: boolean,
  secretRef: ptr(localObjectReference),
});

export const clusterTrustBundleProjection = struct({
  name: ptr(string),
  signerName: ptr(string),
  labelSelector: ptr(labelSelector),
  optional: ptr(boolean),
  path: always(string),
});

export const configMapProjection = struct({
  name: string,
  items: atomicList(keyToPath),
  optional: ptr(boolean),
});

export const configMapVolumeSource = struct({
  name: string,
  items: atomicList(keyToPath),
  defaultMode: ptr(integer),
  optional: ptr(boolean),
});

export const downwardAPIVolumeFile = struct({
  path: always(string),
  fieldRef: ptr(objectFieldSelector),
  resourceFieldRef: ptr(resourceFieldSelector),
  mode: ptr(integer),
});

export const downwardAPIProjection = struct({
  items: atomicList(downwardAPIVolumeFile),
});

export const downwardAPIVolumeSource = struct({
  items: atomicList(downwardAPIVolumeFile),
  defaultMode: ptr(integer),
});

export const emptyDirVolumeSource = struct({
  medium: string,
  sizeLimit: ptr(quantity),
});

export const volumeResourceRequirements = struct({
  limits: map(quantity),
  requests: map(quantity),
});

export const persistentVolumeClaimSpec = struct({
  accessModes: atomicList(string),
  selector: ptr(labelSelector),
  resources: volumeResourceRequirements,
  volumeName: string,
  storageClassName: ptr(string),
  volumeMode: ptr(string),
  dataSource: ptr(typedLocalObjectReference),
  dataSourceRef: ptr(typedObjectReference),
  volumeAttributesClassName: ptr(string),
});

export const persistentVolumeClaimTemplate = struct({
  metadata: objectMeta,
  spec: always(persistentVolumeClaimSpec),
});

export const ephemeralVolumeSource = struct({
  volumeClaimTemplate: ptr(persistentVolumeClaimTemplate),
});

export const fcVolumeSource = struct({
  targetWWNs: atomicList(string),
  lun: ptr(integer),
  fsType: string,
  readOnly: boolean,
  wwids: atomicList(string),
});

export const flexVolumeSource = struct({
  driver: always(string),
  fsType: string,
  secretRef: ptr(localObjectReference),
  readOnly: boolean,
  options: map(string),
});

export const flockerVolumeSource = struct({
  datasetName: string,
  datasetUUID: string,
});

export const gcePersistentDiskVolumeSource = struct({
  pdName: always(string),
  fsType: string,
  partition: integer,
  readOnly: boolean,
});

export const gitRepoVolumeSource = struct({
  repository: always(string),
  revision: string,
  directory: string,
});

export const glusterfsVolumeSource = struct({
  endpoints: always(string),
  path: always(string),
  readOnly: boolean,
});

export const hostPathVolumeSource = struct({
  path: always(string),
  type: ptr(string),
});

export const iscsiVolumeSource = struct({
  targetPortal: always(string),
  iqn: always(string),
  lun: always(integer),
  iscsiInterface: string,
  fsType: string,
  readOnly: boolean,
  portals: atomicList(string),
  chapAuthDiscovery: boolean,
  chapAuthSession: boolean,
  secretRef: ptr(localObjectReference),
  initiatorName: ptr(string),
});

export const imageVolumeSource = struct({
  reference: string,
  pullPolicy: string,
});

export const nfsVolumeSource = struct({
  server: always(string),
  path: always(string),
  readOnly: boolean,
});

export const persistentVolumeClaimVolumeSource = struct({
  claimName: always(string),
  readOnly: boolean,
});

export const photonPersistentDiskVolumeSource = struct({
  pdID: always(string),
  fsType: string,
});

export const podCertificateProjection = struct({
  signerName: string,
  keyType: string,
  maxExpirationSeconds: ptr(integer),
  credentialBundlePath: string,
  keyPath: string,
  certificateChainPath: string,
  userAnnotations: map(string),
});

export const portworxVolumeSource = struct({
  volumeID: always(string),
  fsType: string,
  readOnly: boolean,
});

export const secretProjection = struct({
  name: string,
  items: atomicList(keyToPath),
  optional: ptr(boolean),
});

export const serviceAccountTokenProjection = struct({
  audience: string,
  expirationSeconds: ptr(integer),
  path: always(string),
});

export const volumeProjection = struct({
  secret: ptr(secretProjection),
  downwardAPI: ptr(downwardAPIProjection),
  configMap: ptr(configMapProjection),
  serviceAccountToken: ptr(serviceAccountTokenProjection),
  clusterTrustBundle: ptr(clusterTrustBundleProjection),
  podCertificate: ptr(podCertificateProjection),
});

export const projectedVolumeSource = struct({
  sources: always(atomicList(volumeProjection)),
  defaultMode: ptr(integer),
});

export const quobyteVolumeSource = struct({
  registry: always(string),
  volume: always(string),
  readOnly: boolean,
  user: string,
  group: string,
  tenant: string,
});

export const rbdVolumeSource = struct({
  monitors: always(atomicList(string)),
  image: always(string),
  fsType: string,
  pool: string,
  user: string,
  keyring: string,
  secretRef: ptr(localObjectReference),
  readOnly: boolean,
});

export const scaleIOVolumeSource = struct({
  gateway: always(string),
  system: always(string),
  secretRef: ptr(localObjectReference, { omitEmpty: false }),
  sslEnabled: boolean,
  protectionDomain: string,
  storagePool: string,
  storageMode: string,
  volumeName: string,
  fsType: string,
  readOnly: boolean,
});

export const secretVolumeSource = struct({
  secretName: string,
  items: atomicList(keyToPath),
  defaultMode: ptr(integer),
  optional: ptr(boolean),
});

export const storageOSVolumeSource = struct({
  volumeName: string,
  volumeNamespace: string,
  fsType: string,
  readOnly: boolean,
  secretRef: ptr(localObjectReference),
});

export const vsphereVirtualDiskVolumeSource = struct({
  volumePath: always(string),
  fsType: string,
  storagePolicyName: string,
  storagePolicyID: string,
});

export const volume = struct({
  name: always(string),
  hostPath: ptr(hostPathVolumeSource),
  emptyDir: ptr(emptyDirVolumeSource),
  gcePersistentDisk: ptr(gcePersistentDiskVolumeSource),
  awsElasticBlockStore: ptr(awsElasticBlockStoreVolumeSource),
  gitRepo: ptr(gitRepoVolumeSource),
  secret: ptr(secretVolumeSource),
  nfs: ptr(nfsVolumeSource),
  iscsi: ptr(iscsiVolumeSource),
  glusterfs: ptr(glusterfsVolumeSource),
  persistentVolumeClaim: ptr(persistentVolumeClaimVolumeSource),
  rbd: ptr(rbdVolumeSource),
  flexVolume: ptr(flexVolumeSource),
  cinder: ptr(cinderVolumeSource),
  cephfs: ptr(cephFSVolumeSource),
  flocker: ptr(flockerVolumeSource),
  downwardAPI: ptr(downwardAPIVolumeSource),
  fc: ptr(fcVolumeSource),
  azureFile: ptr(azureFileVolumeSource),
  configMap: ptr(configMapVolumeSource),
  vsphereVolume: ptr(vsphereVirtualDiskVolumeSource),
  quobyte: ptr(quobyteVolumeSource),
  azureDisk: ptr(azureDiskVolumeSource),
  photonPersistentDisk: ptr(photonPersistentDiskVolumeSource),
  projected: ptr(projectedVolumeSource),
  portworxVolume: ptr(portworxVolumeSource),
  scaleIO: ptr(scaleIOVolumeSource),
  storageos: ptr(storageOSVolumeSource),
  csi: ptr(csiVolumeSource),
  ephemeral: ptr(ephemeralVolumeSource),
  image: ptr(imageVolumeSource),
});
