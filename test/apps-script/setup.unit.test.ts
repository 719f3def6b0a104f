import { SHEET_SPECS } from '@bangkom/core';
import { APP_SHEET_SPECS } from '../../apps-script/src/app-sheets';
import { HEADER_COLOUR, PROTECTION_NOTE, siapkanLembar } from '../../apps-script/src/setup';
import { useWorld } from './helpers';

const world = useWorld();

describe('Siapkan Lembar', () => {
  it('creates every contract sheet with headers, notes, dropdowns, a frozen and protected header row', () => {
    siapkanLembar();
    const ss = world().spreadsheet;
    for (const spec of [...SHEET_SPECS, ...APP_SHEET_SPECS]) {
      const sheet = ss.sheet(spec.name);
      expect(sheet).toBeDefined();
      const header = (sheet?.dump()[0] ?? []).map(String);
      expect(header.slice(0, spec.columns.length)).toEqual(spec.columns.map((c) => c.header));
      expect(sheet?.frozenRows).toBe(1);
      expect(sheet?.notes.get('1:1')).toBe(spec.columns[0]?.note);
      expect(sheet?.backgrounds.get('1:1')).toBe(HEADER_COLOUR);
      expect(
        sheet?.protections.filter((p) => p.description === PROTECTION_NOTE && p.warningOnly),
      ).toHaveLength(1);
    }
    const pegawai = ss.sheet('Pegawai');
    const jenis = pegawai?.validations.get(3); // Jenis ASN
    expect(jenis?.rule.values).toEqual(['PNS', 'PPPK']);
    expect(jenis?.fromRow).toBe(2);
    expect(jenis?.rule.allowInvalid).toBe(false);
    // Penilaian gets one column per competency of the default dictionary; reactions R1..R8
    expect(ss.sheet('Penilaian')?.dump()[0]).toEqual(
      expect.arrayContaining(['M.01 Integritas', 'M.08 Pengambilan Keputusan', 'SK.01 Perekat Bangsa']),
    );
    expect(ss.sheet('Evaluasi Reaksi')?.dump()[0]).toEqual([
      'ID Sesi',
      'NIP',
      'R1',
      'R2',
      'R3',
      'R4',
      'R5',
      'R6',
      'R7',
      'R8',
    ]);
    expect(world().ui.alerts.at(-1)).toMatch(/^Lembar siap/);
  });

  it('repairs without touching data: missing headers appended, order and extra columns kept, nothing doubled', () => {
    const ss = world().spreadsheet;
    const pegawai = ss.addSheet('pegawai ', [
      ['Nama', 'NIP', 'Catatan Staf', 'OPD'],
      ['Ani', '199001152015032001', 'pindahan', 'Dinas Kesehatan'],
    ]);
    pegawai.notes.set('1:3', 'catatan milik staf');
    ss.addSheet('Penilaian', [['NIP', 'Sumber', '[M.01] Integritas', 'Stempel waktu']]);
    siapkanLembar();
    siapkanLembar();
    expect(ss.sheets.filter((s) => s.name.toLowerCase().trim() === 'pegawai')).toHaveLength(1);
    expect(pegawai.dump()).toEqual([
      ['Nama', 'NIP', 'Catatan Staf', 'OPD', 'Jenis ASN', 'Jabatan', 'Jenis Jabatan', 'Email', 'NIP Atasan'],
      ['Ani', '199001152015032001', 'pindahan', 'Dinas Kesehatan', '', '', '', '', ''],
    ]);
    expect(pegawai.notes.get('1:3')).toBe('catatan milik staf');
    expect(pegawai.protections).toHaveLength(1);
    const penilaian = (ss.sheet('Penilaian')?.dump()[0] ?? []).map(String);
    // [M.01] counts as M.01; Stempel waktu is the alias of Waktu
    expect(penilaian.filter((h) => h.includes('M.01'))).toEqual(['[M.01] Integritas']);
    expect(penilaian).not.toContain('Waktu');
  });

  it('uses the dictionary of Kamus Kompetensi for the Penilaian columns', () => {
    const ss = world().spreadsheet;
    ss.addSheet('Kamus Kompetensi', [
      ['Kode', 'Nama', 'Kelompok'],
      ['T.01', 'Analisis Data', 'Teknis'],
    ]);
    siapkanLembar();
    expect(ss.sheet('Penilaian')?.dump()[0]).toEqual([
      'NIP',
      'Sumber',
      'ID Respons',
      'Waktu',
      'NIP Penilai',
      'Email Penilai',
      'T.01 Analisis Data',
    ]);
  });
});
