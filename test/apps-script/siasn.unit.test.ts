/**
 * Ekspor SIASN from the menu, on the sample spreadsheet: the same rows as the core computes,
 * every row of the written sheet passing SIASN's field rules, Riwayat Pelatihan completed from
 * Daftar Hadir and marked, and a rerun that writes nothing new.
 */
import {
  attendanceLoop,
  resolveTahunJp,
  SIASN_FIELDS,
  siasnExport,
  siasnRowSchema,
  validateWorkbook,
} from '@bangkom/core';
import { spreadsheet } from '../../apps-script/src/gas';
import { eksporSiasn } from '../../apps-script/src/index';
import { exportSiasn, siasnMessage, TIDAK_DIEKSPOR_HEADER } from '../../apps-script/src/siasn';
import { validateSpreadsheet } from '../../apps-script/src/validate';
import { generateProgram, SAMPLE_OPTIONS } from '../../sheets-templates/program';
import { jakarta } from './fakes/world';
import { useWorld } from './helpers';

// the sample's generator at a fifth of its size: the same sheets and deliberate errors, a faster test
const sample = generateProgram({ ...SAMPLE_OPTIONS, employees: 500 });
const world = useWorld((w) => {
  for (const [name, rows] of Object.entries(sample)) w.spreadsheet.addSheet(name, rows as unknown[][]);
});

const dump = (name: string) => world().spreadsheet.sheet(name)?.dump() ?? [];
const filled = (rows: unknown[][]) => rows.filter((r) => r.some((v) => v !== ''));

describe('Ekspor SIASN (menu)', () => {
  it('writes the rows the core computes, marks them in Riwayat, and a rerun writes nothing new', () => {
    const data = validateWorkbook(sample).data;
    const tahun = resolveTahunJp(data, undefined, 2026);
    const loop = attendanceLoop(data, tahun);
    const expected = siasnExport(loop.data, { tahun });
    expect(loop.records.length).toBeGreaterThan(20);
    expect(expected.rows.length).toBeGreaterThan(200);
    const riwayatBefore = filled(dump('Riwayat Pelatihan')).length;
    const errorsBefore = validateSpreadsheet(spreadsheet()).errors.length;

    const r = exportSiasn(spreadsheet(), jakarta(2026, 12, 7, 10));
    expect(r).toMatchObject({
      tahun,
      lembar: `Ekspor SIASN ${tahun} 2026-12-07`,
      rows: expected.rows.length,
      riwayatBaru: loop.records.length,
      sudahDiekspor: expected.sudahDiekspor,
    });
    expect(r.tidakDiekspor).toEqual(expected.tidakDiekspor);

    // the sheet: SIASN's fields in order, every row passing the field rules, the core's rows
    const [header, ...rows] = filled(dump(r.lembar ?? ''));
    expect(header).toEqual([...SIASN_FIELDS]);
    const parsed = rows.map((row) =>
      siasnRowSchema.parse(Object.fromEntries(SIASN_FIELDS.map((f, i) => [f, row[i]]))),
    );
    expect(parsed).toEqual(expected.rows);

    // Riwayat: the completers appended once, every exported row dated
    const riwayat = filled(dump('Riwayat Pelatihan'));
    expect(riwayat.length).toBe(riwayatBefore + loop.records.length);
    const mark = (riwayat[0] ?? []).indexOf('Diekspor SIASN');
    const sesi = (riwayat[0] ?? []).indexOf('ID Sesi');
    expect(riwayat.slice(1).filter((row) => row[mark] instanceof Date)).toHaveLength(r.rows);
    expect(riwayat.slice(1).filter((row) => row[sesi] !== '')).toHaveLength(loop.records.length);
    expect(riwayat.slice(1).find((row) => row[mark] instanceof Date)?.[mark]).toEqual(jakarta(2026, 12, 7));

    // the rows left out, with their Indonesian reasons
    const [leftHeader, ...left] = filled(dump('Tidak Diekspor SIASN'));
    expect(leftHeader).toEqual([...TIDAK_DIEKSPOR_HEADER]);
    expect(left.map((row) => row[4])).toEqual(expected.tidakDiekspor.map((x) => x.alasan));
    expect(left.length).toBeGreaterThan(0);

    // the written spreadsheet still validates as before, and a rerun writes nothing new
    expect(validateSpreadsheet(spreadsheet()).errors.length).toBe(errorsBefore);
    const sheets = world().spreadsheet.sheets.length;
    const again = exportSiasn(spreadsheet(), jakarta(2026, 12, 8, 10));
    expect(again).toMatchObject({
      lembar: null,
      rows: 0,
      riwayatBaru: 0,
      sudahDiekspor: expected.sudahDiekspor + r.rows,
    });
    expect(world().spreadsheet.sheets.length).toBe(sheets);
    expect(filled(dump('Riwayat Pelatihan')).length).toBe(riwayat.length);

    // what the menu says, both times
    const said = siasnMessage(r);
    expect(said).toMatch(
      new RegExp(
        `^${r.rows.toLocaleString('id-ID').replace('.', '\\.')} baris riwayat kursus tahun ${tahun} ditulis ke lembar "Ekspor SIASN ${tahun} 2026-12-07"\\.`,
      ),
    );
    expect(said).toContain(
      `${loop.records.length} baris Riwayat Pelatihan baru dari Daftar Hadir ditambahkan.`,
    );
    const first = expected.tidakDiekspor[0];
    expect(said).toContain(
      `baris tidak dapat diekspor (daftar lengkap di lembar "Tidak Diekspor SIASN"):\n- baris ${first?.row}, NIP ${first?.nip}, ${first?.namaPelatihan}: ${first?.alasan}`,
    );
    world().lock.busyElsewhere = true;
    eksporSiasn();
    expect(world().ui.alerts).toEqual([
      expect.stringMatching(/^Ekspor SIASN tidak dijalankan: spreadsheet sedang dipakai/),
    ]);
    world().lock.busyElsewhere = false;
    world().ui.alerts.length = 0;
    eksporSiasn();
    expect(world().ui.alerts).toHaveLength(1);
    expect(world().ui.alerts[0]).toMatch(
      new RegExp(
        `^Tidak ada baris baru tahun ${tahun} untuk diekspor; tidak ada lembar yang ditulis\\.\n\n0 baris Riwayat Pelatihan baru`,
      ),
    );
  });
});
