// What a kind's deletion does to its dependents when the DeleteOptions do not say
// (k8s.io/kubernetes pkg/registry strategies' DefaultGarbageCollectionPolicy): the kinds
// older than the garbage collector orphan them in their first API version, for backward
// compatibility; Events take no part in garbage collection at all.
import { groupVersion, type ResourceType } from '../resource-type.ts';

/** `background` deletes dependents after the owner, `unsupported` ignores the options' policy. */
export type CollectionPolicy = 'background' | 'orphan' | 'unsupported';

const policies: Readonly<Record<string, CollectionPolicy>> = {
  'batch/v1/Job': 'orphan',
  'v1/ReplicationController': 'orphan',
  'v1/Event': 'unsupported',
  'events.k8s.io/v1/Event': 'unsupported',
};

/** The policy of `type` as requested in its group and version. */
export const defaultCollectionPolicy = (type: ResourceType): CollectionPolicy =>
  policies[`${groupVersion(type)}/${type.kind}`] ?? 'background';
