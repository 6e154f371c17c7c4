// Typed reads of a CustomResourceDefinition as JSON, so the rules read like Go's.
import type { KubeObject } from '../../../core/object.ts';

type Json = Record<string, unknown>;

export interface CrdNames {
  readonly plural?: string;
  readonly singular?: string;
  readonly shortNames?: readonly string[];
  readonly kind?: string;
  readonly listKind?: string;
  readonly categories?: readonly string[];
}

export interface PrinterColumn {
  readonly name?: string;
  readonly type?: string;
  readonly format?: string;
  readonly description?: string;
  readonly priority?: number;
  readonly jsonPath?: string;
}

/** A CRD version's `subresources.scale`. */
export interface ScalePaths {
  readonly specReplicasPath: string;
  readonly statusReplicasPath: string;
  readonly labelSelectorPath?: string;
}

export interface CrdVersion {
  readonly name?: string;
  readonly served?: boolean;
  readonly storage?: boolean;
  readonly deprecated?: boolean;
  readonly deprecationWarning?: string;
  readonly schema?: { readonly openAPIV3Schema?: Json };
  readonly subresources?: {
    readonly status?: Json;
    readonly scale?: ScalePaths;
  };
  readonly additionalPrinterColumns?: readonly PrinterColumn[];
  readonly selectableFields?: readonly Json[];
}

export interface CrdSpec {
  readonly group?: string;
  readonly names?: CrdNames;
  readonly scope?: string;
  readonly versions?: readonly CrdVersion[];
  readonly conversion?: { readonly strategy?: string };
}

export interface CrdCondition {
  readonly type: string;
  readonly status: string;
  readonly lastTransitionTime?: string;
  readonly reason?: string;
  readonly message?: string;
}

export interface CrdStatus {
  readonly conditions?: readonly CrdCondition[] | null;
  readonly acceptedNames?: CrdNames;
  readonly storedVersions?: readonly string[] | null;
}

const objectOr = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

export const specOf = (crd: KubeObject): CrdSpec => objectOr(crd.spec);
export const statusOf = (crd: KubeObject): CrdStatus => objectOr(crd.status);
export const versionsOf = (crd: KubeObject): readonly CrdVersion[] => {
  const versions = specOf(crd).versions;
  return Array.isArray(versions) ? (versions as readonly CrdVersion[]) : [];
};

/** The condition of `type`, when set. */
export const conditionOf = (crd: KubeObject, type: string): CrdCondition | undefined =>
  (statusOf(crd).conditions ?? []).find((condition) => condition.type === type);

export const isEstablished = (crd: KubeObject): boolean => conditionOf(crd, 'Established')?.status === 'True';
