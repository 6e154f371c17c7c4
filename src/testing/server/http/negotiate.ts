import { parseAccept, type AcceptClause } from './accept.ts';
import { StatusError } from './status.ts';

/** A body format the embedded server reads and writes. */
export type MediaFormat = 'json' | 'yaml' | 'protobuf';

interface Serializer {
  readonly format: MediaFormat;
  readonly mediaType: string;
  readonly subtype: string;
  /** Whether watch streams can be written in it (YAML has no stream form). */
  readonly streams: boolean;
}

/** In kube-apiserver's order of preference: a request that states nothing gets the first. */
const serializers: readonly Serializer[] = [
  { format: 'json', mediaType: 'application/json', subtype: 'json', streams: true },
  { format: 'yaml', mediaType: 'application/yaml', subtype: 'yaml', streams: false },
  {
    format: 'protobuf',
    mediaType: 'application/vnd.kubernetes.protobuf',
    subtype: 'vnd.kubernetes.protobuf',
    streams: true,
  },
];

/** Every format the server writes, in its order of preference. */
export const mediaFormats: readonly MediaFormat[] = serializers.map(({ format }) => format);

/** What kube-apiserver says it serves, custom resources included (which never answer protobuf). */
export const mediaTypes = serializers.map(({ mediaType }) => mediaType);
export const streamMediaTypes = serializers
  .filter(({ streams }) => streams)
  .map(({ mediaType }) => `${mediaType};stream=watch`);

export const mediaTypeOf = (format: MediaFormat): string =>
  serializers.find((serializer) => serializer.format === format)?.mediaType ?? 'application/json';

/** What a client asked for: a format, and the meta.k8s.io conversion it named, if any. */
export interface Negotiated {
  readonly format: MediaFormat;
  /** A meta.k8s.io `Table`, `PartialObjectMetadata` or `PartialObjectMetadataList`. */
  readonly convertTo: Conversion | undefined;
  readonly stream: boolean;
}

export interface Conversion {
  readonly kind: 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList';
  readonly version: 'v1' | 'v1beta1';
}

/**
 * Which formats an endpoint writes (custom resources and tables have no protobuf form);
 * a 406 names every format the server serves all the same.
 */
export interface Offer {
  readonly formats: readonly MediaFormat[];
  readonly stream: boolean;
  /**
   * Whether the endpoint converts to a Table or to metadata (resource endpoints do;
   * discovery and errors take no conversion, so a range asking one is skipped).
   */
  readonly conversions: boolean;
}

/**
 * Picks the response format as kube-apiserver does: the Accept ranges in order of
 * preference, each against the formats in the server's order; the first pair whose
 * parameters the endpoint allows wins. Nothing acceptable is 406, naming what is served.
 */
export function negotiateOutput(accept: string | undefined, offer: Offer): Negotiated {
  const offered = serializers.filter(
    (serializer) => offer.formats.includes(serializer.format) && (!offer.stream || serializer.streams),
  );
  if (accept === undefined || accept === '') {
    return { format: offered[0]?.format ?? 'json', convertTo: undefined, stream: offer.stream };
  }
  for (const clause of parseAccept(accept)) {
    for (const serializer of offered) {
      if (!rangeMatches(clause, serializer)) continue;
      const negotiated = withParameters(clause, serializer, offer);
      if (negotiated) return negotiated;
    }
  }
  throw notAcceptable(offer.stream ? streamMediaTypes : mediaTypes);
}

const rangeMatches = (clause: AcceptClause, serializer: Serializer): boolean =>
  (clause.type === 'application' && (clause.subtype === serializer.subtype || clause.subtype === '*')) ||
  (clause.type === '*' && clause.subtype === '*');

function withParameters(clause: AcceptClause, serializer: Serializer, offer: Offer): Negotiated | undefined {
  const params = clause.params;
  const stream = params.get('stream') ?? '';
  if (stream !== '' && (stream !== 'watch' || !serializer.streams)) return undefined;
  const serverVersion = params.get('sv') ?? '';
  if (serverVersion !== '' && serverVersion !== 'v1') return undefined;
  const convertTo = conversionOf(params);
  if (convertTo === null || (convertTo !== undefined && !offer.conversions)) return undefined;
  if (convertTo?.kind === 'Table' && serializer.format === 'protobuf') return undefined;
  return { format: serializer.format, convertTo, stream: offer.stream };
}

/**
 * The kind an `as`/`g`/`v` triple converts to; `undefined` without one, `null` for a
 * conversion nobody serves (only meta.k8s.io's v1 and v1beta1 tables and metadata).
 */
function conversionOf(params: ReadonlyMap<string, string>): Conversion | undefined | null {
  if (!params.has('as') && !params.has('g') && !params.has('v')) return undefined;
  const kind = params.get('as') ?? '';
  const group = params.get('g') ?? '';
  const version = params.get('v') ?? '';
  if (group !== 'meta.k8s.io' || (version !== 'v1' && version !== 'v1beta1')) return null;
  if (kind !== 'Table' && kind !== 'PartialObjectMetadata' && kind !== 'PartialObjectMetadataList') return null;
  return { kind, version };
}

export const notAcceptable = (mediaTypes: readonly string[]) =>
  new StatusError(406, `only the following media types are accepted: ${mediaTypes.join(', ')}`, 'NotAcceptable');
