/** An apiVersion and kind, and (when they came as bytes) how Go's %q quotes them. */
interface ErrorTypeMeta {
  readonly apiVersion: string;
  readonly kind: string;
  readonly quoted?: { readonly apiVersion: string; readonly kind: string } | undefined;
}

/**
 * Bytes that are not a protobuf object kube-apiserver would accept. The message is the
 * one Go's protobuf serializer (apimachinery's, and gogo-generated code) gives for the
 * same bytes; {@link badRequestMessage} wraps it as kube-apiserver's 400 does.
 */
export class ProtobufDecodeError extends Error {
  override readonly name = 'ProtobufDecodeError';
  /**
   * The envelope's apiVersion and kind (after defaulting), when the envelope itself
   * decoded and the error is in what it holds: kube-apiserver then names them.
   */
  readonly typeMeta: ErrorTypeMeta | undefined;
  constructor(message: string, typeMeta?: ErrorTypeMeta) {
    super(message);
    this.typeMeta = typeMeta;
  }
}

/** gogo's ErrInvalidLengthGenerated, for a length that is negative as a Go int. */
export const invalidLength = 'proto: negative length found during unmarshaling';

/** Go's io.ErrUnexpectedEOF, what gogo-generated code returns for truncated data. */
export const unexpectedEof = 'unexpected EOF';

/**
 * The message of kube-apiserver's 400 BadRequest for a protobuf body it cannot decode when
 * it expects `expectedKind` (apiserver's transformDecodeError): the envelope's kind when
 * the envelope decoded, else a summary of the body (its first 30 bytes in hex).
 */
export function badRequestMessage(error: ProtobufDecodeError, expectedKind: string, body: Uint8Array): string {
  if (error.typeMeta?.kind) {
    const { apiVersion, kind, quoted } = error.typeMeta;
    // The version after the group's slash, quoted with %q (a slash is never escaped).
    const quotedApiVersion = quoted?.apiVersion.slice(1, -1) ?? apiVersion;
    const version = quotedApiVersion.slice(quotedApiVersion.lastIndexOf('/') + 1);
    return `${kind} in version "${version}" cannot be handled as a ${expectedKind}: ${error.message}`;
  }
  return `the object provided is unrecognized (must be of type ${expectedKind}): ${error.message} (${summary(body)})`;
}

// apiserver's summarizeData(body, 30).
function summary(body: Uint8Array): string {
  if (body.length === 0) return '<empty>';
  const head = body.subarray(0, 30);
  const text = body[0] === 0x7b ? new TextDecoder().decode(head) : Buffer.from(head).toString('hex');
  return body.length > 30 ? `${text} ...` : text;
}
