// Objects kube-apiserver v1.36.3 refuses with 422 for the mistakes people make in their
// specs (the embedded server's validate hooks, src/testing/server/resources/validate-*.ts).
import type { ConformanceCase } from '../conformance-case.ts';
import { invalidBudgetClaimCases } from './invalid/budgets-claims.ts';
import { invalidConfigCases } from './invalid/config.ts';
import { invalidContainerCases } from './invalid/containers.ts';
import { invalidNetworkingCases } from './invalid/networking.ts';
import { invalidRbacCases } from './invalid/rbac.ts';
import { invalidServiceCases } from './invalid/services.ts';
import { invalidWorkloadCases } from './invalid/workloads.ts';

export const invalidSpecCases: ConformanceCase[] = [
  ...invalidWorkloadCases,
  ...invalidConfigCases,
  ...invalidRbacCases,
  ...invalidServiceCases,
  ...invalidBudgetClaimCases,
  ...invalidNetworkingCases,
  ...invalidContainerCases,
];
