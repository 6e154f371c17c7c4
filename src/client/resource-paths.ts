import { isNotFound } from '../core/errors/classify.ts';
import type { ObjectRef } from '../core/object.ts';
import type { KubeTransport } from './kube-transport.ts';

interface ApiResource {
  readonly name: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

/** Where a kind lives: its collection's path (for a namespace) and the plural, for messages. */
export interface ResourceLocation {
  readonly collection: string;
  readonly item: string;
  /** `deployments.apps`, `configmaps`: as kubectl and error messages name resources. */
  readonly resource: string;
}

/**
 * Finds each kind's plural and scope from the server's discovery document, once per
 * group version, as kubectl does: custom resources work as built-in ones do.
 */
export class ResourcePaths {
  readonly #transport: KubeTransport;
  readonly #groupVersions = new Map<string, Promise<readonly ApiResource[]>>();

  constructor(transport: KubeTransport) {
    this.#transport = transport;
  }

  async locate(
    ref: Pick<ObjectRef, 'apiVersion' | 'kind' | 'namespace'> & { name?: string },
  ): Promise<ResourceLocation> {
    const root = ref.apiVersion.includes('/') ? `/apis/${ref.apiVersion}` : `/api/${ref.apiVersion}`;
    const found = (await this.#resources(root, ref.apiVersion)).find(
      (resource) => resource.kind === ref.kind && !resource.name.includes('/'),
    );
    if (!found) {
      throw new Error(`the server has no kind ${ref.kind} in ${ref.apiVersion}; check apiVersion and kind`);
    }
    if (found.namespaced && ref.namespace === undefined) {
      throw new Error(`${ref.kind} is namespaced: give the object's namespace`);
    }
    const scope = found.namespaced ? `/namespaces/${encodeURIComponent(ref.namespace ?? '')}` : '';
    const collection = `${root}${scope}/${found.name}`;
    const group = ref.apiVersion.includes('/') ? `.${ref.apiVersion.split('/')[0] ?? ''}` : '';
    return {
      collection,
      item: ref.name === undefined ? collection : `${collection}/${encodeURIComponent(ref.name)}`,
      resource: `${found.name}${group}`,
    };
  }

  #resources(root: string, apiVersion: string): Promise<readonly ApiResource[]> {
    let resources = this.#groupVersions.get(apiVersion);
    if (!resources) {
      resources = this.#transport
        .request<{ resources?: ApiResource[] }>({ method: 'GET', path: root })
        .then((list) => list.resources ?? [])
        .catch((error: unknown) => {
          if (isNotFound(error)) throw new Error(`the server does not serve ${apiVersion}; check apiVersion`);
          throw error;
        });
      // A failed discovery is asked again next time, not remembered.
      resources.catch(() => this.#groupVersions.delete(apiVersion));
      this.#groupVersions.set(apiVersion, resources);
    }
    return resources;
  }
}
