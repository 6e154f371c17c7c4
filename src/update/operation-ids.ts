import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../testing/server/kube-object.ts';

/** The annotation holding the ids of the latest exactly-once updates, oldest first, space-separated. */
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
   * How many recent ids the object keeps. An update is recognised as landed only while its
   * id is among them: keep it above the number of exactly-once writes other writers can
   * land between one of yours and its retry (about the number of concurrent writers).
   * @default 64
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
  const { operationId = randomBytes(12).toString('base64url'), history = 64 } = option === true ? {} : option;
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

/** The operation ids recorded on the object, oldest first. */
export function recordedOperations(object: KubeObject): string[] {
  const value = object.metadata?.annotations?.[recentOperationsAnnotation] ?? '';
  return value.split(' ').filter((id) => id !== '');
}

/** The object with `operationId` recorded as the newest of at most `history` ids. */
export function withOperationRecorded(object: KubeObject, { operationId, history }: ExactlyOnce): KubeObject {
  const ids = [...recordedOperations(object).filter((id) => id !== operationId), operationId].slice(-history);
  const annotations = { ...object.metadata?.annotations, [recentOperationsAnnotation]: ids.join(' ') };
  return { ...object, metadata: { ...object.metadata, annotations } };
}
