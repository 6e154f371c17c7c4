import { decodeJson } from '../http/decode-json.ts';
import { decodeYaml } from '../http/decode-yaml.ts';
import {
  decodeObject,
  decodeRaw,
  notRegistered,
  ProtobufDecodeError,
  protobufMediaType,
  readEnvelope,
} from '../protobuf/index.ts';
import { typeOfKindFinder } from '../http/decode-object.ts';
import { kindFinderError } from '../http/kind-decoding.ts';
import { mediaTypes } from '../http/negotiate.ts';
import { badRequest, type Cause, invalidOptions, StatusError, unknownBodyFormat } from '../http/status.ts';
import { goJsonKind, isJsonObject, type JsonObject } from '../patch/json-value.ts';
import { goQuote } from '../go/go-quote.ts';
import { goParseError } from '../go/go-strconv.ts';

export interface DeleteOptions {
  readonly preconditions?: { readonly resourceVersion?: string; readonly uid?: string } | null;
  readonly dryRun?: readonly string[] | null;
  readonly gracePeriodSeconds?: number | null;
  readonly propagationPolicy?: string | null;
  readonly orphanDependents?: boolean | null;
}

/**
 * The options of a DELETE without a body, from its query (`propagationPolicy`,
 * `orphanDependents`, `gracePeriodSeconds`; `dryRun` is read with the other verbs'),
 * converted as Go's query conversion does (a flag is false only for `0` or `false`, an
 * integer that does not parse is a 400), then validated as a body's are.
 */
export function deleteOptionsFromQuery(query: URLSearchParams): DeleteOptions {
  const options: JsonObject = {};
  const grace = query.get('gracePeriodSeconds');
  if (grace !== null) {
    const error = goParseError('ParseInt', grace);
    if (error !== undefined) throw badRequest(error);
    options.gracePeriodSeconds = Number(grace);
  }
  const orphan = query.get('orphanDependents');
  if (orphan !== null) options.orphanDependents = !(orphan === '0' || orphan.toLowerCase() === 'false');
  const policy = query.get('propagationPolicy');
  if (policy !== null) options.propagationPolicy = policy;
  return validated(options);
}

/** Media types kube-apiserver decodes a DeleteOptions body from ('' is taken as JSON). */
const decodedMediaTypes = ['', ...mediaTypes];

const unknownFormat = () => unknownBodyFormat(mediaTypes);

/** Whether kube-apiserver takes a DELETE's options from its body (then it ignores the query's). */
export function deleteOptionsInBody(bodyHasLength: boolean, body: string): boolean {
  return bodyHasLength && body !== '';
}

/**
 * Decodes a DELETE body as kube-apiserver does (into meta.k8s.io/v1 DeleteOptions, before
 * it looks the object up), refusing with its exact Status: 415 for a media type it does
 * not decode, 400 for bad JSON, a kind other than DeleteOptions or a field of the wrong
 * type, 422 for values DeleteOptions validation refuses.
 */
export function decodeDeleteOptions(
  body: string,
  contentType: string,
  bytes: Uint8Array = Buffer.from(body),
): DeleteOptions {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!decodedMediaTypes.includes(mediaType)) throw unknownFormat();
  if (mediaType === protobufMediaType) return validated(decodeProtobufOptions(bytes));
  const unrecognized = (detail: string) => badRequest(`couldn't get version/kind; json parse error: ${detail}`);
  const parsed = mediaType === 'application/yaml' ? parseYaml(body) : parseJson(body, unrecognized);
  if (parsed === null) return {};
  if (!isJsonObject(parsed)) {
    throw unrecognized(`json: cannot unmarshal ${goJsonKind(parsed)} into Go value of type ${typeOfKindFinder}`);
  }
  const kindError = kindFinderError(parsed);
  if (kindError !== undefined) throw unrecognized(kindError);
  checkKind(parsed);
  const typeError = fieldTypeError(
    parsed,
    mediaType === 'application/yaml' ? new Map<number, string[]>() : rawNumbers(body),
  );
  if (typeError !== undefined) throw badRequest(typeError);
  return validated(parsed);
}

/** DeleteOptions validation, whatever format they came in: 422 naming each bad field. */
function validated(options: JsonObject): DeleteOptions {
  checkKind(options);
  const causes = validationCauses(options);
  if (causes.length > 0) throw invalidOptions('DeleteOptions', causes);
  return options;
}

const notProtobuf = 'does not implement the protobuf marshalling interface and cannot be encoded to a protobuf message';
const metaDeleteOptions = { apiVersion: 'meta.k8s.io/v1', kind: 'DeleteOptions' };

/**
 * A protobuf DeleteOptions, decoded as kube-apiserver does with its meta scheme (defaults
 * meta.k8s.io/v1 DeleteOptions): DeleteOptions and Status are known in every version, a
 * kind that scheme does not know is refused before its bytes are read. An unreadable
 * body is answered with the decoder's bare message.
 */
function decodeProtobufOptions(bytes: Uint8Array): JsonObject {
  try {
    const { apiVersion, kind, raw, quoted } = readEnvelope(bytes, metaDeleteOptions);
    if (kind === 'DeleteOptions') return decodeRaw(raw, metaDeleteOptions);
    if (kind === 'Status') return decodeRaw(raw, { apiVersion: 'v1', kind });
    const known = unversionedKinds.has(kind) || (apiVersion === 'meta.k8s.io/v1' && metaV1Kinds.has(kind));
    if (!known) throw badRequest(notRegistered({ apiVersion, kind }, quoted));
    // The one kind there without a protobuf form.
    if (kind === 'Table') throw badRequest(`object *v1.Table ${notProtobuf}`);
    return decodeObject(bytes, metaDeleteOptions);
  } catch (error) {
    if (error instanceof ProtobufDecodeError) throw badRequest(error.message);
    throw error;
  }
}

function parseJson(body: string, unrecognized: (detail: string) => StatusError): unknown {
  const decoded = decodeJson(body);
  if ('error' in decoded) throw unrecognized(decoded.error);
  return decoded.value;
}

/** YAML is turned into JSON first, so its errors are go-yaml's own. */
function parseYaml(body: string): unknown {
  const decoded = decodeYaml(body);
  if ('value' in decoded) return decoded.value;
  throw badRequest('goError' in decoded ? decoded.goError : `yaml: ${decoded.parseError.message}`);
}

/**
 * Kinds meta's scheme knows, as Go names their types: decoding one succeeds, and then
 * converting it to DeleteOptions fails. Unversioned ones are known in every version.
 */
const unversionedKinds = new Map([
  ['Status', 'v1.Status'],
  ['APIVersions', 'v1.APIVersions'],
  ['APIGroupList', 'v1.APIGroupList'],
  ['APIGroup', 'v1.APIGroup'],
  ['APIResourceList', 'v1.APIResourceList'],
  ['CreateOptions', 'v1.CreateOptions'],
  ['UpdateOptions', 'v1.UpdateOptions'],
]);
const metaV1Kinds = new Map([
  ['ListOptions', 'v1.ListOptions'],
  ['GetOptions', 'v1.GetOptions'],
  ['PatchOptions', 'v1.PatchOptions'],
  ['WatchEvent', 'v1.WatchEvent'],
  ['Table', 'v1.Table'],
  ['TableOptions', 'v1.TableOptions'],
  ['PartialObjectMetadata', 'v1.PartialObjectMetadata'],
  ['PartialObjectMetadataList', 'v1.PartialObjectMetadataList'],
]);

/** A kind other than DeleteOptions (absent means DeleteOptions) is refused as Go refuses it. */
function checkKind(options: JsonObject): void {
  const apiVersion = typeof options.apiVersion === 'string' ? options.apiVersion : '';
  const kind = typeof options.kind === 'string' ? options.kind : '';
  if (apiVersion.split('/').length > 2) throw badRequest(`unexpected GroupVersion string: ${apiVersion}`);
  if (kind === '' || kind === 'DeleteOptions') return;
  const version = apiVersion === '' ? 'meta.k8s.io/v1' : apiVersion;
  const goType = unversionedKinds.get(kind) ?? (version === 'meta.k8s.io/v1' ? metaV1Kinds.get(kind) : undefined);
  if (goType !== undefined) throw badRequest(`converting (${goType}) to (v1.DeleteOptions): unknown conversion`);
  throw badRequest(`no kind "${kind}" is registered for version "${version}" in scheme "pkg/runtime/scheme.go:111"`);
}

/** The source text of every number in `body`, in document order (Go's errors quote it). */
function rawNumbers(body: string): Map<number, string[]> {
  const sources = new Map<number, string[]>();
  JSON.parse(body, (_key, value: unknown, context?: { source?: string }) => {
    if (typeof value === 'number' && context?.source !== undefined) {
      sources.set(value, [...(sources.get(value) ?? []), context.source]);
    }
    return value;
  });
  return sources;
}

const int64Max = 2n ** 63n - 1n;

/** Whether a JSON number's text is an integer Go decodes into an int64. */
function fitsInt64(source: string): boolean {
  if (!/^-?\d+$/.test(source)) return false;
  const value = BigInt(source);
  return value <= int64Max && value >= -int64Max - 1n;
}

/** Go's type of each DeleteOptions field, as its errors name them. */
const fieldTypes: Record<string, 'int64' | 'bool' | 'v1.DeletionPropagation' | '[]string' | 'v1.Preconditions'> = {
  gracePeriodSeconds: 'int64',
  preconditions: 'v1.Preconditions',
  orphanDependents: 'bool',
  propagationPolicy: 'v1.DeletionPropagation',
  dryRun: '[]string',
  ignoreStoreReadErrorWithClusterBreakingPotential: 'bool',
};

/** Go's first type error decoding the fields, in document order; unknown fields are ignored. */
function fieldTypeError(options: JsonObject, numbers: Map<number, string[]>): string | undefined {
  const error = (value: unknown, where: string, type: string) =>
    `json: cannot unmarshal ${goJsonKind(value)} into Go struct field ${where} of type ${type}`;
  for (const [field, value] of Object.entries(options)) {
    const type = fieldTypes[field];
    if (type === undefined || value === null) continue;
    const where = `DeleteOptions.${field}`;
    if (type === 'int64') {
      if (typeof value !== 'number') return error(value, where, type);
      const sources = numbers.get(value) ?? [String(value)];
      const source = sources.find((text) => !fitsInt64(text));
      if (source !== undefined)
        return `json: cannot unmarshal number ${source} into Go struct field ${where} of type int64`;
    } else if (type === 'bool') {
      if (typeof value !== 'boolean') return error(value, where, type);
    } else if (type === 'v1.DeletionPropagation') {
      if (typeof value !== 'string') return error(value, where, type);
    } else if (type === '[]string') {
      if (!Array.isArray(value)) return error(value, where, type);
      const item = (value as unknown[]).find((entry) => entry !== null && typeof entry !== 'string');
      if (item !== undefined) return error(item, where, 'string');
    } else {
      if (!isJsonObject(value)) return error(value, where, type);
      const inner = preconditionsError(value);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

function preconditionsError(preconditions: JsonObject): string | undefined {
  const types: Record<string, string> = { uid: 'types.UID', resourceVersion: 'string' };
  for (const [field, value] of Object.entries(preconditions)) {
    const type = types[field];
    if (type === undefined || value === null || typeof value === 'string') continue;
    return `json: cannot unmarshal ${goJsonKind(value)} into Go struct field Preconditions.preconditions.${field} of type ${type}`;
  }
  return undefined;
}

/** DeleteOptions validation, in kube-apiserver's order. */
function validationCauses(options: JsonObject): Cause[] {
  const causes: Cause[] = [];
  const policy = options.propagationPolicy;
  const orphan = options.orphanDependents;
  if (typeof policy === 'string' && typeof orphan === 'boolean') {
    const message = `Invalid value: ${goQuote(policy)}: orphanDependents and deletionPropagation cannot be both set`;
    causes.push({ reason: 'FieldValueInvalid', message, field: 'propagationPolicy' });
  }
  if (typeof policy === 'string' && !['Foreground', 'Background', 'Orphan'].includes(policy)) {
    const message = `Unsupported value: ${goQuote(policy)}: supported values: "Foreground", "Background", "Orphan", "nil"`;
    causes.push({ reason: 'FieldValueNotSupported', message, field: 'propagationPolicy' });
  }
  const dryRun = Array.isArray(options.dryRun) ? (options.dryRun as unknown[]) : [];
  if (dryRun.some((value) => value !== 'All')) {
    const shown = dryRun.map((value) => goQuote(typeof value === 'string' ? value : '')).join(' ');
    const message = `Unsupported value: [${shown}]: supported values: "All"`;
    causes.push({ reason: 'FieldValueNotSupported', message, field: 'dryRun' });
  }
  return causes;
}
