import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DICTIONARY, SHEET, SHEET_SPECS, type SheetSpec } from '@bangkom/core';
import ExcelJS from 'exceljs';
import nock from 'nock';
import { TEMPLATE_PATH } from '../../sheets-templates/generate';
import {
  REACTION_QUESTIONS,
  TEMPLATE_ROWS,
  templateHeaders,
  writeTemplateXlsx,
} from '../../sheets-templates/template';

type Validation = { type: string; formulae?: unknown[]; operator?: string; allowBlank?: boolean };
const validationsOf = (ws: ExcelJS.Worksheet): Record<string, Validation> =>
  (ws as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model;

const specNamed = (name: string): SheetSpec => {
  const spec = SHEET_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`no spec ${name}`);
  return spec;
};

let wb: ExcelJS.Workbook;

beforeAll(async () => {
  nock.disableNetConnect();
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(TEMPLATE_PATH);
});

afterAll(() => nock.enableNetConnect());

describe('template-bangkom.xlsx', () => {
  it('is what the generator writes now (run `npm run templates` after changing the specs)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bangkom-templat-'));
    try {
      const fresh = join(dir, 'templat.xlsx');
      await writeTemplateXlsx(fresh);
      expect((await readFile(fresh)).equals(await readFile(TEMPLATE_PATH))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has a Petunjuk sheet naming every spec sheet, then every spec sheet in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Petunjuk', ...SHEET_SPECS.map((s) => s.name)]);
    const petunjuk = wb.getWorksheet('Petunjuk');
    const firstColumn: string[] = [];
    petunjuk?.eachRow((row) => firstColumn.push(String(row.getCell(1).value ?? '')));
    for (const spec of SHEET_SPECS) expect(firstColumn).toContain(spec.name);
  });

  it.each(SHEET_SPECS.map((s) => [s.name, s] as const))(
    '%s: headers from the spec, styled, noted, frozen',
    (_, spec) => {
      const ws = wb.getWorksheet(spec.name) as ExcelJS.Worksheet;
      const header = ws.getRow(1);
      const headers = templateHeaders(spec);
      headers.forEach((h, i) => {
        const cell = header.getCell(i + 1);
        expect(cell.value).toBe(h);
        expect(cell.font?.bold).toBe(true);
        expect(typeof cell.note === 'string' ? cell.note : JSON.stringify(cell.note)).toMatch(/\S{3,}/);
      });
      expect(header.getCell(headers.length + 1).value).toBeNull();
      for (const c of spec.columns) expect(headers).toContain(c.header);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    },
  );

  it('expands the repeating columns: competencies of the default dictionary and R1..R10', () => {
    const penilaian = templateHeaders(specNamed(SHEET.penilaian));
    for (const d of DEFAULT_DICTIONARY) expect(penilaian).toContain(`${d.kode} ${d.nama}`);
    const reaksi = templateHeaders(specNamed(SHEET.reaksi));
    expect(reaksi.slice(2)).toEqual(REACTION_QUESTIONS.map((_, i) => `R${i + 1}`));
  });

  it('puts a dropdown on every enum column and a range check on every bounded number', () => {
    for (const spec of SHEET_SPECS) {
      const ws = wb.getWorksheet(spec.name) as ExcelJS.Worksheet;
      const dv = validationsOf(ws);
      spec.columns.forEach((c, i) => {
        const letter = String.fromCharCode(65 + i);
        for (const row of [2, TEMPLATE_ROWS + 1]) {
          const v = dv[`${letter}${row}`];
          if (c.kind === 'enum') {
            expect(v?.type).toBe('list');
            expect(String(v?.formulae?.[0])).toBe(`"${(c.values ?? []).join(',')}"`);
          } else if ((c.kind === 'integer' || c.kind === 'number') && c.min !== undefined) {
            expect(v?.type).toBe(c.kind === 'integer' ? 'whole' : 'decimal');
            expect(v?.formulae?.map(Number)).toEqual(c.max === undefined ? [c.min] : [c.min, c.max]);
          } else if (c.kind === 'nip') {
            expect(v).toMatchObject({ type: 'textLength', operator: 'equal' });
          } else {
            expect(v).toBeUndefined();
          }
          if (v) expect(v.allowBlank ?? false).toBe(!c.required || c.emptyAllowed === true);
        }
      });
    }
  });

  it('levels: Penilaian competency columns accept whole numbers 1–5, SKM U1..U9 1–4', () => {
    const pen = wb.getWorksheet(SHEET.penilaian) as ExcelJS.Worksheet;
    const col = templateHeaders(specNamed(SHEET.penilaian)).indexOf('M.01 Integritas') + 1;
    const letter = String.fromCharCode(64 + col);
    expect(validationsOf(pen)[`${letter}2`]).toMatchObject({ type: 'whole', formulae: [1, 5] });
    const skm = wb.getWorksheet(SHEET.skm) as ExcelJS.Worksheet;
    const skmHeaders = templateHeaders(specNamed(SHEET.skm));
    for (let u = 1; u <= 9; u++) {
      const at = String.fromCharCode(65 + skmHeaders.indexOf(`U${u}`));
      expect(validationsOf(skm)[`${at}2`]).toMatchObject({
        type: 'whole',
        formulae: [1, 4],
        allowBlank: true,
      });
    }
  });

  it('formats NIP columns as text and prefills the default dictionary and settings', () => {
    const pegawai = wb.getWorksheet(SHEET.pegawai) as ExcelJS.Worksheet;
    expect(pegawai.getColumn(1).numFmt).toBe('@');
    expect(pegawai.getColumn(8).numFmt).toBe('@');
    const kamus = wb.getWorksheet(SHEET.kamus) as ExcelJS.Worksheet;
    expect(kamus.getRow(2).getCell(1).value).toBe('M.01');
    expect(kamus.rowCount).toBe(1 + DEFAULT_DICTIONARY.length);
    const pengaturan = wb.getWorksheet(SHEET.pengaturan) as ExcelJS.Worksheet;
    expect(pengaturan.getRow(2).values).toEqual([undefined, 'Target JP', 20]);
  });
});
