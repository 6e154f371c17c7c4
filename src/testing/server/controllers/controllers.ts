// The controllers of the embedded server (garbage collector, namespace clean-up, PVC protection), run
// after each change to the store, on a microtask: deterministic, no timers. A request's
// answer is computed before they act on its change, as on a cluster.
import type { StoreEvent } from '../object-store.ts';
import type { ControllerContext } from './controller-context.ts';
import { collectGarbage } from './garbage-collector.ts';
import { cleanUpNamespace } from './namespace-controller.ts';
import { OwnerIndex } from './owner-index.ts';
import { claimsTouchedBy, releaseClaim } from './pvc-protection.ts';

/** A bound on one round of work, so that a controller bug cannot hang the server. */
const maxStepsPerRound = 1_000_000;

/** Starts the controllers on `context.store`; answers a function that stops them. */
export function startControllers(context: ControllerContext): () => void {
  const index = new OwnerIndex();
  const objects = new Set<string>();
  const namespaces = new Set<string>();
  const claims = new Set<string>();
  let scheduled = false;
  const seed = (event: StoreEvent) => {
    for (const uid of index.observe(event)) objects.add(uid);
    for (const claim of claimsTouchedBy(event)) claims.add(claim);
    if (event.resource === '/namespaces') namespaces.add(event.object.metadata?.name ?? '');
    else if (event.namespace !== '') namespaces.add(event.namespace);
  };
  const drain = () => {
    scheduled = false;
    for (let step = 0; step < maxStepsPerRound && objects.size + namespaces.size + claims.size > 0; step++) {
      const uid = take(objects);
      const claim = uid === undefined ? take(claims) : undefined;
      if (uid !== undefined)
        runSafely(() => {
          collectGarbage(context, index, uid);
        });
      else if (claim !== undefined)
        runSafely(() => {
          releaseClaim(context, claim);
        });
      else {
        const namespace = take(namespaces);
        if (namespace !== undefined)
          runSafely(() => {
            cleanUpNamespace(context, namespace);
          });
      }
    }
  };
  for (const type of context.registry.all()) {
    const resource = `${type.group}/${type.plural}`;
    for (const object of context.store.list(resource, undefined)) {
      const namespace = object.metadata?.namespace ?? '';
      seed({ type: 'ADDED', resource, namespace, revision: 0, object });
    }
  }
  const unsubscribe = context.store.subscribe((event) => {
    seed(event);
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(drain);
  });
  queueMicrotask(drain);
  return unsubscribe;
}

function take(set: Set<string>): string | undefined {
  for (const value of set) {
    set.delete(value);
    return value;
  }
  return undefined;
}

/** A write a controller cannot make (refused as a client's would be) leaves the object as it is. */
function runSafely(work: () => void): void {
  try {
    work();
  } catch {
    // Left for the next change to retry, as a controller requeues.
  }
}
