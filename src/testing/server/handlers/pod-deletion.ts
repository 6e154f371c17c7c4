// A Pod's graceful deletion, as kube-apiserver's pod strategy and rest.BeforeDelete do it:
// a Pod bound to a node is given its grace period (a kubelet would then delete it); any
// other Pod gets none. No kubelet runs here, so a Pod given a grace period stays, marked.
import type { KubeObject } from '../../../core/object.ts';
import { timestamp } from '../clock.ts';

export interface GracefulDeletion {
  /** Deletion already pending with a grace period not shortened: nothing changes. */
  readonly pending: boolean;
  /** The Pod marked for deletion, when the request (re)marks it. */
  readonly marked?: KubeObject;
  /** The grace period the mark gives. */
  readonly period: number;
}

const secondsFrom = (now: number, seconds: number) => timestamp(new Date(now + seconds * 1000));

/** What a DELETE with `gracePeriodSeconds` (undefined when not sent) does to `pod`. */
export function podGracefulDeletion(pod: KubeObject, gracePeriodSeconds: number | undefined): GracefulDeletion {
  const requested = gracePeriodSeconds !== undefined && gracePeriodSeconds < 0 ? 1 : gracePeriodSeconds;
  const metadata = pod.metadata ?? {};
  const existing = metadata.deletionGracePeriodSeconds as number | undefined;
  if (metadata.deletionTimestamp !== undefined) {
    if (existing === undefined || existing === 0) return { pending: false, period: 0 };
    if (requested === undefined || requested >= existing) return { pending: true, period: existing };
    const marked = shortened(pod, existing, requested);
    return { pending: false, marked, period: marked.metadata?.deletionGracePeriodSeconds as number };
  }
  const period = podGracePeriod(pod, requested);
  const marked = structuredClone(pod);
  const markedMeta = (marked.metadata ??= {});
  markedMeta.deletionTimestamp = secondsFrom(Date.now(), period);
  markedMeta.deletionGracePeriodSeconds = period;
  if (typeof markedMeta.generation === 'number' && markedMeta.generation > 0) markedMeta.generation += 1;
  return { pending: false, marked, period };
}

/** The pod strategy's grace period: none for a Pod not on a node, or one that has finished. */
function podGracePeriod(pod: KubeObject, requested: number | undefined): number {
  const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  return requested ?? spec.terminationGracePeriodSeconds ?? 30;
}

/** Only a shorter period may be asked for; the deletion time moves back, never into the past. */
function shortened(pod: KubeObject, existing: number, requested: number): KubeObject {
  const marked = structuredClone(pod);
  const metadata = (marked.metadata ??= {});
  const now = Date.now();
  const previous = Date.parse(metadata.deletionTimestamp ?? '');
  let when = previous - existing * 1000 + requested * 1000;
  let period = requested;
  if (when < Math.floor(now / 1000) * 1000) {
    when = now;
    if (period !== 0) period = 1;
  }
  metadata.deletionTimestamp = timestamp(new Date(when));
  metadata.deletionGracePeriodSeconds = period;
  return marked;
}
