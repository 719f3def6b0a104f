import { type FgdLine, type Preference, topicInterest, topicInterestCells } from '@bangkom/core';
import { employee, programData } from './builders';

const pref = (nip: string, topik: string[], row = 2): Preference => ({ row, nip, bulan: [], topik });

describe('topicInterest (Minat Topik per OPD)', () => {
  const sosial = Array.from({ length: 4 }, () => employee({ opd: 'Dinas Sosial' }));
  const bappeda = employee({ opd: 'BAPPEDA' });
  const fgd: FgdLine = { row: 2, tanggal: '2026-10-14', opd: 'dinas sosial', kode: 'M.01', peringkat: 2 };

  it('counts per OPD how many ASN chose each competency, ranked, with the FGD rank beside it', () => {
    const [a, b, c, d] = sosial.map((e) => e.nip) as [string, string, string, string];
    const data = programData({
      employees: [...sosial, bappeda],
      preferences: [
        pref(a, ['M.05', 'M.01']),
        pref(b, ['M.05', 'M.05']), // a code chosen twice counts once
        pref(c, ['M.01']),
        pref(d, []), // answered, chose no topic: still a respondent
        pref(bappeda.nip, ['M.08']),
        pref('199001012015031001', ['M.05']), // not in Pegawai
      ],
    });
    data.fgd = [fgd];
    const tally = topicInterest(data);
    expect(tally.tanpaPegawai).toBe(1);
    expect(tally.rows.map(topicInterestCells)).toEqual([
      ['BAPPEDA', 'M.08', 'Pengambilan Keputusan', 1, 1, 100, 1, null],
      // equal counts share rank 1; dictionary order between them
      ['Dinas Sosial', 'M.01', 'Integritas', 2, 4, 50, 1, 2],
      ['Dinas Sosial', 'M.05', 'Pelayanan Publik', 2, 4, 50, 1, null],
    ]);
  });

  it('ranks a less chosen competency after the others and is empty without answers', () => {
    const [a, b] = sosial.map((e) => e.nip) as [string, string];
    const data = programData({
      employees: sosial,
      preferences: [pref(a, ['M.03', 'M.02']), pref(b, ['M.03'])],
    });
    expect(topicInterest(data).rows.map((r) => [r.kode, r.jumlah, r.peringkat, r.persen])).toEqual([
      ['M.03', 2, 1, 1],
      ['M.02', 1, 2, 0.5],
    ]);
    expect(topicInterest(programData({ employees: sosial }))).toEqual({ rows: [], tanpaPegawai: 0 });
  });
});
