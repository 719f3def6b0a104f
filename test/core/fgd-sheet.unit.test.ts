import {
  buildLeaderSummary,
  buildSummaryModel,
  computeGaps,
  computeIkm,
  computeJp,
  type FgdLine,
  SUMMARY_TITLES,
} from '@bangkom/core';
import { assessment, employee, programData, standards } from './builders';

const line = (over: Partial<FgdLine>): FgdLine => ({
  row: 2,
  tanggal: '2026-10-14',
  opd: 'Dinas Sosial',
  peserta: 18,
  fasilitator: 'Rina Kartika',
  ...over,
});

function model(fgd: FgdLine[]) {
  const sosial = Array.from({ length: 6 }, () => employee({ opd: 'Dinas Sosial', jabatan: 'Analis' }));
  const bappeda = Array.from({ length: 6 }, () => employee({ opd: 'Bappeda', jabatan: 'Analis' }));
  const data = programData({
    employees: [...sosial, ...bappeda],
    standards: standards('Analis', { 'M.01': 3, 'M.03': 3, 'M.05': 4 }, 2),
    // measured in both OPDs: M.05 gap 2, M.01 gap 1, M.03 none
    assessments: [...sosial, ...bappeda].map((e) =>
      assessment(e.nip, 'Asesmen', { 'M.01': 2, 'M.03': 3, 'M.05': 2 }),
    ),
  });
  data.fgd = fgd;
  const gaps = computeGaps(data);
  const ikm = computeIkm(data.skm);
  const summary = buildLeaderSummary(data, gaps, computeJp(data, 2026), ikm);
  return { data, summary, model: buildSummaryModel({ summary, ikm, generatedAt: new Date(0) }) };
}

describe('Prioritas FGD (leaders)', () => {
  const lines = [
    line({ tanggal: '2025-10-01', kode: 'M.03', peringkat: 1 }), // older: revised by the next FGD
    line({ kode: 'M.05', peringkat: 1 }),
    line({ topik: 'Aplikasi SRIKANDI', peringkat: 2, peserta: 20 }),
    line({ opd: 'Bappeda', tanggal: '2026-09-30', kode: 'M.03', suara: 11, peserta: 9 }),
    line({
      opd: 'Bappeda',
      tanggal: '2026-09-30',
      topik: 'Penulisan naskah kebijakan',
      suara: 7,
      peserta: 9,
    }),
    line({ opd: 'Kelompok Penyuluh', tanggal: '2026-08-01', kode: 'M.05', peringkat: 1 }),
  ];

  it('sets the latest FGD of each OPD beside its measured gaps and marks where they differ', () => {
    const { summary, model: m } = model(lines);
    expect(summary.fgd?.map((f) => [f.opd, f.tanggal, f.peserta, f.topik.length])).toEqual([
      ['Bappeda', '2026-09-30', 9, 2],
      ['Dinas Sosial', '2026-10-14', 20, 2],
      ['Kelompok Penyuluh', '2026-08-01', 18, 1],
    ]);
    const sheet = m.sheets.find((s) => s.title === SUMMARY_TITLES.fgd);
    expect(sheet?.table.columns.map((c) => c.header)).toEqual([
      'No',
      'OPD',
      'Tanggal FGD',
      'Peserta',
      'Prioritas FGD (peringkat)',
      '3 Kesenjangan Terukur Tertinggi',
      'Kesesuaian',
    ]);
    const rows = sheet?.table.rows ?? [];
    expect(rows.map((r) => r.cells.slice(0, 4))).toEqual([
      [1, 'Bappeda', '2026-09-30', 9],
      [2, 'Dinas Sosial', '2026-10-14', 20],
      [3, 'Kelompok Penyuluh', '2026-08-01', 18],
    ]);
    const [bappeda, sosial, penyuluh] = rows;
    // Bappeda ranked (by votes) a competency it has no gap in: the FGD and the ratings differ
    expect(bappeda?.cells[4]).toBe(
      '1. M.03 Komunikasi: kesenjangan terukur 0,00 (6 ASN)\n2. Penulisan naskah kebijakan (topik bebas, belum berkode)',
    );
    expect(bappeda?.cells[5]).toBe('M.05 Pelayanan Publik 2,00 (6 ASN)\nM.01 Integritas 1,00 (6 ASN)');
    expect(bappeda?.cells[6]).toBe('Berbeda');
    expect(bappeda?.styles?.[6]).toMatchObject({ bold: true });
    // Dinas Sosial's latest FGD ranked first its largest measured gap
    expect(sosial?.cells[4]).toBe(
      '1. M.05 Pelayanan Publik: kesenjangan terukur 2,00 (6 ASN)\n2. Aplikasi SRIKANDI (topik bebas, belum berkode)',
    );
    expect(sosial?.cells[5]).toBe(
      'M.05 Pelayanan Publik 2,00 (6 ASN) [juga di FGD]\nM.01 Integritas 1,00 (6 ASN)',
    );
    expect(sosial?.cells[6]).toBe('Sejalan: M.05');
    expect(sosial?.styles).toBeUndefined();
    // a group that is no OPD of Pegawai has no measured gaps to compare
    expect(penyuluh?.cells[4]).toBe('1. M.05 Pelayanan Publik: tidak ada di standar jabatan OPD ini');
    expect(penyuluh?.cells[5]).toBe('–');
    expect(penyuluh?.cells[6]).toBe('Tidak ada di Pegawai');
  });

  it('names no person: neither a NIP nor the facilitator', () => {
    const { data, model: m } = model(lines);
    const text = JSON.stringify(m.sheets.find((s) => s.title === SUMMARY_TITLES.fgd));
    expect(text).not.toContain('Rina Kartika');
    for (const e of data.employees) {
      expect(text).not.toContain(e.nip);
      expect(text).not.toContain(e.nama);
    }
  });

  it('says when the FGD topics carry no code yet, and leaves the sheet out without FGD notes', () => {
    const { model: m } = model([line({ topik: 'Aplikasi SRIKANDI', peringkat: 1 })]);
    const sheet = m.sheets.find((s) => s.title === SUMMARY_TITLES.fgd);
    expect(sheet?.table.rows[0]?.cells[6]).toBe('Topik FGD belum berkode');
    const none = model([]);
    expect(none.summary.fgd).toBeUndefined();
    expect(none.model.sheets.map((s) => s.title)).not.toContain(SUMMARY_TITLES.fgd);
  });
});
