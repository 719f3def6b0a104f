// STUB: owned by the computations helper.
import type { JpReport } from './reports.js';
import type { ProgramData } from './types.js';

export function computeJp(_data: ProgramData, _tahun: number): JpReport {
  throw new Error('not implemented');
}
