export {
  type CoalescedUpdate,
  type Coalescer,
  type CoalescerOptions,
  createCoalescer,
  DefaultCoalescerBackoff,
} from './coalescer.ts';
