import { string, struct } from './define.ts';
import { objectMeta } from './meta-v1.generated.ts';

/**
 * A custom resource whose schema is `x-kubernetes-preserve-unknown-fields`: kube-apiserver
 * types its apiVersion, kind and metadata (ObjectMeta, so `finalizers` is a set) and
 * deduces everything else (`spec` is a granular map, its lists atomic).
 */
export const customResource = struct({ apiVersion: string, kind: string, metadata: objectMeta }, { open: true });
