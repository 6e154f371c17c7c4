export {
  type CoalescedUpdate,
  type Coalescer,
  type CoalescerOptions,
  createCoalescer,
  DefaultCoalescerBackoff,
} from './coalescer.ts';
export { type AdaptiveOptions, adaptiveUpdate } from './adaptive.ts';
