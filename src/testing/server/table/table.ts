// Server-side printing: kubectl get asks for `application/json;as=Table;v=v1;g=meta.k8s.io`
// and prints the columns it gets back; given a plain object it can only print NAME and AGE.
import type { Conversion } from '../http/negotiate.ts';
import { badRequest } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import { groupVersion, isCustomResource, type ResourceType } from '../resource-type.ts';
import { builtinPrinter, defaultPrinter, type Printer } from './columns.ts';
import { columnsPrinter, crdPrinter } from '../crd/crd-printers.ts';

/** The printer of `type`: built-in kinds that have one, and custom resources (Name, Age). */
function printerOf(type: ResourceType): Printer | undefined {
  if (type.kind === 'CustomResourceDefinition' && type.group === 'apiextensions.k8s.io') return crdPrinter;
  if (type.printerColumns !== undefined && type.printerColumns.length > 0) return columnsPrinter(type.printerColumns);
  return builtinPrinter(groupVersion(type), type.kind) ?? (isCustomResource(type) ? defaultPrinter : undefined);
}

const includeObjectValues = ['', 'Metadata', 'Object', 'None'];

/**
 * `body` (an object or a list of `type`) as the Table kube-apiserver would send when asked,
 * or `body` itself when no Table is asked or the kind has no printer here.
 */
export function asTableIfAsked(
  type: ResourceType,
  conversion: Conversion | undefined,
  query: URLSearchParams,
  body: KubeObject,
  now = new Date(),
): KubeObject {
  const printer = printerOf(type);
  if (!printer || conversion?.kind !== 'Table') return body;
  const tableVersion = `meta.k8s.io/${conversion.version}`;
  const includeObject = query.get('includeObject') ?? '';
  if (!includeObjectValues.includes(includeObject)) {
    throw badRequest(
      `Unable to convert to Table as requested: includeObject: Invalid value: ${JSON.stringify(includeObject)}: must be 'Metadata', 'Object', 'None', or empty`,
    );
  }
  const isList = Array.isArray(body.items);
  const objects = isList ? (body.items as KubeObject[]) : [body];
  const listMetadata = body.metadata ?? {};
  const rowObject = (object: KubeObject): KubeObject | null => {
    if (includeObject === 'None') return null;
    if (includeObject === 'Object') return { kind: type.kind, apiVersion: groupVersion(type), ...object };
    const metadata = object.metadata ?? {};
    return {
      kind: 'PartialObjectMetadata',
      apiVersion: tableVersion,
      metadata: printer.rowMetadata?.(metadata) ?? metadata,
    };
  };
  return {
    kind: 'Table',
    apiVersion: tableVersion,
    metadata: {
      resourceVersion: listMetadata.resourceVersion,
      ...(isList &&
        typeof listMetadata.continue === 'string' &&
        listMetadata.continue !== '' && { continue: listMetadata.continue }),
      ...(isList &&
        listMetadata.remainingItemCount !== undefined && { remainingItemCount: listMetadata.remainingItemCount }),
    },
    columnDefinitions: printer.columns,
    rows: objects.map((object) => {
      const conditions = printer.conditions?.(object);
      return { cells: printer.cells(object, now), ...(conditions && { conditions }), object: rowObject(object) };
    }),
  };
}
