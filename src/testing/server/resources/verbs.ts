/** The verbs discovery lists for a resource served by kube-apiserver's generic registry. */
export const standardVerbs = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
] as const;

/** The same without deletecollection (Namespaces). */
export const crud = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] as const;
