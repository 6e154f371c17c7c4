import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { CollectionRef, KubeObjectClient } from '../../client/kube-object-client.ts';
import { Backoff } from '../../core/backoff.ts';
import { classify, isAlreadyExists, isNotFound, isTransient } from '../../core/errors/classify.ts';
import { onError } from '../../core/retry.ts';
import type { KubeObject, ObjectRef } from '../../core/object.ts';
import { checkTicket, compareTickets } from './ticket-order.ts';

/** What a queued writer asks of its client. */
export type QueueClient = Pick<KubeObjectClient, 'read' | 'replace' | 'create' | 'delete' | 'list' | 'watch'>;

/** On every entry: which object's queue it stands in (a hash of the object's identity). */
export const queueLabel = 'kubeconflict.io/queue';
/** On the head Lease: which object's queue is busy. */
export const headLabel = 'kubeconflict.io/queue-head';
/** On every entry, for people: the object it queues for. */
export const queueForAnnotation = 'kubeconflict.io/queue-for';

/** One writer's place: its Lease, and the ticket (the Lease's resourceVersion) that orders it. */
export interface QueueEntry {
  readonly name: string;
  readonly ticket: string;
}

/** Creates and deletes are retried when the answer is lost: the name makes them idempotent. */
const entryRetry = new Backoff({ steps: 8, duration: 20, factor: 2, jitter: 0.5, cap: 1_000 });

/**
 * An object's queue: one Lease per waiting writer, beside the object, labelled with the
 * object's key. The Leases' creation order (their resourceVersions) is the queue's order.
 */
export class QueueEntries {
  readonly key: string;
  readonly #client: QueueClient;
  readonly #collection: CollectionRef;
  readonly #describe: string;

  constructor(client: QueueClient, ref: ObjectRef, leaseNamespace: string) {
    this.#client = client;
    const identity = [ref.apiVersion, ref.kind, ref.namespace ?? '', ref.name].join('/');
    this.key = createHash('sha256').update(identity).digest('hex').slice(0, 40);
    this.#collection = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: leaseNamespace };
    this.#describe = `${ref.kind} ${ref.namespace === undefined ? '' : `${ref.namespace}/`}${ref.name}`;
  }

  /** Takes a place at the back: a new Lease, whose resourceVersion is the ticket. */
  async join(signal?: AbortSignal): Promise<QueueEntry> {
    const name = `kubeconflict-queue-${this.key.slice(0, 12)}-${randomBytes(6).toString('hex')}`;
    const lease: KubeObject = {
      ...this.#collection,
      metadata: {
        name,
        namespace: this.#collection.namespace,
        labels: { [queueLabel]: this.key },
        annotations: { [queueForAnnotation]: this.#describe },
      },
      // As client-go's leader election names holders: which host and process waits here.
      spec: { holderIdentity: this.#identity },
    };
    const created = await this.#retried(signal, async () => {
      try {
        return await this.#client.create(lease, signal);
      } catch (error) {
        // An earlier try landed and its answer was lost: the Lease is ours.
        if (isAlreadyExists(error)) return this.#client.read(this.#ref(name), signal);
        throw error;
      }
    }).catch((error: unknown) => {
      if (classify(error) !== 'Forbidden') throw error;
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(
        `queuedUpdate of ${this.#describe} takes turns through Leases: it needs create, list and delete on leases.coordination.k8s.io in namespace ${String(this.#collection.namespace)} (${why})`,
        { cause: error },
      );
    });
    return entryOf(created);
  }

  /**
   * Takes the queue's head: its one head Lease, created only if absent, so that of the
   * writers who find the queue idle exactly one starts it. False when another holds it.
   */
  async acquireHead(signal?: AbortSignal): Promise<boolean> {
    const token = `${this.#identity}_${randomBytes(6).toString('hex')}`;
    const head: KubeObject = {
      ...this.#collection,
      metadata: {
        name: this.#headName,
        namespace: this.#collection.namespace,
        labels: { [headLabel]: this.key },
        annotations: { [queueForAnnotation]: this.#describe },
      },
      spec: { holderIdentity: token },
    };
    let answerLost = false;
    return this.#retried(signal, async () => {
      try {
        await this.#client.create(head, signal);
        return true;
      } catch (error) {
        if (!isAlreadyExists(error)) {
          answerLost ||= isTransient(error);
          throw error;
        }
        // After a lost answer, the head found may be the one this writer created.
        if (!answerLost) return false;
        const found = await this.#client.read(this.#ref(this.#headName), signal);
        return (found.spec as { holderIdentity?: string } | undefined)?.holderIdentity === token;
      }
    });
  }

  /** Gives the head back: the queue is idle (or its holder died). */
  async releaseHead(signal?: AbortSignal): Promise<void> {
    await this.remove({ name: this.#headName, ticket: '' }, signal);
  }

  /** Every place in the queue, in ticket order. */
  async list(signal?: AbortSignal): Promise<QueueEntry[]> {
    const { items } = await this.#client.list(this.#collection, { labelSelector: `${queueLabel}=${this.key}`, signal });
    return items.map(entryOf).sort((a, b) => compareTickets(a.ticket, b.ticket));
  }

  /** Gives up a place (its own, or a dead writer's); gone already is fine. */
  async remove(entry: QueueEntry, signal?: AbortSignal): Promise<void> {
    await this.#retried(signal, async () => {
      try {
        await this.#client.delete(this.#ref(entry.name), signal);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    });
  }

  get #headName(): string {
    return `kubeconflict-queue-${this.key.slice(0, 12)}`;
  }

  get #identity(): string {
    return `${hostname()}_${String(process.pid)}`;
  }

  #ref(name: string): ObjectRef {
    return { ...this.#collection, name };
  }

  #retried<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    return onError(entryRetry, isTransient, work, signal ? { signal } : {});
  }
}

function entryOf(lease: KubeObject): QueueEntry {
  const name = lease.metadata?.name ?? '';
  const ticket = lease.metadata?.resourceVersion ?? '';
  checkTicket(ticket);
  return { name, ticket };
}
