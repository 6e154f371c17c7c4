// Every row of the Status table (docs/REAL-APISERVER.md) is a conformance case too.
import { statusCases } from '../../support/status-cases.ts';
import type { ConformanceCase } from '../conformance-case.ts';

export const statusRowCases: ConformanceCase[] = statusCases.map((statusCase) => ({
  name: `status: ${statusCase.request}`,
  steps: statusCase.steps,
}));
