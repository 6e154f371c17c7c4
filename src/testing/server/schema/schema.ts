/**
 * A structural schema, the subset of kube-openapi's that structured-merge-diff reads to
 * track field ownership, plus the Go details that decide what a Go object looks like as
 * JSON (pointer or not, `omitempty`) and the struct tags strategic merge patch reads.
 */
export type Schema = ScalarSchema | StructSchema | MapSchema | ListSchema | DeducedSchema;

/** A JSON value as parsed: what objects, patches and list keys are made of. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A string, number or boolean: always a leaf of a field set. */
export interface ScalarSchema {
  readonly kind: 'scalar';
  /** What values it accepts: `untyped` takes any scalar (times, quantities, int-or-string). */
  readonly type: 'string' | 'numeric' | 'boolean' | 'untyped';
  /** The JSON of the Go zero value (`""`, `0`, `false`; `null` for a zero `metav1.Time`). */
  readonly zero: string | number | boolean | null;
  /**
   * How Go holds it: a plain `value`; a `struct` with its own JSON form (Time, Quantity,
   * IntOrString), which `omitempty` never omits; or a nil-able `slice` (`[]byte`).
   */
  readonly go: 'value' | 'struct' | 'slice';
}

/** A Go struct: named fields, each with its own schema. */
export interface StructSchema {
  readonly kind: 'struct';
  /** The fields in Go declaration order (the order Go writes them as JSON). */
  readonly fields: Readonly<Record<string, FieldSchema>>;
  /** `+structType=atomic`: owned and replaced as a whole. */
  readonly atomic: boolean;
  /**
   * Whether fields it does not declare are allowed, with the deduced schema (a custom
   * resource with `x-kubernetes-preserve-unknown-fields`); a built-in type refuses them.
   */
  readonly open: boolean;
}

/** A map with string keys and values of one schema (`map[string]T`), such as labels. */
export interface MapSchema {
  readonly kind: 'map';
  readonly values: Schema;
  /** `+mapType=atomic`: owned and replaced as a whole. */
  readonly atomic: boolean;
  /** `+mapType=granular` said explicitly (the default), which the OpenAPI documents repeat. */
  readonly granular?: true;
}

/** A list, whose `+listType` says how its items are owned and merged. */
export interface ListSchema {
  readonly kind: 'list';
  readonly items: Schema;
  /**
   * `atomic`: one leaf, replaced whole. `set`: scalar items, each owned by value
   * (`v:"a"`). `map`: object items, each owned by its key fields (`k:{"name":"a"}`).
   */
  readonly listType: 'atomic' | 'set' | 'map';
  /** `+listMapKey`s, for `listType: 'map'`. */
  readonly keys: readonly string[];
  /** The value a missing key field takes in an item's key, from the OpenAPI `default`. */
  readonly keyDefaults: Readonly<Record<string, JsonValue>>;
}

/**
 * structured-merge-diff's deduced schema, for what no schema describes: objects are
 * granular maps of deduced values, lists are atomic, anything else is a scalar.
 */
export interface DeducedSchema {
  readonly kind: 'deduced';
}

/** A struct field: its schema, how Go declares it, and its strategic-merge-patch tags. */
export interface FieldSchema {
  readonly schema: Schema;
  /** A Go pointer (`*T`): `null` when unset, and kept when it points at a zero value. */
  readonly pointer: boolean;
  /** The `omitempty` JSON option: an empty value (nil, `""`, 0, false, `[]`, `{}`) is left out. */
  readonly omitEmpty: boolean;
  /** The `omitzero` JSON option: a zero value is left out, even a struct. */
  readonly omitZero: boolean;
  /** The `patchStrategy` struct tag. */
  readonly patchStrategy?: PatchStrategy;
  /** The `patchMergeKey` struct tag. */
  readonly patchMergeKey?: string;
}

/** The `patchStrategy` struct tag values kube types use. */
export type PatchStrategy = 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys';

/** The one deduced schema. */
export const deduced: DeducedSchema = { kind: 'deduced' };

/** A kind a struct is, as the OpenAPI's `x-kubernetes-group-version-kind` lists it. */
export interface GroupVersionKind {
  readonly group: string;
  readonly kind: string;
  readonly version: string;
}
