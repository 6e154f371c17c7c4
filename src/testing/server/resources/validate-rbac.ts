// What kube-apiserver v1.36.3 (pkg/apis/rbac/validation) refuses of Roles, ClusterRoles and
// their bindings, in its order: rules without verbs, without groups or resources, with
// non-resource URLs where they cannot be; roleRefs and subjects of unknown kinds or groups,
// without names; and any change of a binding's roleRef.
import type { KubeObject } from '../../../core/object.ts';
import { dnsSubdomainErrors, pathSegmentErrors } from '../../../core/names.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { notSupported } from './field-causes.ts';
import { type Json, isObject, objectsIn, text } from './json-fields.ts';

type Validate = (object: KubeObject, live: KubeObject | undefined) => FieldCause[];
const group = 'rbac.authorization.k8s.io';
const some = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

function ruleCauses(rule: Json, namespaced: boolean, path: string): FieldCause[] {
  const causes: FieldCause[] = [];
  if (!some(rule.verbs)) causes.push(required(`${path}.verbs`, 'verbs must contain at least one value'));
  if (some(rule.nonResourceURLs)) {
    const urls = rule.nonResourceURLs;
    if (namespaced)
      causes.push(invalidValue(`${path}.nonResourceURLs`, urls, 'namespaced rules cannot apply to non-resource URLs'));
    if (some(rule.apiGroups) || some(rule.resources) || some(rule.resourceNames))
      causes.push(
        invalidValue(
          `${path}.nonResourceURLs`,
          urls,
          'rules cannot apply to both regular resources and non-resource URLs',
        ),
      );
    return causes;
  }
  if (!some(rule.apiGroups))
    causes.push(required(`${path}.apiGroups`, 'resource rules must supply at least one api group'));
  if (!some(rule.resources))
    causes.push(required(`${path}.resources`, 'resource rules must supply at least one resource'));
  return causes;
}

const rulesCauses =
  (namespaced: boolean): Validate =>
  (object) =>
    objectsIn(object.rules).flatMap((rule, index) => ruleCauses(rule, namespaced, `rules[${String(index)}]`));

export const validateRole = rulesCauses(true);
export const validateClusterRole = rulesCauses(false);

function roleRefCauses(roleRef: Json, kinds: readonly string[]): FieldCause[] {
  const causes: FieldCause[] = [];
  if (text(roleRef.apiGroup) !== group) causes.push(notSupported('roleRef.apiGroup', text(roleRef.apiGroup), [group]));
  if (!kinds.includes(text(roleRef.kind))) causes.push(notSupported('roleRef.kind', text(roleRef.kind), kinds));
  const name = text(roleRef.name);
  if (name === '') causes.push(required('roleRef.name', ''));
  else for (const detail of pathSegmentErrors(name)) causes.push(invalidValue('roleRef.name', name, detail));
  return causes;
}

function subjectCauses(subject: Json, namespaced: boolean, path: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const name = text(subject.name);
  const apiGroup = text(subject.apiGroup);
  if (name === '') causes.push(required(`${path}.name`, ''));
  switch (subject.kind) {
    case 'ServiceAccount':
      if (name !== '')
        for (const detail of dnsSubdomainErrors(name)) causes.push(invalidValue(`${path}.name`, name, detail));
      if (apiGroup !== '') causes.push(notSupported(`${path}.apiGroup`, apiGroup, ['']));
      if (!namespaced && text(subject.namespace) === '') causes.push(required(`${path}.namespace`, ''));
      break;
    case 'User':
    case 'Group':
      if (apiGroup !== group) causes.push(notSupported(`${path}.apiGroup`, apiGroup, [group]));
      break;
    default:
      causes.push(notSupported(`${path}.kind`, text(subject.kind), ['ServiceAccount', 'User', 'Group']));
  }
  return causes;
}

/** Go's JSON of the internal RoleRef (no JSON tags: its fields' own names). */
const roleRefValue = (roleRef: Json) => ({
  APIGroup: text(roleRef.apiGroup),
  Kind: text(roleRef.kind),
  Name: text(roleRef.name),
});

const bindingCauses =
  (namespaced: boolean, kinds: readonly string[]): Validate =>
  (object, live) => {
    const roleRef = isObject(object.roleRef) ? object.roleRef : {};
    const subjects = objectsIn(object.subjects);
    const causes = [
      ...roleRefCauses(roleRef, kinds),
      ...subjects.flatMap((subject, index) => subjectCauses(subject, namespaced, `subjects[${String(index)}]`)),
    ];
    const before = roleRefValue(isObject(live?.roleRef) ? live.roleRef : {});
    const after = roleRefValue(roleRef);
    if (live && JSON.stringify(before) !== JSON.stringify(after))
      causes.push(invalidValue('roleRef', after, 'cannot change roleRef'));
    return causes;
  };

export const validateRoleBinding = bindingCauses(true, ['Role', 'ClusterRole']);
export const validateClusterRoleBinding = bindingCauses(false, ['ClusterRole']);
