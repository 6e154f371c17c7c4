import type protobuf from 'protobufjs';
import { protobufjs } from './load-protobufjs.ts';
import { descriptorsJson } from './descriptors.generated.ts';

/** The generated descriptors, parsed: message types, kinds, and Go's JSON details per field. */
export interface Descriptors {
  readonly root: protobuf.Root;
  /** `apps/v1/Deployment` -> its message type. */
  readonly kinds: ReadonlyMap<string, protobuf.Type>;
  /** Full message name -> field name -> letters (p pointer, e omitempty, z omitzero, i inline). */
  readonly go: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Full message name -> field name -> its Go name, where that is not the field name capitalized. */
  readonly goNames: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

interface Generated {
  kinds: Record<string, string>;
  go: Record<string, Record<string, string>>;
  goNames: Record<string, Record<string, string>>;
  protobuf: protobuf.INamespace;
}

let loaded: Descriptors | undefined;

/** Parses the descriptors on first use, so that importing the codec costs nothing. */
export function descriptors(): Descriptors {
  if (loaded) return loaded;
  const generated = JSON.parse(descriptorsJson) as Generated;
  const root = protobufjs().Root.fromJSON(generated.protobuf);
  root.resolveAll();
  const kinds = new Map(Object.entries(generated.kinds).map(([key, name]) => [key, root.lookupType(name)]));
  loaded = { root, kinds, go: generated.go, goNames: generated.goNames };
  return loaded;
}

/** The message of `kind` in `apiVersion`, if the codec has one. */
export function messageOf(apiVersion: string, kind: string): protobuf.Type | undefined {
  return descriptors().kinds.get(`${apiVersion}/${kind}`);
}

/** `.k8s.io.api.core.v1.Pod` -> `k8s.io.api.core.v1.Pod`. */
export function nameOf(type: protobuf.Type): string {
  return type.fullName.slice(1);
}
