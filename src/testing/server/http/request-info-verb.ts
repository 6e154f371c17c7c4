/**
 * The verb kube-apiserver's RequestInfo gives a resource request, which RBAC and its
 * refusals name: by method alone, a name and `watch` telling get, list and watch, and
 * delete from deletecollection. Any other method has the empty verb (`cannot  resource`).
 */
export function requestInfoVerb(method: string, hasName: boolean, watching: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return hasName ? 'get' : watching ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return '';
  }
}
