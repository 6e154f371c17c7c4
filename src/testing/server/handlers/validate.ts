// The validation kube-apiserver applies to every object: names and labels; each kind's own
// rules are its ResourceType's `validate`. Messages are the real server's, word for word.
import {
  dnsLabelErrors,
  dnsSubdomainErrors,
  labelKeyErrors,
  labelValueErrors,
  pathSegmentErrors,
} from '../../../core/names.ts';
import { type Cause, invalid } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import type { CustomResourceSchema } from '../crd/custom-resource-schema.ts';

export const invalidValue = (field: string, value: unknown, detail: string): Cause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
  field,
});
export const required = (field: string, detail: string): Cause => ({
  reason: 'FieldValueRequired',
  message: `Required value${detail ? `: ${detail}` : ''}`,
  field,
});

/**
 * A Namespace's name is a DNS-1123 label, and so is a Service's (kube-apiserver v1.36's
 * RelaxedServiceNameValidation, on by default, in place of DNS-1035); an RBAC object's a
 * path segment (`system:aggregate-to-view`); every other kind's a DNS-1123 subdomain.
 */
function nameErrors(type: ResourceType, name: string): string[] {
  if (type.group === 'rbac.authorization.k8s.io') return pathSegmentErrors(name);
  const label = type.group === '' && (type.kind === 'Namespace' || type.kind === 'Service');
  return label ? dnsLabelErrors(name) : dnsSubdomainErrors(name);
}

export function labelCauses(field: string, labels: unknown): Cause[] {
  if (labels === undefined || labels === null) return [];
  const causes: Cause[] = [];
  for (const [key, value] of Object.entries(labels as Record<string, unknown>)) {
    for (const detail of labelKeyErrors(key)) causes.push(invalidValue(field, key, detail));
    for (const detail of labelValueErrors(String(value))) causes.push(invalidValue(field, value, detail));
  }
  return causes;
}

/** Throws the real server's 422 when `object` is not valid. */
export function validateObject(
  type: ResourceType,
  object: KubeObject,
  live?: KubeObject,
  subresource?: 'status' | 'finalize',
): void {
  const metadata = object.metadata ?? {};
  const name = metadata.name ?? '';
  const causes: Cause[] = [];
  if (name === '') causes.push(required('metadata.name', 'name or generateName is required'));
  else
    for (const detail of type.nameErrors?.(name, object) ?? nameErrors(type, name))
      causes.push(invalidValue('metadata.name', name, detail));
  const { generation } = metadata;
  if (typeof generation === 'number' && generation < 0)
    causes.push(invalidValue('metadata.generation', generation, 'must be greater than or equal to 0'));
  causes.push(...labelCauses('metadata.labels', metadata.labels));
  if (type.validate) causes.push(...type.validate(object, live));
  if (type.customSchema) causes.push(...customSchemaCauses(type.customSchema, object, live, subresource));
  if (causes.length > 0) throw invalid(type, name, causes);
}

/** A custom resource's schema errors: of the whole object, or of `status` alone on a status write. */
function customSchemaCauses(
  schema: CustomResourceSchema,
  object: KubeObject,
  live: KubeObject | undefined,
  subresource: string | undefined,
): readonly Cause[] {
  return subresource === 'status' && live ? schema.validateStatus(object, live) : schema.validate(object, live);
}
