// What kube-apiserver v1.36.3's ValidatePersistentVolumeClaimSpec refuses of a claim: no
// access mode, an unknown one, ReadWriteOncePod beside others, no storage request or one
// not above zero, an unknown volumeMode. Not checked: the spec's immutability on update
// (kube-apiserver's message carries a go-cmp diff), selectors, data sources, class names.
import type { KubeObject } from '../../../core/object.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { forbidden, notSupported } from './field-causes.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const accessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const volumeModes = ['Block', 'Filesystem'];

function accessModeCauses(modes: unknown[]): FieldCause[] {
  const causes: FieldCause[] = [];
  if (modes.length === 0) causes.push(required('spec.accessModes', 'at least 1 access mode is required'));
  for (const mode of modes)
    if (!accessModes.includes(mode as string)) causes.push(notSupported('spec.accessModes', mode, accessModes));
  const others = modes.some((mode) => mode !== 'ReadWriteOncePod' && accessModes.includes(mode as string));
  if (modes.includes('ReadWriteOncePod') && others)
    causes.push(forbidden('spec.accessModes', 'may not use ReadWriteOncePod with other access modes'));
  return causes;
}

/**
 * A storage request of zero or less. Go shows the quantity in its canonical form: `0` for
 * any zero; a negative one is shown as written (canonical when written so).
 */
function storageCauses(storage: unknown): FieldCause[] {
  const field = 'spec.resources[storage]';
  if (storage === undefined || storage === null) return [required(field, '')];
  const written = typeof storage === 'number' ? String(storage) : typeof storage === 'string' ? storage : '';
  const amount = Number.parseFloat(written);
  if (Number.isNaN(amount) || amount > 0) return [];
  return [invalidValue(field, amount === 0 ? '0' : written, 'must be greater than zero')];
}

export function validatePersistentVolumeClaim(object: KubeObject): FieldCause[] {
  const spec = isObject(object.spec) ? object.spec : {};
  const modes = Array.isArray(spec.accessModes) ? (spec.accessModes as unknown[]) : [];
  const resources = isObject(spec.resources) ? spec.resources : {};
  const requests = isObject(resources.requests) ? resources.requests : {};
  const { volumeMode } = spec;
  return [
    ...accessModeCauses(modes),
    ...storageCauses(requests.storage),
    ...(volumeMode != null && !volumeModes.includes(volumeMode as string)
      ? [notSupported('spec.volumeMode', volumeMode, volumeModes)]
      : []),
  ];
}
