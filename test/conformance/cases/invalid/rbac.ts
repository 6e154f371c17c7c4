// Roles, ClusterRoles and bindings kube-apiserver v1.36.3 refuses with 422: rules without
// verbs, resources or groups, non-resource URLs where they cannot be, and roleRefs that are
// incomplete or changed.
import type { ConformanceCase } from '../../conformance-case.ts';

type Json = Record<string, unknown>;
const rbac = '/apis/rbac.authorization.k8s.io/v1';
const roles = `${rbac}/namespaces/default/roles`;
const clusterRoles = `${rbac}/clusterroles`;
const roleBindings = `${rbac}/namespaces/default/rolebindings`;
const clusterRoleBindings = `${rbac}/clusterrolebindings`;
const role = (kind: string, name: string, rules: Json[]): Json => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind,
  metadata: { name },
  rules,
});
const binding = (kind: string, name: string, roleRef: Json, subjects?: Json[]): Json => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind,
  metadata: { name },
  roleRef,
  ...(subjects && { subjects }),
});
const ref = (kind: string, name: string, apiGroup = 'rbac.authorization.k8s.io'): Json => ({ apiGroup, kind, name });
const read = { apiGroups: [''], resources: ['pods'], verbs: ['get'] };

export const invalidRbacCases: ConformanceCase[] = [
  {
    name: 'invalid specs: Role and ClusterRole rules',
    steps: [
      () => ({
        method: 'POST',
        path: roles,
        body: role('Role', 'no-verbs', [{ apiGroups: [''], resources: ['pods'] }]),
      }),
      () => ({ method: 'POST', path: roles, body: role('Role', 'no-resources', [read, { verbs: ['get'] }]) }),
      () => ({
        method: 'POST',
        path: roles,
        body: role('Role', 'urls', [{ nonResourceURLs: ['/healthz'], verbs: ['get'], resources: ['pods'] }]),
      }),
      () => ({
        method: 'POST',
        path: clusterRoles,
        body: role('ClusterRole', 'invalid-urls', [{ nonResourceURLs: ['/healthz'], verbs: [], apiGroups: [''] }]),
      }),
      () => ({
        method: 'POST',
        path: clusterRoles,
        body: role('ClusterRole', 'invalid-empty-rule', [{}]),
      }),
      () => ({
        method: 'POST',
        path: clusterRoles,
        body: role('ClusterRole', 'invalid-valid-urls', [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }]),
      }),
      // RBAC names are path segments, not DNS subdomains: colons and capitals are allowed.
      () => ({ method: 'POST', path: clusterRoles, body: role('ClusterRole', 'invalid:Colon_Name', [read]) }),
      () => ({ method: 'POST', path: roles, body: role('Role', 'bad%name', [read]) }),
      () => ({
        method: 'PATCH',
        path: `${clusterRoles}/invalid-valid-urls`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { rules: [{ verbs: ['get'] }] },
      }),
    ],
  },
  {
    name: 'invalid specs: RoleBinding and ClusterRoleBinding roleRefs and subjects',
    steps: [
      () => ({ method: 'POST', path: roleBindings, body: binding('RoleBinding', 'no-ref', {}) }),
      () => ({ method: 'POST', path: roleBindings, body: binding('RoleBinding', 'bad-kind', ref('Pod', 'x', 'v1')) }),
      () => ({
        method: 'POST',
        path: clusterRoleBindings,
        body: binding('ClusterRoleBinding', 'invalid-role-kind', ref('Role', 'x')),
      }),
      () => ({
        method: 'POST',
        path: roleBindings,
        body: binding('RoleBinding', 'bad-subjects', ref('Role', 'x'), [
          { kind: 'User' },
          { kind: 'Robot', name: 'r' },
          { kind: 'ServiceAccount', name: 'sa', apiGroup: 'rbac.authorization.k8s.io' },
        ]),
      }),
      () => ({
        method: 'POST',
        path: clusterRoleBindings,
        body: binding('ClusterRoleBinding', 'invalid-sa', ref('ClusterRole', 'x'), [
          { kind: 'ServiceAccount', name: 'sa' },
        ]),
      }),
      () => ({ method: 'POST', path: roleBindings, body: binding('RoleBinding', 'good', ref('Role', 'x')) }),
      () => ({
        method: 'PATCH',
        path: `${roleBindings}/good`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { roleRef: { name: 'y' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${roleBindings}/good`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { roleRef: { kind: 'ClusterRole' } },
      }),
    ],
  },
];
