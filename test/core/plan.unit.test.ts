import { buildDevelopmentPlan, jalurOf, planSchedule, scheduleDocs } from '@bangkom/core';
import { generateInstance } from './schedule-fixtures';

describe('development plan (PP 11/2017 art. 207)', () => {
  const inst = generateInstance({ seed: 5, asn: 80, courses: 8, opds: 3, rooms: 2 });
  const report = planSchedule(inst.data, inst.gaps, { holidays: inst.holidays });

  it('has one row per scheduled course with the art. 207 contents', () => {
    const rows = buildDevelopmentPlan(report, inst.data, inst.gaps);
    expect(rows).toEqual(report.rencana);
    const kodes = [...new Set(report.sessions.map((s) => s.kode))].sort();
    expect(rows.map((r) => r.kode)).toEqual(kodes);
    for (const row of rows) {
      const sessions = report.sessions.filter((s) => s.kode === row.kode);
      const peserta = sessions.reduce((n, s) => n + s.peserta.length, 0);
      const course = inst.data.courses.find((c) => c.kode === row.kode);
      expect(row.jumlahPeserta).toBe(peserta);
      expect(row.anggaran).toBe(peserta * (course?.biaya ?? Number.NaN));
      expect(row.sasaran).toMatch(new RegExp(`^${peserta} ASN dari \\d+ OPD: `));
      for (const s of sessions) expect(row.jadwal).toContain(`${s.id}: ${s.mulai} s.d. ${s.selesai}`);
      for (const k of course?.kompetensi ?? []) expect(row.kesesuaianKurikulum).toContain(`${k}:`);
      expect(row.penyelenggara).toBe(course?.penyelenggara);
    }
    // default dictionary names appear next to the codes (seed 5 schedules an M.01 course);
    // a code the dictionary lacks stays bare
    const kompetensi = rows.flatMap((r) => r.kompetensi.split('; '));
    expect(kompetensi).toContain('M.01 Integritas');
    expect(kompetensi).toContain('T.02');
    expect(kompetensi).not.toContain('M.01');
  });

  it('names the path from the Peraturan LAN 10/2018 form', () => {
    expect(jalurOf('KL03', 'Tatap Muka')).toBe('Klasikal / KL03 pelatihan teknis');
    expect(jalurOf('NKL05', 'Daring')).toBe('Nonklasikal / NKL05 detasering');
    expect(jalurOf(undefined, 'Daring')).toBe('Nonklasikal');
    expect(jalurOf(undefined, undefined)).toBe('Klasikal');
  });

  it('individual plans cover every ASN with a need and add up', () => {
    const withNeeds = inst.gaps.employees.filter((e) =>
      e.competencies.some((k) => (k.gap ?? 0) > 0 && (k.prioritas ?? 0) > 0),
    );
    expect(report.individu.map((p) => p.nip).sort()).toEqual(withNeeds.map((e) => e.nip).sort());
    for (const p of report.individu) {
      const mine = report.sessions.filter((s) => s.peserta.includes(p.nip));
      expect(p.sesi.map((s) => s.id).sort()).toEqual(mine.map((s) => s.id).sort());
      expect(p.jpRencana).toBe(mine.reduce((n, s) => n + s.jp, 0));
      expect(p.memenuhiTarget).toBe(p.jpAwal + p.jpRencana >= p.target);
      const open = p.kebutuhan.filter((k) => !k.terpenuhi).map((k) => k.kode);
      expect(
        report.unmet
          .filter((u) => u.nip === p.nip)
          .map((u) => u.kode)
          .sort(),
      ).toEqual(open.sort());
    }
  });

  it('turns a schedule into Firestore documents with deterministic ids', () => {
    const docs = scheduleDocs(report, '2026-01-05T08:00:00');
    expect(docs.sessions).toHaveLength(report.sessions.length);
    expect(docs.enrollments).toHaveLength(report.sessions.reduce((n, s) => n + s.peserta.length, 0));
    expect(docs.plans).toHaveLength(report.individu.length);
    const first = report.sessions[0];
    if (!first) throw new Error('no session');
    expect(docs.sessions[0]?.id).toBe(first.id);
    expect(docs.enrollments[0]?.id).toBe(`${first.id}~${first.peserta[0]}`);
    expect(docs.plans[0]?.id).toBe(`2026~${report.individu[0]?.nip}`);
    expect(docs.enrollments[0]?.data).toMatchObject({
      sesi: first.id,
      tahun: 2026,
      dibuat: '2026-01-05T08:00:00',
    });
    expect(new Set(docs.enrollments.map((d) => d.id)).size).toBe(docs.enrollments.length);
    expect(scheduleDocs(report, '2026-01-05T08:00:00')).toEqual(docs);
  });

  it("reads each participant's last gaps row; a competency listed twice counts its last positive gap", () => {
    const [A, B, C] = ['199001012015031001', '199001012015031002', '199001012015031003'];
    const gap = (kode: string, g: number | null) => ({
      kode,
      standar: 3,
      aktual: g === null ? null : 3 - g,
      gap: g,
      prioritas: g,
      sumber: [],
    });
    const employee = (nip: string, opd: string, competencies: ReturnType<typeof gap>[]) => ({
      nip,
      opd,
      jabatan: 'Analis',
      competencies,
    });
    const gaps = {
      ...inst.gaps,
      employees: [
        employee(A, 'Dinas A', [gap('M.01', 4), gap('M.02', 4)]), // replaced by A's later row
        employee(B, 'Dinas A', [gap('M.01', 1.5), gap('M.02', null)]),
        employee(A, 'Dinas B', [gap('M.01', 2), gap('M.02', 1), gap('M.02', 3), gap('M.02', 0)]),
      ],
    };
    const course = { ...(inst.data.courses[0] as (typeof inst.data.courses)[number]), kode: 'PL-X' };
    const data = {
      ...inst.data,
      courses: [{ ...course, kompetensi: ['M.01', 'M.02'] }],
      fgd: [
        { row: 2, tanggal: '2026-01-12', opd: 'Dinas B', kode: 'M.02', peringkat: 1 },
        { row: 3, tanggal: '2026-01-12', opd: 'Dinas A', kode: 'M.02', peringkat: 2 },
      ],
    };
    const session = {
      ...(report.sessions[0] as (typeof report.sessions)[number]),
      id: 'PL-X-2026-1',
      kode: 'PL-X',
      peserta: [A, B, C], // C has no gaps row
    };
    const [row] = buildDevelopmentPlan({ ...report, sessions: [session] }, data, gaps);
    expect(row?.sasaran).toBe('3 ASN dari 3 OPD: - (1), Dinas A (1), Dinas B (1)');
    expect(row?.kesesuaianKurikulum).toBe(
      'M.01: 2 peserta, rata-rata kesenjangan 1,75; M.02: 1 peserta, rata-rata kesenjangan 3',
    );
    // Dinas A's participant (B) has no M.02 gap: only Dinas B's rank is a reason
    expect(row?.justifikasi).toBe('FGD Dinas B 12/01/2026: peringkat 1 (M.02)');
  });
});
