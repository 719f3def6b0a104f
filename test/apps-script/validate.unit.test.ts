import { SHEET_SPECS } from '@bangkom/core';
import { MARK_COLOUR, validasiData } from '../../apps-script/src/validate';
import type { World } from './fakes/world';
import { PEGAWAI_HEADER, useWorld } from './helpers';

const world = useWorld();

/** A valid PNS NIP per index: birth date, TMT CPNS 25 years later, gender, sequence. */
function nip(i: number): string {
  const year = 1970 + Math.floor(i / 1000);
  return `${year}0115${year + 25}031${String(i % 1000).padStart(3, '0')}`;
}

function pegawai(n: number): unknown[][] {
  const rows: unknown[][] = [PEGAWAI_HEADER];
  for (let i = 0; i < n; i++) {
    rows.push([
      nip(i),
      `Pegawai ${i}`,
      'PNS',
      'Dinas Kesehatan',
      'Pengelola Data',
      'Pelaksana',
      `p${i}@sawahlunto.go.id`,
      '',
    ]);
  }
  return rows;
}

function addRequiredSheets(w: World): void {
  w.spreadsheet.addSheet('Standar Kompetensi', [
    ['Jabatan', 'Kode Kompetensi', 'Level Standar'],
    ['Pengelola Data', 'M.01', 3],
  ]);
  w.spreadsheet.addSheet('Penilaian', [
    ['NIP', 'Sumber', 'M.01 Integritas'],
    [nip(0), 'Diri', 3],
  ]);
  w.spreadsheet.addSheet('Riwayat Pelatihan', [['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai']]);
  w.spreadsheet.addSheet('Katalog Pelatihan', [
    ['Kode', 'Judul', 'Kompetensi', 'JP', 'Kapasitas', 'Biaya per Peserta'],
  ]);
  w.spreadsheet.addSheet('Anggaran', [
    ['OPD', 'Pagu'],
    ['Dinas Kesehatan', 50_000_000],
  ]);
}

describe('Validasi Data', () => {
  it('reads and writes each sheet a fixed number of times: at most 6 calls for 5,000 rows', () => {
    const calls = (n: number) => {
      const w = world();
      w.spreadsheet.sheets.length = 0;
      w.spreadsheet.addSheet('Pegawai', pegawai(n));
      addRequiredSheets(w);
      w.log.clear();
      const summary = validasiData();
      expect(summary.rows).toBeGreaterThanOrEqual(n);
      return {
        // getName: the one metadata lookup per sheet that matches names ignoring case
        pegawai: w.log
          .spreadsheetCalls('Pegawai')
          .map((c) => c.method)
          .filter((m) => m !== 'getName'),
        total: w.log.spreadsheetCalls().length,
      };
    };
    const small = calls(50);
    const large = calls(5_000);
    expect(large.pegawai.length).toBeLessThanOrEqual(6);
    expect(
      world()
        .log.spreadsheetCalls('Pegawai')
        .filter((c) => c.method === 'getName'),
    ).toHaveLength(1);
    expect(large.pegawai).toEqual([
      'getDataRange',
      'getValues',
      'getNotes',
      'getBackgrounds',
      'setBackgrounds',
      'setNotes',
    ]);
    expect(large.total).toBe(small.total);
  });

  it('marks each invalid cell with a note and colour, lists it in Status Validasi, and clears it once fixed', () => {
    const w = world();
    const rows = pegawai(3);
    rows[2] = [...(rows[2] ?? [])];
    (rows[2] as unknown[])[0] = '12345'; // NIP too short, row 3
    (rows[3] as unknown[])[2] = 'Honorer'; // Jenis ASN not allowed, row 4
    const sheet = w.spreadsheet.addSheet('Pegawai', rows);
    addRequiredSheets(w);
    sheet.backgrounds.set('2:2', '#ffff00'); // a colour staff set themselves
    sheet.notes.set('2:2', 'dicek ulang oleh Bu Rina'); // a note staff wrote on a valid cell
    sheet.notes.set('4:3', 'menunggu SK'); // ... and on a cell that turns out invalid
    sheet.notes.set('1:9', 'kolom tambahan staf'); // on the header of a column of their own

    const first = validasiData();
    expect(first.errors.filter((e) => e.sheet === 'Pegawai').map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [3, 'NIP'],
        [4, 'Jenis ASN'],
      ]),
    );
    expect(sheet.backgrounds.get('3:1')).toBe(MARK_COLOUR);
    expect(sheet.notes.get('3:1')).toMatch(/^⚠ NIP harus 18 digit/);
    expect(sheet.backgrounds.get('4:3')).toBe(MARK_COLOUR);
    expect(sheet.notes.get('4:3')).toMatch(/^menunggu SK\n\n⚠ .*Jenis ASN/);
    expect(sheet.backgrounds.get('2:2')).toBe('#ffff00');
    expect(sheet.notes.get('2:2')).toBe('dicek ulang oleh Bu Rina');
    expect(sheet.notes.get('1:1')).toMatch(/18 digit/); // the header keeps the contract's note
    // a competency column keeps the note of the repeating columns
    expect(w.spreadsheet.sheet('Penilaian')?.notes.get('1:3')).toBe(
      SHEET_SPECS.find((x) => x.name === 'Penilaian')?.repeating?.note,
    );

    const status = w.spreadsheet.sheet('Status Validasi')?.dump() ?? [];
    expect(status[0]).toEqual(['Lembar', 'Baris', 'Kolom', 'Nilai', 'Pesan']);
    expect(status).toContainEqual(['Pegawai', 3, 'NIP', '12345', expect.stringMatching(/18 digit/)]);
    const listed = status.length;

    // staff fix the NIP; the second run clears that mark and keeps the other
    sheet.write(3, 1, `'${nip(7)}`);
    const second = validasiData();
    expect(second.errors.length).toBe(first.errors.length - 1);
    expect(sheet.backgrounds.get('3:1')).toBeUndefined();
    expect(sheet.notes.get('3:1')).toBeUndefined();
    expect(sheet.backgrounds.get('4:3')).toBe(MARK_COLOUR);
    expect(sheet.backgrounds.get('2:2')).toBe('#ffff00');
    // staff's notes are kept, and a warning is not repeated run after run
    expect(sheet.notes.get('2:2')).toBe('dicek ulang oleh Bu Rina');
    expect(sheet.notes.get('4:3')).toMatch(/^menunggu SK\n\n⚠ [^⚠]*$/);
    expect(w.spreadsheet.sheet('Status Validasi')?.dump()).toHaveLength(listed - 1);

    // the Jenis ASN fixed too: the staff note is all that is left on the cell
    sheet.write(4, 3, 'PNS');
    validasiData();
    expect(sheet.notes.get('4:3')).toBe('menunggu SK');
    expect(sheet.backgrounds.get('4:3')).toBeUndefined();
    expect(w.spreadsheet.toasts.at(-1)).toMatch(/galat ditemukan/);
  });
});
