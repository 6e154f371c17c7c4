export {
  type CoalescedUpdate,
  type Coalescer,
  type CoalescerOptions,
  createCoalescer,
  DefaultCoalescerBackoff,
} from './coalescer.ts';
export { type AdaptiveOptions, type AdaptivePhase, adaptiveUpdate } from './adaptive.ts';
