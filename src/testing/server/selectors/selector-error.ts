/**
 * A label or field selector that kube-apiserver refuses. `message` is exactly the `message`
 * of the 400 BadRequest Status the real server answers for it.
 */
export class SelectorError extends Error {
  override readonly name = 'SelectorError';
}
