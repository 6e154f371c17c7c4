/**
 * Why kube-apiserver refuses a JSON patch, and so how it answers:
 *
 * - `decode`: 400 BadRequest; the body is not a list of operations as Go decodes one.
 * - `too-large`: 413 RequestEntityTooLarge; more than 10000 operations.
 * - `test-failed`: 422 Invalid; a `test` operation found another value.
 * - `invalid`: 422 Invalid; any other operation that cannot apply (missing path, bad
 *   index, unknown `op`, missing `path` or `from`, `remove` of an absent key...).
 * - `crash`: no answer at all. evanphx/json-patch dereferences nil (a `replace` or `test`
 *   of the whole document without `value`, a `test` of arrays with `null` at a position
 *   both have); the handler panics and kube-apiserver closes the connection unanswered.
 */
export type JsonPatchFailure = 'decode' | 'too-large' | 'test-failed' | 'invalid' | 'crash';

/** The Status message of both 422 answers: the real server drops the library's reason. */
export const rejectedMessage = 'the server rejected our request due to an error in our request';

/**
 * A JSON patch that kube-apiserver v1.36 refuses. `message` is exactly the message of its
 * Status (see {@link JsonPatchFailure} for the code); a 422 Status has empty `details`
 * (`{}`). `detail` is evanphx/json-patch's own explanation, which the real server does
 * not send: useful when debugging, never shown to clients.
 */
export class JsonPatchError extends Error {
  override readonly name = 'JsonPatchError';
  readonly reason: JsonPatchFailure;
  readonly detail: string;

  constructor(reason: JsonPatchFailure, message: string, detail: string = message) {
    super(message);
    this.reason = reason;
    this.detail = detail;
  }
}

/** A body Go's JSON decoder refuses; `goMessage` is its error text. */
export const decodeError = (goMessage: string) =>
  new JsonPatchError('decode', `error decoding patch: ${goMessage}`, goMessage);

export const tooLarge = (operations: number) =>
  new JsonPatchError(
    'too-large',
    `Request entity too large: The allowed maximum operations in a JSON patch is 10000, got ${String(operations)}`,
  );

export const testFailed = (path: string) =>
  new JsonPatchError('test-failed', rejectedMessage, `testing value ${path} failed: test failed`);

export const invalid = (detail: string) => new JsonPatchError('invalid', rejectedMessage, detail);

export const crash = () =>
  new JsonPatchError('crash', 'runtime error: invalid memory address or nil pointer dereference');
