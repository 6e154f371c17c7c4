import type { KubeObject } from '../../testing/server/kube-object.ts';

/** On the object while its queue is busy: the ticket of the writer whose turn it is. */
export const turnLabel = 'kubeconflict.io/queue-turn';
/** On the object while its queue is busy: the tickets waiting after the turn's, in order. */
export const waitingAnnotation = 'kubeconflict.io/queue-waiting';
/** The most tickets the annotation carries; later ones are found by listing the queue again. */
export const maxWaitingShown = 256;

/** The ticket whose turn it is; undefined when the queue is idle. */
export const turnOf = (object: KubeObject): string | undefined => object.metadata?.labels?.[turnLabel];

/** The tickets the object says wait after the turn's, in order. */
export function waitingOf(object: KubeObject): string[] {
  const value = object.metadata?.annotations?.[waitingAnnotation] ?? '';
  return value.split(' ').filter((ticket) => ticket !== '');
}

/** The object handing the turn to the first of `queue` (the rest wait), or idle and unmarked when it is empty. */
export function withQueue(object: KubeObject, queue: readonly string[]): KubeObject {
  const { [turnLabel]: _turn, ...labels } = object.metadata?.labels ?? {};
  const { [waitingAnnotation]: _waiting, ...annotations } = object.metadata?.annotations ?? {};
  const [next, ...rest] = queue;
  if (next !== undefined) labels[turnLabel] = next;
  if (rest.length > 0) annotations[waitingAnnotation] = rest.slice(0, maxWaitingShown).join(' ');
  const metadata = { ...object.metadata };
  delete metadata.labels;
  delete metadata.annotations;
  return {
    ...object,
    metadata: {
      ...metadata,
      ...(Object.keys(labels).length > 0 && { labels }),
      ...(Object.keys(annotations).length > 0 && { annotations }),
    },
  };
}
