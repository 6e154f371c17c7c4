/**
 * Test helpers for code that uses kubeconflict: a manual clock, and a real
 * kube-apiserver launcher.
 * @packageDocumentation
 */
import '../require-supported-node.ts';
export { ManualClock } from './manual-clock.ts';
export {
  type ApiServerAssets,
  assetsDirectory,
  etcdVersion,
  findAssets,
  kubernetesVersion,
} from './apiserver/assets.ts';
export type { Credentials, Kubeconfig } from './apiserver/kubeconfig.ts';
export { type ApiServerOptions, type RunningApiServer, startApiServer } from './apiserver/start-api-server.ts';
export { type TestServer, type TestServerOptions, startTestServer } from './server/start-test-server.ts';
export type { CustomResourceOptions } from './server/registry.ts';
export { type FaultInjector, type FaultKind, type FaultOptions, faultInjector, faultKinds } from './server/faults.ts';
export type { HookAction, HookedRequest, RequestHook } from './server/request-hook.ts';
