import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../core/object.ts';

/**
 * The annotation recording exactly-once updates: the count of them ever recorded, then
 * the ids of the latest, oldest first, space-separated (`"1742 a1b2 c3d4 ..."`).
 */
export const recentOperationsAnnotation = 'kubeconflict.io/recent-operations';

/** How an exactly-once update is recognised on the object. */
export interface ExactlyOnceOptions {
  /**
   * This update's id: letters, digits, `.`, `_`, `-`, at most 64. Pass your own to make an
   * update that spans processes or restarts (a job's name, a queue message id) exactly-once.
   * @default a random 16-character id per call
   */
  readonly operationId?: string;
  /**
   * How many recent ids the object keeps. After a write whose answer was lost, its id is
   * looked for among them. When more exactly-once writes than this landed meanwhile, the
   * object's changes since are replayed with a watch (when the client can watch, as
   * kubeObjectClient does); when that cannot tell either (history compacted, no watch),
   * the update throws {@link OutcomeUnknownError} rather than risk applying twice.
   * @default 16
   */
  readonly history?: number;
}

export interface ExactlyOnce {
  readonly operationId: string;
  readonly history: number;
}

const idPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** The settings an `exactlyOnce` option asks for, checked; undefined when it is off. */
export function exactlyOnceOf(option: boolean | ExactlyOnceOptions | undefined): ExactlyOnce | undefined {
  if (option === undefined || option === false) return undefined;
  const { operationId = randomBytes(12).toString('base64url'), history = 16 } = option === true ? {} : option;
  if (!idPattern.test(operationId)) {
    throw new RangeError(
      `exactlyOnce.operationId must be 1 to 64 letters, digits, '.', '_' or '-'; got ${JSON.stringify(operationId)}`,
    );
  }
  if (!Number.isInteger(history) || history < 1 || history > 1_000) {
    throw new RangeError(`exactlyOnce.history must be a whole number from 1 to 1000; got ${String(history)}`);
  }
  return { operationId, history };
}

/** What the annotation records: how many exactly-once updates ever, and the latest ids, oldest first. */
export interface OperationRecord {
  readonly count: number;
  readonly ids: readonly string[];
}

/** The operation record on the object; an absent or foreign annotation reads as none. */
export function operationRecord(object: KubeObject): OperationRecord {
  const [count = '', ...ids] = (object.metadata?.annotations?.[recentOperationsAnnotation] ?? '').split(' ');
  const total = /^\d{1,15}$/.test(count) ? Number(count) : 0;
  return { count: total, ids: total === 0 ? [] : ids.filter((id) => id !== '').slice(-total) };
}

/** The operation ids recorded on the object, oldest first. */
export const recordedOperations = (object: KubeObject): readonly string[] => operationRecord(object).ids;

/** The object with `operationId` recorded as the newest of at most `history` ids. */
export function withOperationRecorded(object: KubeObject, { operationId, history }: ExactlyOnce): KubeObject {
  const { count, ids } = operationRecord(object);
  const value = [String(count + 1), ...[...ids, operationId].slice(-history)].join(' ');
  const annotations = { ...object.metadata?.annotations, [recentOperationsAnnotation]: value };
  return { ...object, metadata: { ...object.metadata, annotations } };
}

/**
 * Whether a write made on top of a read whose record counted `basedOn` could have landed
 * without the record showing it now: its slot (`basedOn + 1`) has left the kept ids, or
 * the record went back (someone rewrote the annotation).
 */
export function beyondRecord(current: OperationRecord, basedOn: number): boolean {
  return current.count < basedOn || basedOn + 1 <= current.count - current.ids.length;
}

/**
 * An exactly-once update whose earlier write's answer was lost, when it cannot be told
 * whether that write landed: the ids kept on the object and a replay of its changes do not
 * reach back, or the retries ran out while the write could still land. Not retried:
 * retrying could apply the update twice.
 */
export class OutcomeUnknownError extends Error {
  override readonly name = 'OutcomeUnknownError';
  constructor(operationId: string, why: string, lostAnswer: unknown) {
    const lost = lostAnswer instanceof Error ? lostAnswer.message : String(lostAnswer);
    super(
      `exactly-once update ${operationId}: a write's answer was lost (${lost}); whether it landed cannot be told: ${why}`,
    );
  }
}
