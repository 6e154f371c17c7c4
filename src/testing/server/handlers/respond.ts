import { inServedVersion } from '../crd/served-version.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeBody, type EncodedBody } from '../http/encode-body.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { mediaFormats, mediaTypeOf, negotiateOutput, type MediaFormat, type Negotiated } from '../http/negotiate.ts';
import type { StatusError } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import { encodeWatchEvent } from '../protobuf/index.ts';
import { goJson, goJsonIndented } from '../go/go-json.ts';
import { type ResourceType, isCustomResource } from '../resource-type.ts';
import { convertResponse } from './convert-response.ts';

/** Writes a resource endpoint's answers in the format its client negotiated. */
export interface Answer {
  readonly negotiated: Negotiated;
  /** One whole answer: an object, a list or a Status. */
  send(status: number, body: KubeObject): Promise<void>;
  /** The object of one watch event, converted as negotiated (a Table row, metadata). */
  convert(object: KubeObject): KubeObject;
  /** One watch event on the wire: a JSON line, or a protobuf frame. */
  encodeEvent(type: string, object: KubeObject): string | Uint8Array;
  /** The Content-Type of a watch stream in the negotiated format. */
  readonly streamContentType: string;
  readonly response: ServerResponse;
}

/** The formats kube-apiserver writes for a type: custom resources have no protobuf form. */
export function formatsOf(type: ResourceType): readonly MediaFormat[] {
  return isCustomResource(type) ? ['json', 'yaml'] : mediaFormats;
}

/**
 * Negotiates the answer's format for a resource endpoint (406 when nothing acceptable is
 * served) before any work is done, as kube-apiserver's handlers do.
 */
export function responder(
  request: IncomingMessage,
  response: ServerResponse,
  type: ResourceType,
  query: URLSearchParams,
  stream: boolean,
): Answer {
  const negotiated = negotiateOutput(request.headers.accept, { formats: formatsOf(type), stream, conversions: true });
  const pretty = prettyPrinted(request, query);
  let headersWritten = false;
  const convert = (object: KubeObject): KubeObject => {
    if (object.kind === 'Status') return object;
    const converted = convertResponse(type, negotiated.convertTo, query, inServedVersion(type, object));
    // A watch's Table events name their columns once, in the first event.
    if (converted.kind === 'Table' && headersWritten) return { ...converted, columnDefinitions: null };
    headersWritten = converted.kind === 'Table';
    return converted;
  };
  return {
    negotiated,
    response,
    convert,
    encodeEvent: (eventType, object) => {
      // An error's Status goes out as it is; bookmarks become Table rows like any object.
      const sent = eventType === 'ERROR' ? object : convert(object);
      return negotiated.format === 'protobuf'
        ? encodeWatchEvent(eventType, sent)
        : goJson({ type: eventType, object: sent });
    },
    streamContentType:
      negotiated.format === 'protobuf' ? `${mediaTypeOf('protobuf')};stream=watch` : mediaTypeOf('json'),
    send: (status, body) =>
      writeBody(request, response, status, encodeBody(negotiated.format, convert(body), { pretty })),
  };
}

/**
 * An error's Status, in the format the request negotiates for errors (no conversions),
 * or as JSON when it negotiates none, as kube-apiserver falls back to.
 */
export async function writeError(
  request: IncomingMessage,
  response: ServerResponse,
  error: StatusError,
): Promise<void> {
  let format: MediaFormat;
  try {
    format = negotiateOutput(request.headers.accept, {
      formats: mediaFormats,
      stream: false,
      conversions: false,
    }).format;
  } catch {
    // Nothing acceptable: the Status still leaves, as Go's indented JSON without a newline.
    await writeBody(request, response, error.code, {
      contentType: 'application/json',
      body: goJsonIndented(error.body),
    });
    return;
  }
  const query = new URL(request.url ?? '/', 'http://server').searchParams;
  await writeBody(
    request,
    response,
    error.code,
    encodeBody(format, error.body, { pretty: prettyPrinted(request, query) }),
  );
}

const writeBody = (
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  { contentType, body, status: encodedStatus }: EncodedBody,
): Promise<void> => writeAnswer(request, response, encodedStatus ?? status, { 'Content-Type': contentType }, body);

/**
 * Whether Go's pretty JSON encoder answers: `?pretty=true` (any Go boolean), or, without
 * that parameter, a client that looks like a person at a terminal or browser.
 */
export function prettyPrinted(request: IncomingMessage, query: URLSearchParams): boolean {
  const asked = query.get('pretty');
  if (asked !== null && asked !== '') return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(asked);
  const agent = request.headers['user-agent'] ?? '';
  return agent.startsWith('curl') || agent.startsWith('Wget') || agent.startsWith('Mozilla/5.0');
}
