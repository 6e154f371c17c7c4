// What a CRD may declare that the embedded server cannot honour, refused at the CRD's
// write with a 422 naming the limit, rather than accepted and silently ignored:
// CEL rules (x-kubernetes-validations are not evaluated) and conversion webhooks (no
// webhook is ever called). A deliberate difference from kube-apiserver, which accepts both.
import type { KubeObject } from '../../../core/object.ts';
import type { Cause } from '../http/status.ts';
import { specOf, versionsOf } from './crd-fields.ts';

const forbidden = (field: string, detail: string): Cause => ({
  reason: 'FieldValueForbidden',
  message: `Forbidden: ${detail}`,
  field,
});

const celLimit =
  'CEL validation rules are not evaluated by the embedded test server (kubeconflict); remove x-kubernetes-validations or test this CRD against kube-apiserver';
const webhookLimit =
  'conversion webhooks are not called by the embedded test server (kubeconflict); use strategy None or test this CRD against kube-apiserver';

export function unsupportedSchemaCauses(crd: KubeObject): Cause[] {
  const causes: Cause[] = [];
  versionsOf(crd).forEach((version, i) => {
    const schema = version.schema?.openAPIV3Schema;
    const where = `spec.versions[${String(i)}].schema.openAPIV3Schema`;
    for (const path of celRulePaths(schema, where)) causes.push(forbidden(path, celLimit));
  });
  const strategy = specOf(crd).conversion?.strategy;
  if (strategy === 'Webhook') causes.push(forbidden('spec.conversion.strategy', webhookLimit));
  return causes;
}

/** Where a schema declares x-kubernetes-validations, as kube-apiserver's paths name them. */
function celRulePaths(schema: unknown, path: string): string[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [];
  const node = schema as Record<string, unknown>;
  const found: string[] = [];
  if (node['x-kubernetes-validations'] !== undefined) found.push(`${path}.x-kubernetes-validations`);
  for (const key of ['properties', 'patternProperties', 'definitions'] as const) {
    const children = node[key];
    if (typeof children !== 'object' || children === null) continue;
    for (const [name, child] of Object.entries(children)) found.push(...celRulePaths(child, `${path}.${key}[${name}]`));
  }
  for (const key of ['items', 'additionalProperties', 'not'] as const)
    found.push(...celRulePaths(node[key], `${path}.${key}`));
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[key];
    if (Array.isArray(list))
      list.forEach((child, i) => found.push(...celRulePaths(child, `${path}.${key}[${String(i)}]`)));
  }
  return found;
}
