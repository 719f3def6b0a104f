// STUB: owned by the computations helper.
import type { EvaluationReport } from './reports.js';
import type { ProgramData } from './types.js';

export function evaluate(_data: ProgramData): EvaluationReport {
  throw new Error('not implemented');
}
