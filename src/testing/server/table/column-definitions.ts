// The pieces every kind's printer is made of: meta.k8s.io/v1 TableColumnDefinitions, the
// Name and Age columns all built-in kinds share (descriptions word for word from
// ObjectMeta's documentation), and the Printer a kind's columns and cells form.
import type { KubeObject } from '../../../core/object.ts';

/** A meta.k8s.io/v1 TableColumnDefinition. */
export interface ColumnDefinition {
  readonly name: string;
  readonly type: string;
  readonly format: string;
  readonly description: string;
  readonly priority: number;
}

/** A meta.k8s.io/v1 TableRowCondition (Pods: `Completed` once Succeeded or Failed). */
export interface RowCondition {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly message: string;
}

/** A kind's columns and the cells of one object's row, and the row's conditions if it has any. */
export interface Printer {
  readonly columns: readonly ColumnDefinition[];
  readonly cells: (object: KubeObject, now: Date) => unknown[];
  readonly conditions?: (object: KubeObject) => readonly RowCondition[] | undefined;
  /**
   * The metadata of a row's PartialObjectMetadata, when the printer sees other metadata
   * than the answer's (a DaemonSet printed from the internal object, without the annotation
   * only the apps/v1 conversion writes). @default the object's
   */
  readonly rowMetadata?: (metadata: NonNullable<KubeObject['metadata']>) => NonNullable<KubeObject['metadata']>;
}

export const column = (
  name: string,
  description: string,
  options: Partial<ColumnDefinition> = {},
): ColumnDefinition => ({
  name,
  type: 'string',
  format: '',
  description,
  priority: 0,
  ...options,
});

export const nameColumn = column(
  'Name',
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  { format: 'name' },
);
export const ageDescription =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';
export const ageColumn = column('Age', ageDescription);

/** A workload's `-o wide` columns of its pod template: container names and images. */
export const templateContainerColumns = [
  column('Containers', 'Names of each container in the template.', { priority: 1 }),
  column('Images', 'Images referenced by each container in the template.', { priority: 1 }),
];
