// kube-apiserver's validation of a CustomResourceDefinition (apiextensions-apiserver's
// ValidateCustomResourceDefinition) for the mistakes people make, in its order and
// words. A v1 CRD is validated in its internal form, where what every version shares
// (schema, subresources, printer columns) sits at the top level: paths follow that.
import { dns1035LabelErrors, dnsSubdomainErrors } from '../../../core/names.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { Cause } from '../http/status.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { type CrdNames, type CrdVersion, isEstablished, specOf, statusOf, versionsOf } from './crd-fields.ts';
import { columnCauses } from './validate-columns.ts';
import { selectableFieldCauses } from './validate-selectable-fields.ts';
import { unsupportedSchemaCauses } from './unsupported-features.ts';

export const notSupported = (field: string, value: string, accepted: readonly string[]): Cause => ({
  reason: 'FieldValueNotSupported',
  message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${accepted.map((a) => JSON.stringify(a)).join(', ')}`,
  field,
});

/** Every cause kube-apiserver would give for `crd` on create, or on update of `live`. */
export function crdCauses(crd: KubeObject, live?: KubeObject): Cause[] {
  const spec = specOf(crd);
  const names = spec.names ?? {};
  const name = crd.metadata?.name ?? '';
  const causes: Cause[] = [];
  // The name rule is create's; an update checks the name only against the stored one.
  if (!live && name !== '' && name !== `${names.plural ?? ''}.${spec.group ?? ''}`) {
    causes.push(invalidValue('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  }
  causes.push(...groupCauses(spec.group ?? ''));
  const scope = spec.scope ?? '';
  if (scope === '') causes.push(required('spec.scope', ''));
  else if (scope !== 'Cluster' && scope !== 'Namespaced') {
    causes.push(notSupported('spec.scope', scope, ['Cluster', 'Namespaced']));
  }
  causes.push(...versionCauses(versionsOf(crd)));
  causes.push(...requiredNameCauses(names), ...nameCauses(names));
  causes.push(...unsupportedSchemaCauses(crd), ...versionSectionCauses(versionsOf(crd)));
  if (live) causes.push(...immutableCauses(crd, live));
  causes.push(...storedVersionCauses(crd));
  return causes;
}

/**
 * Printer columns and selectable fields: each version's (columns, then fields), then the
 * ones every version shares, as kube-apiserver validates the internal form.
 */
function versionSectionCauses(versions: readonly CrdVersion[]): Cause[] {
  const [columns, fields] = [columnCauses(versions), selectableFieldCauses(versions)];
  const perVersion = versions.flatMap((_, i) => [...(columns.perVersion[i] ?? []), ...(fields.perVersion[i] ?? [])]);
  return [...perVersion, ...columns.shared, ...fields.shared];
}

/** What an update may not change: group and plural ever, scope and kind once established. */
function immutableCauses(crd: KubeObject, live: KubeObject): Cause[] {
  const [spec, old] = [specOf(crd), specOf(live)];
  const fields: [string, string | undefined, string | undefined][] = [
    ['spec.group', spec.group, old.group],
    ['spec.names.plural', spec.names?.plural, old.names?.plural],
  ];
  if (isEstablished(live)) {
    fields.unshift(['spec.scope', spec.scope, old.scope], ['spec.names.kind', spec.names?.kind, old.names?.kind]);
  }
  return fields
    .filter(([, value, previous]) => (value ?? '') !== (previous ?? ''))
    .map(([field, value]) => invalidValue(field, value ?? '', 'field is immutable'));
}

function groupCauses(group: string): Cause[] {
  if (group === '') return [required('spec.group', '')];
  const errors = dnsSubdomainErrors(group);
  if (errors.length > 0) return [invalidValue('spec.group', group, errors.join(','))];
  if (!group.includes('.')) return [invalidValue('spec.group', group, 'should be a domain with at least one dot')];
  return [];
}

function versionCauses(versions: readonly CrdVersion[]): Cause[] {
  const causes: Cause[] = [];
  versions.forEach((version, i) => {
    if (version.schema?.openAPIV3Schema === undefined) {
      causes.push(required(`spec.versions[${String(i)}].schema.openAPIV3Schema`, ''));
    }
  });
  versions.forEach((version, i) => {
    const errors = dns1035LabelErrors(version.name ?? '');
    if (errors.length > 0)
      causes.push(invalidValue(`spec.versions[${String(i)}].name`, version.name ?? '', errors.join(',')));
  });
  const unique = new Set(versions.map((version) => version.name)).size === versions.length;
  if (!unique)
    causes.push(invalidValue('spec.versions', internalVersions(versions), 'must contain unique version names'));
  if (versions.filter((version) => version.storage === true).length !== 1) {
    causes.push(
      invalidValue(
        'spec.versions',
        internalVersions(versions),
        'must have exactly one version marked as storage version',
      ),
    );
  }
  return causes;
}

/**
 * The versions as Go's message prints them: the internal type's JSON. What every version
 * shares moved to the top level, so it reads null here (versions that differ in schema,
 * subresources or columns are printed with those null too: a known approximation).
 */
const internalVersions = (versions: readonly CrdVersion[]) =>
  versions.map((version) => ({
    Name: version.name ?? '',
    Served: version.served ?? false,
    Storage: version.storage ?? false,
    Deprecated: version.deprecated ?? false,
    DeprecationWarning: version.deprecationWarning ?? null,
    Schema: null,
    Subresources: null,
    AdditionalPrinterColumns: null,
    SelectableFields: null,
  }));

function requiredNameCauses(names: CrdNames): Cause[] {
  const fields = ['plural', 'singular', 'kind', 'listKind'] as const;
  return fields.filter((field) => (names[field] ?? '') === '').map((field) => required(`spec.names.${field}`, ''));
}

function nameCauses(names: CrdNames): Cause[] {
  const causes: Cause[] = [];
  const label = (field: string, value: string | undefined, lower = false, prefix = '') => {
    if (value === undefined || value === '') return;
    const errors = dns1035LabelErrors(lower ? value.toLowerCase() : value);
    if (errors.length > 0) causes.push(invalidValue(field, value, prefix + errors.join(',')));
  };
  const mixedCase = 'may have mixed case, but should otherwise match: ';
  label('spec.names.plural', names.plural);
  label('spec.names.singular', names.singular);
  label('spec.names.kind', names.kind, true, mixedCase);
  label('spec.names.listKind', names.listKind, true, mixedCase);
  (names.shortNames ?? []).forEach((short, i) => {
    label(`spec.names.shortNames[${String(i)}]`, short);
  });
  if ((names.kind ?? '') !== '' && names.kind === names.listKind) {
    causes.push(invalidValue('spec.names.listKind', names.listKind, 'kind and listKind may not be the same'));
  }
  (names.categories ?? []).forEach((category, i) => {
    label(`spec.names.categories[${String(i)}]`, category);
  });
  return causes;
}

function storedVersionCauses(crd: KubeObject): Cause[] {
  const stored = statusOf(crd).storedVersions ?? null;
  const field = 'status.storedVersions';
  if (stored === null || stored.length === 0) {
    return [invalidValue(field, stored, 'must have at least one stored version')];
  }
  const causes: Cause[] = [];
  const remaining = new Set(stored);
  for (const version of versionsOf(crd)) {
    const name = version.name ?? '';
    if (version.storage === true && !remaining.has(name)) {
      causes.push(invalidValue(field, stored, `must have the storage version ${name}`));
    }
    remaining.delete(name);
  }
  for (const version of remaining) {
    const detail = `missing from spec.versions; ${version} was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in ${version} and removes ${version} from status.storedVersions`;
    causes.push(invalidValue(`${field}[${String(stored.indexOf(version))}]`, version, detail));
  }
  return causes;
}
