// kube-apiserver's rules for a CRD's additionalPrinterColumns. Columns every version
// shares are validated once, at the top level (`spec.additionalPrinterColumns[i]`), as
// the internal form holds them; others per version.
import type { Cause } from '../http/status.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import type { CrdVersion, PrinterColumn } from './crd-fields.ts';

const columnTypes = ['boolean', 'date', 'integer', 'number', 'string'];
const columnFormats = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];

/** The causes, per version (in the versions' loop) and for the columns every version shares. */
export function columnCauses(versions: readonly CrdVersion[]): { perVersion: Cause[][]; shared: Cause[] } {
  const first = JSON.stringify(versions[0]?.additionalPrinterColumns ?? []);
  const shared =
    versions.length > 0 && versions.every((v) => JSON.stringify(v.additionalPrinterColumns ?? []) === first);
  if (shared) {
    const causes = (versions[0]?.additionalPrinterColumns ?? []).flatMap((column, i) =>
      oneColumnCauses(column, `spec.additionalPrinterColumns[${String(i)}]`),
    );
    return { perVersion: [], shared: causes };
  }
  const perVersion = versions.map((version, v) =>
    (version.additionalPrinterColumns ?? []).flatMap((column, i) =>
      oneColumnCauses(column, `spec.versions[${String(v)}].additionalPrinterColumns[${String(i)}]`),
    ),
  );
  return { perVersion, shared: [] };
}

function oneColumnCauses(column: PrinterColumn, path: string): Cause[] {
  const causes: Cause[] = [];
  if ((column.name ?? '') === '') causes.push(required(`${path}.name`, ''));
  const types = `must be one of ${columnTypes.join(',')}`;
  const type = column.type ?? '';
  if (type === '') causes.push(required(`${path}.type`, types));
  else if (!columnTypes.includes(type)) causes.push(invalidValue(`${path}.type`, type, types));
  const format = column.format ?? '';
  if (format !== '' && !columnFormats.includes(format)) {
    causes.push(invalidValue(`${path}.format`, format, `must be one of ${columnFormats.join(',')}`));
  }
  const jsonPath = column.jsonPath ?? '';
  if (jsonPath === '') causes.push(required(`${path}.JSONPath`, ''));
  else if (!jsonPath.startsWith('.')) {
    causes.push(invalidValue(`${path}.JSONPath`, jsonPath, 'must be a simple json path starting with .'));
  }
  return causes;
}
