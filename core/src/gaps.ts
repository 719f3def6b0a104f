// STUB: owned by the computations helper.
import type { GapsReport } from './reports.js';
import type { ProgramData } from './types.js';

export function computeGaps(_data: ProgramData): GapsReport {
  throw new Error('not implemented');
}
