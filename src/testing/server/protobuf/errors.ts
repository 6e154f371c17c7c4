/**
 * Bytes that are not a protobuf object kube-apiserver would accept. The message is the
 * one Go's protobuf serializer (apimachinery's, and gogo-generated code) gives for the
 * same bytes, which kube-apiserver puts inside its 400 BadRequest message.
 */
export class ProtobufDecodeError extends Error {
  override readonly name = 'ProtobufDecodeError';
}

/** Go's io.ErrUnexpectedEOF, what gogo-generated code returns for truncated data. */
export const unexpectedEof = 'unexpected EOF';
