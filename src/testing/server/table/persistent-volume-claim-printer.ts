// The printer of v1 PersistentVolumeClaims (k8s.io/kubernetes pkg/printers/internalversion
// printPersistentVolumeClaim): columns and descriptions as kube-apiserver v1.36.3 sends
// them, cells as that function computes them with the wide options the server passes.
import { ageColumn, column, nameColumn, type Printer } from './column-definitions.ts';
import { age } from './human-duration.ts';
import { type Json, objectAt, text } from './json-access.ts';

const accessModeAbbreviations: readonly (readonly [string, string])[] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** GetAccessModesAsString: the modes held, abbreviated, always in this order, once each. */
function accessModesString(modes: unknown): string {
  const held = Array.isArray(modes) ? modes : [];
  return accessModeAbbreviations
    .filter(([mode]) => held.includes(mode))
    .map(([, abbreviation]) => abbreviation)
    .join(',');
}

/** GetPersistentVolumeClaimClass: the beta annotation first, then storageClassName. */
function storageClass(metadata: Json, spec: Json): string {
  const annotations = objectAt(metadata, 'annotations');
  const beta = 'volume.beta.kubernetes.io/storage-class';
  if (beta in annotations) return text(annotations[beta]);
  return text(spec.storageClassName);
}

/** The claim's storage capacity; a missing one is Go's zero Quantity, `0`. */
const storageCapacity = (status: Json): string => {
  const storage = objectAt(status, 'capacity').storage;
  return typeof storage === 'string' ? storage : '0';
};

export const persistentVolumeClaimPrinter: Printer = {
  columns: [
    nameColumn,
    column('Status', 'phase represents the current phase of PersistentVolumeClaim.'),
    column('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    column('Capacity', 'capacity represents the actual resources of the underlying volume.'),
    column(
      'Access Modes',
      'accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1',
    ),
    column('StorageClass', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pvc'),
    ageColumn,
    column(
      'VolumeMode',
      'volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.',
      { priority: 1 },
    ),
  ],
  cells: (object, now) => {
    const metadata = (object.metadata ?? {}) as Json;
    const spec = objectAt(object, 'spec');
    const status = objectAt(object, 'status');
    const volumeName = text(spec.volumeName);
    // Capacity and access modes are the bound volume's: empty until the claim names one.
    const bound = volumeName !== '';
    return [
      text(metadata.name),
      metadata.deletionTimestamp ? 'Terminating' : text(status.phase),
      volumeName,
      bound ? storageCapacity(status) : '',
      bound ? accessModesString(status.accessModes) : '',
      storageClass(metadata, spec),
      typeof spec.volumeAttributesClassName === 'string' ? spec.volumeAttributesClassName : '<unset>',
      age(metadata.creationTimestamp, now),
      typeof spec.volumeMode === 'string' ? spec.volumeMode : '<unset>',
    ];
  },
};
