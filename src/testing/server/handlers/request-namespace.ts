import { badRequest } from '../http/status.ts';
import type { ResourceType } from '../resource-type.ts';

/** A body may name its namespace, but only the one in the URL. */
export function requireRequestNamespace(type: ResourceType, inBody: string | undefined, inUrl: string): void {
  if (type.namespaced && inBody !== undefined && inBody !== '' && inBody !== inUrl) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
}
