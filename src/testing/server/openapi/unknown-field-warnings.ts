// fieldValidation=Warn, kube-apiserver's default: a create or update body of a custom
// resource keeps going without the fields its CRD's schema prunes, and the answer names
// each in a `Warning: 299 - "unknown field \"spec.foo\""` header, in prune's order.
import type { WriteRequest } from '../handlers/write-request.ts';
import { decodeObject } from '../http/decode-object.ts';

/** The Warning header values of a create or update of a custom resource; [] for others. */
export function unknownFieldWarnings(request: WriteRequest, verb: string | undefined): string[] {
  const { type } = request;
  if ((verb !== 'create' && verb !== 'update') || type.customSchema === undefined) return [];
  const directive = request.query.get('fieldValidation') ?? '';
  if (directive !== '' && directive !== 'Warn') return [];
  let paths: readonly string[];
  try {
    paths = type.customSchema.prune(decodeObject(request.body, type, request.contentType));
  } catch {
    return []; // the handler answers with the decoding error
  }
  return paths.map((path) => `299 - ${JSON.stringify(`unknown field "${path}"`)}`);
}
