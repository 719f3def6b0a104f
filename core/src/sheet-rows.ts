// STUB: owned by the parsing helper. Signatures are the agreed interface.
import type { SheetSpec } from './sheet-specs.js';
import type { RawSheet, RawWorkbook, ValidationResult } from './types.js';

/** Validates every contract sheet of a raw workbook; valid rows flow on, invalid ones are quarantined. */
export function validateWorkbook(_wb: RawWorkbook): ValidationResult {
  throw new Error('not implemented');
}

/** Records -> 2-D array with the spec's headers first (for writing sheets back). */
export function toRows(_spec: SheetSpec, _records: readonly Record<string, unknown>[]): RawSheet {
  throw new Error('not implemented');
}
