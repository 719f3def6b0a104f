/**
 * rowValidator(sheet)(header, row) must give exactly validateRows(sheet, [header, row]): the
 * shared layout may never leak one row's state (uniqueness, latest response) into another.
 */
import fc from 'fast-check';
import { type Cell, type Competency, FORM_SHEETS, rowValidator, SHEET, validateRows } from '../../core/src';

const NIPS = ['198001012005011001', '198502142010122002', '12345', '', null];
const CELLS: Record<string, Cell[]> = {
  NIP: NIPS,
  'NIP Penilai': NIPS,
  Sumber: ['Diri', 'Atasan', 'Asesmen', 'Teman', '', null],
  'ID Respons': ['r1', 'r2', ''],
  Waktu: ['2026-03-01T09:30:00', new Date(Date.UTC(2026, 2, 1, 9, 30)), 'kemarin', null],
  'ID Sesi': ['S-01', 'S-02', '', null],
  Kode: ['M.01', 'P.01', 'Z.99', ''],
  'Unit Layanan': ['Puskesmas', '', null],
  Periode: ['2026-S1', '2026', ''],
  Pre: [60, 120, 'x', null],
  Post: [80, -1, null],
};
const SCORE: Cell[] = [1, 3, 5, 7, '4', 'x', null, true];
const EXTRA = [
  'M.01 Integritas',
  '[M.02] Kerjasama',
  'P.01',
  'X.99 Entah',
  'R1',
  'R2',
  'R9',
  'U1',
  'U2',
  'U9',
  'Catatan',
  '',
  'nip',
];

const headerArb = fc
  .subarray([...Object.keys(CELLS), ...EXTRA], { minLength: 0, maxLength: 10 })
  .chain((hs) => fc.shuffledSubarray(hs, { minLength: hs.length, maxLength: hs.length }));
const rowFor = (header: string[]) =>
  fc.tuple(...header.map((h) => fc.constantFrom(...(CELLS[h] ?? SCORE)))).map((r) => r as Cell[]);
const caseArb = fc
  .tuple(fc.constantFrom(...FORM_SHEETS), headerArb)
  .chain(([sheet, header]) => fc.tuple(fc.constant(sheet), fc.constant(header), rowFor(header)));

const OWN: Competency[] = [
  { row: 2, kode: 'P.01', nama: 'Pelayanan Nagari', kelompok: 'Teknis' },
  { row: 3, kode: 'M.01', nama: 'Integritas', kelompok: 'Manajerial' },
];

describe('rowValidator', () => {
  it.each([
    ['the default dictionary', undefined],
    ['a tenant dictionary', OWN],
  ])('gives each row what validateRows gives it alone (%s)', (_label, dictionary) => {
    const validators = new Map(FORM_SHEETS.map((s) => [s, rowValidator(s, dictionary)]));
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 30 }), (cases) => {
        // one validator per sheet serves every case in turn, as in a batch
        for (const [sheet, header, row] of cases) {
          const alone = validateRows(sheet, [header, row], dictionary);
          expect(validators.get(sheet)?.(header, row)).toEqual(alone);
        }
      }),
      { numRuns: 150, seed: 20261128 },
    );
  });

  it('keeps rows apart: the same key twice is valid both times, each its own record', () => {
    const v = rowValidator(SHEET.reaksi);
    const header = ['ID Sesi', 'NIP', 'R1', 'R2'];
    const a = v(header, ['S-01', '198001012005011001', 2, 3]);
    const b = v(header, ['S-01', '198001012005011001', 4, 3]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(a.records).toHaveLength(1);
    expect(b.records[0]).toMatchObject({ answers: [4, 3] });
    // the same two rows in one sheet: the second is a duplicate
    const together = validateRows(SHEET.reaksi, [
      header,
      ['S-01', '198001012005011001', 2, 3],
      ['S-01', '198001012005011001', 4, 3],
    ]);
    expect(together.errors.map((e) => e.row)).toEqual([3]);
  });

  it('reports header errors for every row of a broken header, and refuses a non-contract sheet', () => {
    const v = rowValidator(SHEET.penilaian);
    const r = v(['NIP', 'Sumber'], ['198001012005011001', 'Diri']);
    expect(r.headerOk).toBe(false);
    expect(r.quarantine).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(/tidak punya kolom kompetensi/);
    expect(v(['NIP', 'Sumber'], ['198502142010122002', 'Atasan']).quarantine[0]?.values).toEqual({
      NIP: '198502142010122002',
      Sumber: 'Atasan',
    });
    expect(() => rowValidator('Lembar Lain')).toThrow('bukan lembar kontrak');
  });
});
