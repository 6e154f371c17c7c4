/**
 * Test helpers for code that uses kubeconflict.
 * @packageDocumentation
 */
export { ManualClock } from './manual-clock.ts';
