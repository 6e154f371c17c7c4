import type { KubeObject } from '../../core/object.ts';

/** On the object while its queue is busy: the ticket of the writer whose turn it is. */
export const turnLabel = 'kubeconflict.io/queue-turn';
/**
 * On the object while its queue is busy: the highest ticket the queue has listed (any
 * place at or below it that is not named here was served or left), then the tickets
 * waiting after the turn's, in order.
 */
export const waitingAnnotation = 'kubeconflict.io/queue-waiting';
/** The most tickets the annotation carries; later ones are found by listing the queue again. */
export const maxWaitingShown = 256;

/** What the object says of its queue. */
export interface QueueState {
  /** The ticket whose turn it is; undefined when the queue is idle. */
  readonly turn: string | undefined;
  /** The tickets waiting after it, in order. */
  readonly waiting: readonly string[];
  /** The highest ticket listed so far; undefined when idle. */
  readonly listedThrough: string | undefined;
}

/** The ticket whose turn it is; undefined when the queue is idle. */
export const turnOf = (object: KubeObject): string | undefined => object.metadata?.labels?.[turnLabel];

export function queueStateOf(object: KubeObject): QueueState {
  const [listedThrough, ...waiting] = (object.metadata?.annotations?.[waitingAnnotation] ?? '')
    .split(' ')
    .filter((ticket) => ticket !== '');
  return { turn: turnOf(object), waiting, listedThrough };
}

/**
 * The object handing the turn to the first of `queue` (the rest wait), or idle and
 * unmarked when `queue` is empty.
 */
export function withQueue(object: KubeObject, queue: readonly string[], listedThrough: string | undefined): KubeObject {
  const { [turnLabel]: _turn, ...labels } = object.metadata?.labels ?? {};
  const { [waitingAnnotation]: _waiting, ...annotations } = object.metadata?.annotations ?? {};
  const [next, ...rest] = queue;
  if (next !== undefined) {
    labels[turnLabel] = next;
    const shown = rest.slice(0, maxWaitingShown);
    // Tickets left out count as not yet listed, so that the next list finds them again.
    const through = rest.length > shown.length ? shown.at(-1) : (listedThrough ?? next);
    annotations[waitingAnnotation] = [through, ...shown].join(' ');
  }
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
