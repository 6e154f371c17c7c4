// The counter the helpers' tests increment: label biz-version, as the lab counts.
import type { KubeObject } from '../../src/core/object.ts';

export const label = 'biz-version';
export const counter = (object: KubeObject): number => Number(object.metadata?.labels?.[label]);
/** The object with its counter one higher, every other label kept. */
export const increment = (object: KubeObject): KubeObject => ({
  ...object,
  metadata: { ...object.metadata, labels: { ...object.metadata?.labels, [label]: String(counter(object) + 1) } },
});
