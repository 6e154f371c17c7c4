// The causes here are kube-apiserver v1.36.3's, recorded by the conformance cases in
// test/conformance/cases/invalid/rbac.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { clusterRoleBindings, clusterRoles, roleBindings, roles } from './rbac-types.ts';
import type { ResourceType } from '../resource-type.ts';

type Json = Record<string, unknown>;
function causesOf(type: ResourceType, body: Json, live?: Json): unknown {
  const object: KubeObject = { metadata: { name: 'x' }, ...body };
  type.applyDefaults?.(object);
  const before = live && ({ metadata: { name: 'x' }, ...live } as KubeObject);
  if (before) type.applyDefaults?.(before);
  return type.validate?.(object, before);
}
const fields = (causes: unknown): string[] =>
  (causes as { field: string; message: string }[]).map((c) => `${c.field}: ${c.message}`);

describe('RBAC validation', () => {
  it('requires verbs, and groups and resources of a resource rule', () => {
    assert.deepEqual(fields(causesOf(clusterRoles, { rules: [{}] })), [
      'rules[0].verbs: Required value: verbs must contain at least one value',
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
      'rules[0].resources: Required value: resource rules must supply at least one resource',
    ]);
  });

  it('refuses non-resource URLs in a Role, and beside resources in any rule', () => {
    const rule = { nonResourceURLs: ['/healthz'], verbs: ['get'], resources: ['pods'] };
    assert.deepEqual(fields(causesOf(roles, { rules: [rule] })), [
      'rules[0].nonResourceURLs: Invalid value: ["/healthz"]: namespaced rules cannot apply to non-resource URLs',
      'rules[0].nonResourceURLs: Invalid value: ["/healthz"]: rules cannot apply to both regular resources and non-resource URLs',
    ]);
    assert.deepEqual(causesOf(clusterRoles, { rules: [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }] }), []);
  });

  it('refuses roleRefs of other groups or kinds, or without a name', () => {
    assert.deepEqual(fields(causesOf(roleBindings, { roleRef: {} })), [
      'roleRef.kind: Unsupported value: "": supported values: "Role", "ClusterRole"',
      'roleRef.name: Required value',
    ]);
    const role = { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'x' };
    assert.deepEqual(fields(causesOf(clusterRoleBindings, { roleRef: role })), [
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
    ]);
  });

  it('refuses subjects without names, of unknown kinds, and ServiceAccounts of a group', () => {
    const subjects = [
      { kind: 'User' },
      { kind: 'Robot', name: 'r' },
      { kind: 'ServiceAccount', name: 'sa', apiGroup: 'rbac.authorization.k8s.io' },
    ];
    const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'x' };
    assert.deepEqual(fields(causesOf(roleBindings, { roleRef, subjects })), [
      'subjects[0].name: Required value',
      'subjects[1].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
      'subjects[2].apiGroup: Unsupported value: "rbac.authorization.k8s.io": supported values: ""',
    ]);
  });

  it('refuses any change of a roleRef, showing the new one as Go prints it', () => {
    const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'x' };
    assert.deepEqual(fields(causesOf(roleBindings, { roleRef: { ...roleRef, name: 'y' } }, { roleRef })), [
      'roleRef: Invalid value: {"APIGroup":"rbac.authorization.k8s.io","Kind":"Role","Name":"y"}: cannot change roleRef',
    ]);
    assert.deepEqual(causesOf(roleBindings, { roleRef }, { roleRef }), []);
  });
});
