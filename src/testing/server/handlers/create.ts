import { randomInt } from 'node:crypto';
import { decodeObject } from '../http/decode-object.ts';
import { alreadyExists, internalError } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import { type PersistContext, persist } from './persist.ts';
import { requireRequestNamespace } from './request-namespace.ts';
import type { WriteRequest } from './write-request.ts';

// kube-apiserver's generateName alphabet: no vowels, no easily confused characters.
const suffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** POST to a collection. */
export function create(context: PersistContext, request: WriteRequest): { status: number; object: KubeObject } {
  const { type, namespace, body, manager, dryRun } = request;
  const object = decodeObject(body, type, request.contentType, request.bytes);
  const metadata = (object.metadata ??= {});
  requireRequestNamespace(type, metadata.namespace, namespace);
  if (metadata.resourceVersion !== undefined && metadata.resourceVersion !== '') {
    throw internalError('resourceVersion should not be set on objects to be created');
  }
  delete metadata.resourceVersion;
  if (!metadata.name && metadata.generateName) metadata.name = generatedName(metadata.generateName);
  const name = metadata.name ?? '';
  if (name !== '' && context.store.get(`${type.group}/${type.plural}`, namespace, name)) {
    // Validation runs first on the real server; a valid name that exists is the conflict.
    persist(context, { type, namespace, live: undefined, desired: object, manager, dryRun: true });
    throw alreadyExists(type, name);
  }
  const { object: stored } = persist(context, { type, namespace, live: undefined, desired: object, manager, dryRun });
  return { status: 201, object: stored };
}

function generatedName(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += suffixAlphabet.charAt(randomInt(suffixAlphabet.length));
  return `${prefix.slice(0, 58)}${suffix}`;
}
