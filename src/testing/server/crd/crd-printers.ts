// Server-side Tables of CRDs and of the custom resources they serve, as apiextensions'
// table convertor prints them: Name, then each additionalPrinterColumn (its description,
// or "Custom resource definition column (in JSONPath format): <path>"), cells found by
// the column's JSONPath and typed as the column says. A CRD lists as Name, Created At.
import type { KubeObject } from '../../../core/object.ts';
import { ageDescription, column, nameColumn, type Printer } from '../table/column-definitions.ts';
import { age } from '../table/human-duration.ts';
import type { PrinterColumn } from './crd-fields.ts';

export const crdPrinter: Printer = {
  columns: [nameColumn, column('Created At', ageDescription, { type: 'date' })],
  cells: (object) => [object.metadata?.name ?? '', object.metadata?.creationTimestamp ?? null],
};

/** The printer of a custom resource with additionalPrinterColumns. */
export function columnsPrinter(printerColumns: readonly PrinterColumn[]): Printer {
  return {
    columns: [
      nameColumn,
      ...printerColumns.map((printed) =>
        column(
          printed.name ?? '',
          printed.description ?? `Custom resource definition column (in JSONPath format): ${printed.jsonPath ?? ''}`,
          { type: printed.type ?? '', format: printed.format ?? '', priority: printed.priority ?? 0 },
        ),
      ),
    ],
    cells: (object, now) => [
      object.metadata?.name ?? '',
      ...printerColumns.map((printed) => cell(printed.type ?? '', valueAt(object, printed.jsonPath ?? ''), now)),
    ],
  };
}

/** `.a.b[0].c`: the simple JSONPaths CRDs use; anything fancier (filters) finds nothing here. */
function valueAt(object: KubeObject, path: string): unknown {
  const steps = path.match(/\.[^.[\]]+|\[\d+\]/g) ?? [];
  if (steps.join('') !== path) return undefined;
  let value: unknown = object;
  for (const step of steps) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = step.startsWith('[')
      ? (value as unknown[])[Number(step.slice(1, -1))]
      : (value as Record<string, unknown>)[step.slice(1)];
  }
  return value;
}

function cell(type: string, value: unknown, now: Date): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'string') return typeof value === 'string' ? value : JSON.stringify(value);
  if (type === 'integer' && typeof value === 'number') return Math.trunc(value);
  if (type === 'number' && typeof value === 'number') return value;
  if (type === 'boolean' && typeof value === 'boolean') return value;
  if (type === 'date' && typeof value === 'string') {
    return Number.isNaN(Date.parse(value)) ? '<invalid>' : age(value, now);
  }
  return null;
}
