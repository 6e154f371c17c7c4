// Printers of the access kinds (k8s.io/kubernetes pkg/printers/internalversion
// printServiceAccount, printRoleBinding, printClusterRoleBinding; Roles and ClusterRoles have
// none, so kube-apiserver's default table convertor prints them): columns and descriptions as
// kube-apiserver v1.36.3 sends them.
import type { KubeObject } from '../../../core/object.ts';
import { ageColumn, ageDescription, column, nameColumn, type Printer } from './column-definitions.ts';
import { age } from './human-duration.ts';

type Json = Record<string, unknown>;
const name = (object: KubeObject) => object.metadata?.name ?? '';
const created = (object: KubeObject, now: Date) => age(object.metadata?.creationTimestamp, now);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

export const serviceAccountPrinter: Printer = {
  columns: [nameColumn, ageColumn],
  cells: (object, now) => [name(object), created(object, now)],
};

/** rest's default table convertor: the name and the creation time in RFC 3339, UTC. */
export const createdAtPrinter: Printer = {
  columns: [nameColumn, column('Created At', ageDescription, { type: 'date' })],
  cells: (object) => {
    const createdAt = Date.parse(text(object.metadata?.creationTimestamp));
    const iso = Number.isNaN(createdAt) ? '0001-01-01T00:00:00Z' : new Date(createdAt).toISOString();
    return [name(object), iso.replace(/\.\d{3}Z$/, 'Z')];
  },
};

/** rbac.SubjectsStrings: users, groups and `namespace/name` of ServiceAccounts, each joined by ", ". */
function subjectCells(object: KubeObject): string[] {
  const subjects = (Array.isArray(object.subjects) ? object.subjects : []) as Json[];
  const of = (kind: string, cell: (subject: Json) => string) =>
    subjects
      .filter((subject) => subject.kind === kind)
      .map(cell)
      .join(', ');
  return [
    of('User', (subject) => text(subject.name)),
    of('Group', (subject) => text(subject.name)),
    of('ServiceAccount', (subject) => `${text(subject.namespace)}/${text(subject.name)}`),
  ];
}

const bindingPrinter = (columns: Printer['columns']): Printer => ({
  columns,
  cells: (object, now) => {
    const roleRef = (object.roleRef ?? {}) as Json;
    return [name(object), `${text(roleRef.kind)}/${text(roleRef.name)}`, created(object, now), ...subjectCells(object)];
  },
});

export const roleBindingPrinter = bindingPrinter([
  nameColumn,
  column(
    'Role',
    'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.',
  ),
  ageColumn,
  column('Users', 'Users in the roleBinding', { priority: 1 }),
  column('Groups', 'Groups in the roleBinding', { priority: 1 }),
  column('ServiceAccounts', 'ServiceAccounts in the roleBinding', { priority: 1 }),
]);

export const clusterRoleBindingPrinter = bindingPrinter([
  nameColumn,
  column(
    'Role',
    'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.',
  ),
  ageColumn,
  column('Users', 'Users in the clusterRoleBinding', { priority: 1 }),
  column('Groups', 'Groups in the clusterRoleBinding', { priority: 1 }),
  column('ServiceAccounts', 'ServiceAccounts in the clusterRoleBinding', { priority: 1 }),
]);
