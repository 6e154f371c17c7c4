export {
  type CoalescedUpdate,
  type Coalescer,
  type CoalescerOptions,
  createCoalescer,
  DefaultCoalescerBackoff,
} from './coalescer.ts';
export { type AdaptiveOptions, type AdaptivePhase, adaptiveUpdate } from './adaptive.ts';
export { type QueueOptions, queuedUpdate } from './queue/queued-update.ts';
export type { QueueClient } from './queue/queue-entries.ts';
export {
  type ObjectQueue,
  type ObjectQueueOptions,
  objectQueue,
  type QueuedCallOptions,
} from './queue/queue-handle.ts';
