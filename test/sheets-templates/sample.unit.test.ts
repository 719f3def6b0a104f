import { SHEET } from '@bangkom/core';
import nock from 'nock';
import { SAMPLE_PATH } from '../../sheets-templates/generate';
import { generateProgram, SAMPLE_OPTIONS } from '../../sheets-templates/program';
import { normaliseSheet, readWorkbookXlsx } from '../../sheets-templates/xlsx';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('sampel-sawahlunto.xlsx', () => {
  it('holds, cell for cell, what the generator produces now (run `npm run templates` after a change)', async () => {
    const expected = generateProgram(SAMPLE_OPTIONS);
    const actual = await readWorkbookXlsx(SAMPLE_PATH);
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    for (const [name, sheet] of Object.entries(expected)) {
      const got = actual[name] ?? [];
      const want = normaliseSheet(sheet);
      expect(got.length).toBe(want.length);
      // compare row by row so a mismatch names its row
      for (let r = 0; r < want.length; r++) {
        if (JSON.stringify(got[r]) !== JSON.stringify(want[r]))
          expect([name, r + 1, got[r]]).toEqual([name, r + 1, want[r]]);
      }
    }
    // NIPs stay text (18 digits, no float rounding), dates stay dates
    expect(actual[SHEET.pegawai]?.[1]?.[0]).toMatch(/^\d{18}$/);
    expect(actual[SHEET.riwayat]?.[1]?.[3]).toBeInstanceOf(Date);
  });
});
