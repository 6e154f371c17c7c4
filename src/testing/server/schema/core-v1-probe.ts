// core/v1 probes and lifecycle handlers of containers.
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import { always, atomicList, integer, intOrString, ptr, string, struct } from './define.ts';

export const execAction = struct({
  command: atomicList(string),
});

export const httpHeader = struct({
  name: always(string),
  value: always(string),
});

export const httpGetAction = struct({
  path: string,
  port: always(intOrString),
  host: string,
  scheme: string,
  httpHeaders: atomicList(httpHeader),
});

export const tcpSocketAction = struct({
  port: always(intOrString),
  host: string,
});

export const grpcAction = struct({
  port: always(integer),
  service: ptr(string, { omitEmpty: false }),
});

export const probe = struct({
  exec: ptr(execAction),
  httpGet: ptr(httpGetAction),
  tcpSocket: ptr(tcpSocketAction),
  grpc: ptr(grpcAction),
  initialDelaySeconds: integer,
  timeoutSeconds: integer,
  periodSeconds: integer,
  successThreshold: integer,
  failureThreshold: integer,
  terminationGracePeriodSeconds: ptr(integer),
});

export const sleepAction = struct({
  seconds: always(integer),
});

export const lifecycleHandler = struct({
  exec: ptr(execAction),
  httpGet: ptr(httpGetAction),
  tcpSocket: ptr(tcpSocketAction),
  sleep: ptr(sleepAction),
});

export const lifecycle = struct({
  postStart: ptr(lifecycleHandler),
  preStop: ptr(lifecycleHandler),
  stopSignal: ptr(string),
});
