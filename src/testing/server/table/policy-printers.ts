// The printer of policy/v1 PodDisruptionBudgets (k8s.io/kubernetes
// pkg/printers/internalversion printPodDisruptionBudget): columns and descriptions as
// kube-apiserver v1.36.3 sends them, cells as that function computes them.
import { ageColumn, column, nameColumn, type Printer } from './column-definitions.ts';
import { age } from './human-duration.ts';
import { objectAt } from './json-access.ts';

/** An IntOrString as Go's String() writes it, `N/A` when the field is unset. */
const intOrString = (value: unknown): string =>
  typeof value === 'number' || typeof value === 'string' ? String(value) : 'N/A';

export const podDisruptionBudgetPrinter: Printer = {
  columns: [
    nameColumn,
    column('Min Available', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.', {
      type: 'integer',
    }),
    ageColumn,
  ],
  cells: (object, now) => {
    const spec = objectAt(object, 'spec');
    const allowed = objectAt(object, 'status').disruptionsAllowed;
    return [
      object.metadata?.name ?? '',
      intOrString(spec.minAvailable),
      intOrString(spec.maxUnavailable),
      typeof allowed === 'number' ? allowed : 0,
      age(object.metadata?.creationTimestamp, now),
    ];
  },
};
