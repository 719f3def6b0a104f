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
});
