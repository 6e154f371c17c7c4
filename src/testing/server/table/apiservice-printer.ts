// The printer of apiregistration.k8s.io/v1 APIServices (kube-aggregator
// pkg/registry/apiservice/etcd ConvertToTable): columns and descriptions as
// kube-apiserver v1.36.3 sends them, cells as that function computes them.
import { ageColumn, column, nameColumn, type Printer } from './column-definitions.ts';
import { age } from './human-duration.ts';
import { isObject, type Json, objectAt, text } from './json-access.ts';

/** `Local`, or the service's `namespace/name`. */
function serviceCell(spec: Json): string {
  return isObject(spec.service) ? `${text(spec.service.namespace)}/${text(spec.service.name)}` : 'Local';
}

/** The Available condition: `True`, `False (Reason)`, its bare status without a reason, `Unknown` without one. */
function availableCell(status: Json): string {
  const conditions = Array.isArray(status.conditions) ? (status.conditions as unknown[]) : [];
  const available = conditions.find(
    (condition): condition is Json => isObject(condition) && condition.type === 'Available',
  );
  if (!available) return 'Unknown';
  const value = text(available.status);
  const reason = text(available.reason);
  return value === 'True' || reason === '' ? value : `${value} (${reason})`;
}

export const apiServicePrinter: Printer = {
  columns: [
    nameColumn,
    column('Service', 'The reference to the service that hosts this API endpoint.'),
    column('Available', 'Whether this service is available.'),
    ageColumn,
  ],
  cells: (object, now) => [
    object.metadata?.name ?? '',
    serviceCell(objectAt(object, 'spec')),
    availableCell(objectAt(object, 'status')),
    age(object.metadata?.creationTimestamp, now),
  ],
};
