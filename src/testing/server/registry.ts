import type { ResourceType } from './resource-type.ts';
import { builtinTypes } from './resources/builtin-types.ts';
import { customResourceStatusUpdate } from './resources/status-strategies.ts';
import type { PrinterColumn, ScalePaths } from './crd/crd-fields.ts';
import { compareKubeVersions } from './crd/version-priority.ts';
import type { CustomResourceSchema } from './crd/custom-resource-schema.ts';

/** A custom resource to serve, as a CustomResourceDefinition would declare it. */
export interface CustomResourceOptions {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  /** @default kind in lower case */
  readonly singular?: string;
  /** @default true */
  readonly namespaced?: boolean;
  /** @default [] */
  readonly shortNames?: readonly string[];
  /** Discovery categories, as the CRD's `names.categories`. @default [] */
  readonly categories?: readonly string[];
  /**
   * The CRD's subresources: with `status`, `/status` is served, the main resource ignores
   * status and `/status` everything else. @default {}
   */
  readonly subresources?: { readonly status?: boolean };
}

/** What the CRD controller adds when it serves a version of a CustomResourceDefinition. */
export interface DefinedCustomResource extends CustomResourceOptions {
  /** The CRD version's additionalPrinterColumns, for `kubectl get`. @default [] */
  readonly printerColumns?: readonly PrinterColumn[];
  /** Defaulting, pruning and validation of its objects. @default none: every field kept */
  readonly schema?: CustomResourceSchema;
  /** The CustomResourceDefinition serving it, by name (served by the server's CRD controller). */
  readonly definedBy?: string;
  /** The CRD's `subresources.scale`: `/scale` served at these paths. @default none */
  readonly scale?: ScalePaths;
  /** The CRD's storage version, when not `version`. @default version */
  readonly storageVersion?: string;
  /** The CRD version's selectableFields' paths (`.spec.color`), for field selectors. @default [] */
  readonly selectableFields?: readonly string[];
}

/** The resource types a server knows, found by group, version and plural name. */
export class ResourceRegistry {
  #types: ResourceType[] = [...builtinTypes];

  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.#types.find((t) => t.group === group && t.version === version && t.plural === plural);
  }

  /** Built-in types first, then custom resources by group name and version priority, as kube-apiserver's discovery lists them. */
  all(): readonly ResourceType[] {
    const custom = this.#types.slice(builtinTypes.length);
    custom.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : compareKubeVersions(a.version, b.version)));
    return [...builtinTypes, ...custom];
  }

  /** Stops serving the types `definition` (a CRD's name) serves; answers them. */
  removeDefinedBy(definition: string): readonly ResourceType[] {
    const removed = this.#types.filter((type) => type.definedBy === definition);
    this.#types = this.#types.filter((type) => type.definedBy !== definition);
    return removed;
  }

  /** Serves a custom resource: like a CRD, a PUT without resourceVersion is refused. */
  registerCustomResource(options: DefinedCustomResource): ResourceType {
    const { group, version, kind, plural } = options;
    for (const [name, value] of Object.entries({ group, version, kind, plural })) {
      if (typeof value !== 'string' || value === '') {
        throw new TypeError(`registerCustomResource: ${name} must be a non-empty string; got ${JSON.stringify(value)}`);
      }
    }
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/.test(group)) {
      throw new RangeError(
        `registerCustomResource: group must be a DNS subdomain with a dot, like example.com; got ${group}`,
      );
    }
    if (this.find(group, version, plural)) {
      throw new RangeError(`registerCustomResource: ${plural}.${group}/${version} is already registered`);
    }
    const type: ResourceType = {
      group,
      version,
      kind,
      plural,
      singular: options.singular ?? kind.toLowerCase(),
      namespaced: options.namespaced ?? true,
      shortNames: options.shortNames ?? [],
      verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
      unconditionalUpdate: false,
      generation: 'all-but-metadata',
      statusSubresource: options.subresources?.status === true,
      ...(options.subresources?.status === true && { prepareStatusUpdate: customResourceStatusUpdate }),
      ...(options.categories !== undefined && { categories: options.categories }),
      ...(options.printerColumns !== undefined && { printerColumns: options.printerColumns }),
      ...(options.schema !== undefined && { customSchema: options.schema }),
      ...(options.definedBy !== undefined && { definedBy: options.definedBy }),
      ...(options.storageVersion !== undefined && { storageVersion: options.storageVersion }),
      ...(options.selectableFields !== undefined && { selectableFields: options.selectableFields }),
      ...(options.scale !== undefined && { scaleSubresource: true, scalePaths: options.scale }),
    };
    this.#types.push(type);
    return type;
  }
}
