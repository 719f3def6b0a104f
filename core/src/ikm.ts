// STUB: owned by the computations helper.
import type { IkmReport } from './reports.js';
import type { SkmResponse } from './types.js';

export function computeIkm(_skm: readonly SkmResponse[]): IkmReport {
  throw new Error('not implemented');
}
