/**
 * kubeconflict: correct, fast and visible concurrent writes to Kubernetes objects.
 * @packageDocumentation
 */
import './require-supported-node.ts';
export * from './core/index.ts';
export * from './update/index.ts';
export * from './client/index.ts';
export * from './strategies/index.ts';
