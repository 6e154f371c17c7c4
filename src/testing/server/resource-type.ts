import type { KubeObject } from '../../core/object.ts';
import type { CustomResourceSchema, FieldCause } from './crd/custom-resource-schema.ts';
import type { PrinterColumn, ScalePaths } from './crd/crd-fields.ts';
import type { Cohabitation } from './resources/converting-store.ts';
import { customResource, schemaFor } from './schema/index.ts';

/** What the embedded server knows of one kind of object. */
export interface ResourceType {
  /** API group, '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Plural resource name, as in URLs: `deployments`. */
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly verbs: readonly string[];
  /**
   * Whether a PUT without metadata.resourceVersion overwrites (true for most built-ins)
   * or is refused with 422 (Lease, custom resources).
   */
  readonly unconditionalUpdate: boolean;
  /** Whether a PUT of an absent object creates it (Lease), else 404. @default false */
  readonly createOnUpdate?: boolean;
  /** Whether the object carries metadata.generation, and what makes it grow. */
  readonly generation: 'none' | 'spec' | 'spec-and-annotations' | 'all-but-metadata' | 'all-but-metadata-or-labels';
  /** Whether `status` is a subresource (then the main resource ignores status changes). */
  readonly statusSubresource: boolean;
  /**
   * What an update of the main resource takes from the stored object once field ownership
   * is recorded, beyond status (Namespace spec.finalizers: only `/finalize` changes them,
   * yet the writer is recorded as their owner, as kube-apiserver does). Mutates `object`.
   */
  readonly prepareForUpdate?: (object: KubeObject, live: KubeObject, stored: () => readonly KubeObject[]) => void;
  /**
   * What a write through `/status` takes from the stored object instead of the request
   * (the status strategy's PrepareForUpdate). Mutates `object`.
   */
  readonly prepareStatusUpdate?: (object: KubeObject, live: KubeObject) => void;
  /** Whether `/finalize` (a Namespace's PUT of spec.finalizers) is served. @default false */
  readonly finalizeSubresource?: boolean;
  /** What a create's status starts as (the strategy's PrepareForCreate), for kinds with a status subresource. */
  readonly statusOnCreate?: Readonly<Record<string, unknown>>;
  /** Whether a DELETE answers the deleted object, not a Status (the store's ReturnDeletedObject). @default false */
  readonly returnDeletedObject?: boolean;
  /** Whether `/scale` (autoscaling/v1 Scale of spec.replicas) is served. @default false */
  readonly scaleSubresource?: boolean;
  /** Whether spec.selector is a plain label map (a ReplicationController's), not a LabelSelector. @default false */
  readonly mapSelector?: boolean;
  /** Where a custom resource's Scale reads and writes (its CRD's `subresources.scale`). */
  readonly scalePaths?: ScalePaths;
  /** Discovery categories (`all` makes `kubectl get all` list it). @default [] */
  readonly categories?: readonly string[];
  /** Fills in defaults, as the real server does on every write. Mutates `object`. */
  readonly applyDefaults?: (object: KubeObject) => void;
  /**
   * What admission plugins and the create strategy add after field ownership is
   * recorded, so no manager owns it (Pod tolerations and priority, Namespace finalizers).
   * `stored` lists every stored object of the kind (what a Service's cluster IP avoids).
   */
  readonly admitOnCreate?: (object: KubeObject, stored: () => readonly KubeObject[]) => void;
  /**
   * The create or update strategy's own step on the main resource, before validation
   * (a CRD's status reset on create, its storedVersions). Mutates `object`.
   */
  readonly prepareWrite?: (object: KubeObject, live: KubeObject | undefined) => void;
  /** Why `name` is no name of this kind, when its rule is not a DNS subdomain's (APIService: `version.group`). */
  readonly nameErrors?: (name: string, object: KubeObject) => string[];
  /** The kind's own validation (of an update when `live` is given), after the common metadata rules. */
  readonly validate?: (object: KubeObject, live: KubeObject | undefined) => readonly FieldCause[];
  /** What a DELETE stores instead of removing the object (a CRD left Terminating). */
  readonly markDeleted?: (live: KubeObject) => KubeObject;
  /** A CRD's additionalPrinterColumns for server-side Tables. */
  readonly printerColumns?: readonly PrinterColumn[];
  /** A CRD version's schema: defaulting, pruning and validation of its custom resources. */
  readonly customSchema?: CustomResourceSchema;
  /** The version its objects are stored in, when not the served one (discovery's storageVersionHash). */
  readonly storageVersion?: string;
  /**
   * Another resource whose stored objects these are, converted (events.k8s.io/v1 events
   * are core/v1 events): its group also names the kind in validation errors and gives
   * discovery's storageVersionHash.
   */
  readonly cohabitation?: Cohabitation & { readonly storedGroup: string };
  /** The CustomResourceDefinition that serves this type, by name. */
  readonly definedBy?: string;
  /** The Warning every request to this resource gets (a deprecated API). */
  readonly deprecationWarning?: string;
  /** The Warnings a create or update of an object of this kind gets (its strategy's WarningsOnCreate/OnUpdate). */
  readonly warningsOnWrite?: (object: KubeObject) => readonly string[];
  /** A CRD version's selectableFields' paths (`.spec.color`): more fields to select by. */
  readonly selectableFields?: readonly string[];
}

/** `deployments.apps`, `configmaps`: how messages name a resource. */
export const qualifiedResource = (type: ResourceType): string =>
  type.group === '' ? type.plural : `${type.plural}.${type.group}`;

/** `Deployment.apps`, `ConfigMap`: how validation messages name a kind. */
export const qualifiedKind = (type: ResourceType): string => {
  const group = kindGroup(type);
  return group === '' ? type.kind : `${type.kind}.${group}`;
};

/** The group of the Go type behind `type`: its own, or the one it is stored as. */
export const kindGroup = (type: ResourceType): string => type.cohabitation?.storedGroup ?? type.group;

/** The Go package of the server's internal version of `type`, as Go's messages name it: `apps`, `core`. */
export const internalPackage = (type: ResourceType): string =>
  type.group === '' ? 'core' : (type.group.split('.')[0] ?? type.group);

export const groupVersion = (type: ResourceType): string =>
  type.group === '' ? type.version : `${type.group}/${type.version}`;

/** Whether `type` is served as a custom resource: no Go type, no protobuf form, no go-restful route. */
export const isCustomResource = (type: ResourceType): boolean =>
  schemaFor(groupVersion(type), type.kind) === customResource;
