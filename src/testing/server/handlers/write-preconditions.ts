import { goParseError } from '../go/go-strconv.ts';
import { badRequest, internalError, staleWrite } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';

/**
 * The name a written object must have, as kube-apiserver checks it: one ("" is none), and
 * the one in the URL.
 */
export function requireRequestName(inObject: string | null | undefined, inUrl: string): void {
  if (inObject === undefined || inObject === null || inObject === '') {
    throw badRequest(`the name of the object (${inUrl} based on URL) was undeterminable: name must be provided`);
  }
  if (inObject !== inUrl) {
    throw badRequest(`the name of the object (${inObject}) does not match the name on the URL (${inUrl})`);
  }
}

/**
 * A resourceVersion in a written object is a precondition ("" is none): one that is not
 * a number fails in kube-apiserver's storage, which answers a bare 500; another than the
 * stored one is a 409 Conflict.
 */
export function checkResourceVersionPrecondition(
  type: ResourceType,
  name: string,
  requested: string | null | undefined,
  live: KubeObject,
): void {
  if (requested === undefined || requested === null || requested === '') return;
  const unparsable = goParseError('ParseUint', requested);
  if (unparsable !== undefined) throw internalError(unparsable);
  if (requested !== live.metadata?.resourceVersion) throw staleWrite(type, name);
}
