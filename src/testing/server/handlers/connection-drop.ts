/**
 * Thrown where kube-apiserver closes the connection without an answer (a Go panic in a
 * handler, which it recovers from by dropping the connection): the server mirrors it.
 */
export class ConnectionDrop extends Error {
  constructor() {
    super('kube-apiserver drops the connection here without an answer');
  }
}
