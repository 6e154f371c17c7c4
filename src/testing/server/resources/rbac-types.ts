// rbac.authorization.k8s.io/v1 Roles, ClusterRoles and their bindings, with the defaults
// kube-apiserver v1.36.3 fills in (pkg/apis/rbac/v1/defaults.go). Stored and served only:
// the embedded server allows every authenticated request whatever they say.
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { standardVerbs } from './verbs.ts';
import { validateClusterRole, validateClusterRoleBinding, validateRole, validateRoleBinding } from './validate-rbac.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const group = 'rbac.authorization.k8s.io';

/** A binding's roleRef and subjects name the RBAC group unless set (a ServiceAccount has none). */
function defaultBinding(object: KubeObject): void {
  if (isObject(object.roleRef)) object.roleRef.apiGroup ||= group;
  if (!Array.isArray(object.subjects)) return;
  for (const subject of object.subjects as unknown[]) {
    if (isObject(subject) && !subject.apiGroup && (subject.kind === 'User' || subject.kind === 'Group'))
      subject.apiGroup = group;
  }
}

const rbacType = (kind: string, namespaced: boolean, binding: boolean): ResourceType => ({
  group,
  version: 'v1',
  kind,
  plural: `${kind.toLowerCase()}s`,
  singular: kind.toLowerCase(),
  namespaced,
  shortNames: [],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'none',
  statusSubresource: false,
  ...(binding && { applyDefaults: defaultBinding }),
});

export const roles: ResourceType = { ...rbacType('Role', true, false), validate: validateRole };
export const roleBindings: ResourceType = { ...rbacType('RoleBinding', true, true), validate: validateRoleBinding };
export const clusterRoles: ResourceType = { ...rbacType('ClusterRole', false, false), validate: validateClusterRole };
export const clusterRoleBindings: ResourceType = {
  ...rbacType('ClusterRoleBinding', false, true),
  validate: validateClusterRoleBinding,
};

export const rbacTypes: readonly ResourceType[] = [clusterRoleBindings, clusterRoles, roleBindings, roles];
