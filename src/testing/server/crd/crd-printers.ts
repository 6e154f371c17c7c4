// Server-side Tables of CRDs and of the custom resources they serve, as apiextensions'
// table convertor prints them: Name, then each additionalPrinterColumn (its description,
// or "Custom resource definition column (in JSONPath format): <path>"), cells found by
// the column's JSONPath (client-go's, filters included) and typed as the column says. A CRD lists as Name, Created At.
import type { KubeObject } from '../../../core/object.ts';
import { ageDescription, column, nameColumn, type Printer } from '../table/column-definitions.ts';
import { age } from '../table/human-duration.ts';
import { findResults, parseJsonPath, printResult, type PathNode } from '../go/go-jsonpath.ts';
import type { PrinterColumn } from './crd-fields.ts';

export const crdPrinter: Printer = {
  columns: [nameColumn, column('Created At', ageDescription, { type: 'date' })],
  cells: (object) => [object.metadata?.name ?? '', object.metadata?.creationTimestamp ?? null],
};

/**
 * The printer of a custom resource with additionalPrinterColumns. As kube-apiserver, it
 * keeps the columns before the first path client-go's JSONPath cannot parse (the CRD is
 * accepted; the server logs it and prints what it could).
 */
export function columnsPrinter(printerColumns: readonly PrinterColumn[]): Printer {
  const parsed: { printed: PrinterColumn; path: PathNode[] }[] = [];
  for (const printed of printerColumns) {
    try {
      parsed.push({ printed, path: parseJsonPath(`{${printed.jsonPath ?? ''}}`) });
    } catch {
      break;
    }
  }
  return {
    columns: [
      nameColumn,
      ...parsed.map(({ printed }) =>
        column(
          printed.name ?? '',
          printed.description ?? `Custom resource definition column (in JSONPath format): ${printed.jsonPath ?? ''}`,
          { type: printed.type ?? '', format: printed.format ?? '', priority: printed.priority ?? 0 },
        ),
      ),
    ],
    cells: (object, now) => [
      object.metadata?.name ?? '',
      ...parsed.map(({ printed, path }) => cell(printed.type ?? '', path, object, now)),
    ],
  };
}

/** The first value the path finds, typed as the column says; null when it finds none or fails. */
function cell(type: string, path: PathNode[], object: KubeObject, now: Date): unknown {
  let found: unknown[];
  try {
    found = findResults(path, object)[0] ?? [];
  } catch {
    return null;
  }
  if (found.length === 0) return null;
  const value = found[0];
  if (type === 'string') return printResult(value);
  if (value === undefined || value === null) return null;
  if (type === 'integer' && typeof value === 'number') return Math.trunc(value);
  if (type === 'number' && typeof value === 'number') return value;
  if (type === 'boolean' && typeof value === 'boolean') return value;
  if (type === 'date' && typeof value === 'string') {
    return Number.isNaN(Date.parse(value)) ? '<invalid>' : age(value, now);
  }
  return null;
}
