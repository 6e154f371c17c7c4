import type { IncomingHttpHeaders } from 'node:http';
import { invalidOptions } from '../http/status.ts';
import type { ResourceType } from '../resource-type.ts';

/** What every write handler needs to know about its request. */
export interface WriteRequest {
  readonly type: ResourceType;
  /** '' for cluster-scoped resources. */
  readonly namespace: string;
  readonly name: string | undefined;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The body as it came: protobuf bodies are not text. */
  readonly bytes: Uint8Array;
  /** The request's Content-Type ('' when absent). */
  readonly contentType: string;
  readonly manager: string;
  readonly dryRun: boolean;
  /** `status` or `finalize` for a write through that subresource. */
  readonly subresource?: 'status' | 'finalize';
  /** Adds a Warning header to the answer. @default none sent */
  readonly warn?: (text: string) => void;
}

/** `fieldManager`, else the User-Agent's product token, else "unknown" (as kube-apiserver). */
export function managerOf(query: URLSearchParams, headers: IncomingHttpHeaders): string {
  const explicit = query.get('fieldManager');
  if (explicit) return explicit;
  const userAgent = headers['user-agent'] ?? '';
  const product = userAgent.split('/')[0]?.slice(0, 128) ?? '';
  return product === '' ? 'unknown' : product;
}

const optionsKind = {
  create: 'CreateOptions',
  update: 'UpdateOptions',
  patch: 'PatchOptions',
  delete: 'DeleteOptions',
};

/** `dryRun=All` runs every step but the write; any other value is refused like the real server. */
export function dryRunOf(query: URLSearchParams, verb: keyof typeof optionsKind): boolean {
  const values = query.getAll('dryRun');
  if (values.length === 0) return false;
  if (values.every((value) => value === 'All')) return true;
  const message = `Unsupported value: ${JSON.stringify(values)}: supported values: "All"`;
  throw invalidOptions(optionsKind[verb], [{ reason: 'FieldValueNotSupported', message, field: 'dryRun' }]);
}
