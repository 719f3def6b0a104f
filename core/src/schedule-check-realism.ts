/**
 * The checker's rules for the constraints a BKPSDM plans with: course audiences
 * (`Sasaran Jenis ASN`, `Sasaran Jenis Jabatan`, `Syarat`) and the yearly JP ceiling
 * (`Batas JP per ASN`, trainings recorded in the fiscal year included), the class minimum
 * (`Peserta Minimum`) and the room type a course needs (`Jenis Ruang`). Like schedule-check.ts it shares no code with the scheduler: it reads
 * the workbook itself and re-derives every rule from the columns' documented meaning.
 */
import { historyBesidePlan } from './kept-history.js';
import type { CheckContext, ScheduleViolation } from './schedule-check.js';
import type { ScheduleReport } from './schedule-report.js';
import { type Course, DEFAULT_BATAS_JP } from './types.js';

/** Lower case, inner spaces collapsed: how `Nama Pelatihan` is matched to a prerequisite. */
const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function checkRealism(report: ScheduleReport, ctx: CheckContext): ScheduleViolation[] {
  const out: ScheduleViolation[] = [];
  const courses = new Map<string, Course>();
  for (const c of ctx.data.courses) if (!courses.has(c.kode)) courses.set(c.kode, c);
  const byLowerKode = new Map<string, Course>();
  for (const c of ctx.data.courses)
    if (!byLowerKode.has(c.kode.toLowerCase())) byLowerKode.set(c.kode.toLowerCase(), c);
  const employees = new Map(ctx.data.employees.map((e) => [e.nip, e] as const));
  const history = new Map<string, Set<string>>();
  for (const t of ctx.data.trainings) {
    const names = history.get(t.nip) ?? new Set<string>();
    names.add(key(t.namaPelatihan));
    history.set(t.nip, names);
  }
  // Batas JP per ASN: JP recorded in the fiscal year plus JP planned
  const tahun = ctx.tahun ?? report.tahun;
  const limit = ctx.data.settings.batasJp ?? DEFAULT_BATAS_JP;
  const jp = new Map<string, number>();
  // a kept session's Riwayat rows are its enrolments: counted once, as the plan's
  for (const t of historyBesidePlan(report, ctx.data.trainings))
    if (t.mulai.startsWith(`${tahun}-`)) jp.set(t.nip, (jp.get(t.nip) ?? 0) + t.jp);
  const planned = new Set<string>();
  for (const s of report.sessions) {
    const c = courses.get(s.kode);
    if (!c) continue;
    for (const nip of s.peserta) {
      jp.set(nip, (jp.get(nip) ?? 0) + c.jp);
      planned.add(nip);
    }
  }
  for (const nip of [...planned].sort()) {
    const total = jp.get(nip) ?? 0;
    if (total > limit)
      out.push({
        kind: 'batas-jp',
        nip,
        message: `NIP ${nip}: ${total} JP pada tahun ${tahun} (tercatat + rencana) melebihi Batas JP per ASN ${limit}.`,
      });
  }
  // Peserta Minimum: the course's, else Pengaturan's (10) for face-to-face classical, else 1;
  // Jenis Ruang: the session's room is of that type
  const roomJenis = new Map(ctx.data.rooms.map((r) => [r.nama, r.jenis] as const));
  const norm = (s: string | undefined) => (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  for (const s of report.sessions) {
    const c = courses.get(s.kode);
    if (!c) continue;
    const classical = c.moda !== 'Daring' && !(c.bentuk ?? '').startsWith('NKL');
    const minimum = c.pesertaMinimum ?? (classical ? (ctx.data.settings.pesertaMinimum ?? 10) : 1);
    // a session a re-plan kept after it started ran with whoever came (report.ulang.tetap)
    const ran = report.ulang?.tetap.includes(s.id) === true && s.mulai < (report.mulaiPalingAwal ?? '');
    if (s.peserta.length < minimum && !ran)
      out.push({
        kind: 'peserta-minimum',
        sesi: s.id,
        message: `Sesi ${s.id}: ${s.peserta.length} peserta, kurang dari Peserta Minimum ${minimum}.`,
      });
    if (c.jenisRuang !== undefined && s.ruang && norm(roomJenis.get(s.ruang)) !== norm(c.jenisRuang))
      out.push({
        kind: 'ruang',
        sesi: s.id,
        message: `Sesi ${s.id}: ruang ${s.ruang} bukan berjenis ${c.jenisRuang} (Jenis Ruang ${c.kode}).`,
      });
  }
  /** the audience rules a (course, NIP) pair breaks: [kind, why] */
  const outside = (c: Course, nip: string): ['sasaran' | 'syarat', string][] => {
    const found: ['sasaran' | 'syarat', string][] = [];
    const e = employees.get(nip);
    if (c.sasaranJenisAsn !== undefined && e?.jenisAsn !== c.sasaranJenisAsn)
      found.push([
        'sasaran',
        `NIP ${nip} bukan ${c.sasaranJenisAsn}, padahal Sasaran Jenis ASN ${c.kode} = ${c.sasaranJenisAsn}.`,
      ]);
    if (c.sasaranJenisJabatan && c.sasaranJenisJabatan.length > 0) {
      const group = e?.jenisJabatan === 'JPT Pratama' ? 'JPT' : e?.jenisJabatan;
      if (group === undefined || !(c.sasaranJenisJabatan as readonly string[]).includes(group))
        found.push([
          'sasaran',
          `jabatan NIP ${nip} (${e?.jenisJabatan ?? 'kosong'}) di luar Sasaran Jenis Jabatan ${c.kode} (${c.sasaranJenisJabatan.join(', ')}).`,
        ]);
    }
    if (c.syarat !== undefined) {
      const prerequisite = byLowerKode.get(c.syarat.toLowerCase());
      const names = history.get(nip);
      const done =
        names !== undefined &&
        (names.has(key(c.syarat)) || (prerequisite !== undefined && names.has(key(prerequisite.judul))));
      if (!done) found.push(['syarat', `NIP ${nip} belum menyelesaikan ${c.syarat}, syarat ${c.kode}.`]);
    }
    return found;
  };
  const seated = new Map<string, Set<string>>();
  for (const s of report.sessions) {
    const set = seated.get(s.kode) ?? new Set<string>();
    for (const nip of s.peserta) set.add(nip);
    seated.set(s.kode, set);
  }
  for (const s of report.sessions) {
    const c = courses.get(s.kode);
    if (!c) continue; // reported by checkSchedule
    const at = `Sesi ${s.id}`;
    for (const nip of s.peserta)
      for (const [kind, why] of outside(c, nip))
        out.push({ kind, sesi: s.id, nip, message: `${at}: ${why}` });
    // the waiting list: admitted ASN without a seat in the course
    for (const nip of s.daftarTunggu ?? []) {
      for (const [kind, why] of outside(c, nip))
        out.push({ kind, sesi: s.id, nip, message: `${at}, daftar tunggu: ${why}` });
      if (seated.get(s.kode)?.has(nip))
        out.push({
          kind: 'daftar-tunggu',
          sesi: s.id,
          nip,
          message: `${at}: NIP ${nip} di daftar tunggu padahal sudah terjadwal di ${c.kode}.`,
        });
    }
  }
  return out;
}
