// The OpenAPI v3 document of one group-version, as small as kubectl allows: for each
// resource, its object path with the PATCH operation only, and the kinds' schemas.
// kubectl reads no more: apply's validation looks for a PATCH operation with the kind's
// x-kubernetes-group-version-kind and a `fieldValidation` query parameter (then leaves
// validation to the server), and client-side apply builds its strategic merge patch from
// the kind's component schema when the PATCH operation accepts one.
import { emulatedVersion } from '../handlers/discovery.ts';
import { groupVersion, type ResourceType, isCustomResource } from '../resource-type.ts';
import { schemaFor } from '../schema/index.ts';
import { componentName } from './component-names.ts';
import { componentRef, type KindComponent, kindComponents, type OpenApiObject } from './components.ts';

const stringParameter = (name: string, where: 'query' | 'path'): OpenApiObject => ({
  name,
  in: where,
  ...(where === 'path' && { required: true }),
  schema: { type: 'string' },
});

// The query parameters kube-apiserver takes on PATCH. The embedded server takes them all; of
// fieldValidation's directives it honours Strict and Ignore, and Warn without the warnings.
const patchParameters: OpenApiObject[] = [
  stringParameter('dryRun', 'query'),
  stringParameter('fieldManager', 'query'),
  stringParameter('fieldValidation', 'query'),
  { name: 'force', in: 'query', schema: { type: 'boolean' } },
];

/** `io.k8s.api.apps.v1.Deployment`; a custom resource's group reversed, as for a CRD. */
export function kindComponentName(type: ResourceType): string {
  if (isCustomResource(type)) return [...type.group.split('.').reverse(), type.version, type.kind].join('.');
  // A built-in kind is named after its Go package (rbac.authorization.k8s.io's is rbac), as its schema is.
  const schema = schemaFor(groupVersion(type), type.kind);
  const named = schema.kind === 'struct' ? componentName(schema) : undefined;
  if (named === undefined) throw new TypeError(`the schema of ${type.kind} has no component name`);
  return named;
}

/** The URL path of one object, with kube-apiserver's parameter names. */
export function objectPath(type: ResourceType): string {
  const prefix = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  return type.namespaced ? `${prefix}/namespaces/{namespace}/${type.plural}/{name}` : `${prefix}/${type.plural}/{name}`;
}

const pascal = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function operationId(type: ResourceType): string {
  const group =
    type.group === ''
      ? ['core']
      : (isCustomResource(type) ? type.group : type.group.replace(/\.k8s\.io$/, '')).split('.');
  return `patch${group.map(pascal).join('')}${pascal(type.version)}${type.namespaced ? 'Namespaced' : ''}${type.kind}`;
}

function patchOperation(type: ResourceType, kindName: string): OpenApiObject {
  // Custom resources take no strategic merge patch: kubectl's apply sends them a merge patch.
  const patchTypes = [
    'application/apply-patch+yaml',
    'application/json-patch+json',
    'application/merge-patch+json',
    ...(isCustomResource(type) ? [] : ['application/strategic-merge-patch+json']),
  ];
  const returns = (description: string) => ({
    description,
    content: { 'application/json': { schema: componentRef(kindName) } },
  });
  return {
    operationId: operationId(type),
    parameters: patchParameters,
    requestBody: {
      content: Object.fromEntries(patchTypes.map((patchType) => [patchType, { schema: { type: 'object' } }])),
      required: true,
    },
    responses: { '200': returns('OK'), '201': returns('Created') },
    'x-kubernetes-action': 'patch',
    'x-kubernetes-group-version-kind': { group: type.group, version: type.version, kind: type.kind },
  };
}

/** The document of the group-version all of `types` belong to. */
export function groupVersionDocument(types: readonly ResourceType[]): OpenApiObject {
  const paths: OpenApiObject = {};
  const kinds: KindComponent[] = [];
  for (const type of types) {
    const name = kindComponentName(type);
    paths[objectPath(type)] = {
      patch: patchOperation(type, name),
      parameters: [stringParameter('name', 'path'), ...(type.namespaced ? [stringParameter('namespace', 'path')] : [])],
    };
    const schema = schemaFor(groupVersion(type), type.kind);
    if (schema.kind !== 'struct') throw new TypeError(`the schema of ${type.kind} is not a struct`);
    kinds.push({ name, schema, group: type.group, version: type.version, kind: type.kind });
  }
  // kube-apiserver titles the documents it builds from CustomResourceDefinitions apart.
  const info = types.every(isCustomResource)
    ? { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' }
    : { title: 'Kubernetes', version: `${emulatedVersion.major}.${emulatedVersion.minor}` };
  return { openapi: '3.0.0', info, paths, components: { schemas: kindComponents(kinds) } };
}
