/**
 * The checker's rules for trainers (`Pengajar`) and `Maks Pegawai OPD Bersamaan`. Like
 * schedule-check.ts it shares no code with the scheduler: it reads the workbook itself.
 * - When `Pengajar` lists anyone, each session of a face-to-face classical course (not Daring,
 *   no NKL form) names a trainer of the sheet who teaches its Kode, is not `Tidak Tersedia` on
 *   any of its working days, is in no other session on an overlapping day, and starts no more
 *   than `Maks Sesi per Bulan` sessions in one month.
 * - On each working day, the ASN of one OPD in sessions that are not Daring number at most
 *   max(1, ⌊share × the OPD's ASN in Pegawai⌋).
 */
import type { CheckContext, ScheduleViolation } from './schedule-check.js';
import type { ScheduleReport } from './schedule-report.js';
import { type Course, DEFAULT_MAKS_PEGAWAI_OPD, type Trainer } from './types.js';

const MS_DAY = 86_400_000;

/** The working days (ISO) from mulai to selesai: Monday–Friday, not a holiday. */
function workdays(mulai: string, selesai: string, holidays: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const from = Date.parse(`${mulai}T00:00:00Z`);
  const to = Date.parse(`${selesai}T00:00:00Z`);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return out;
  for (let t = from; t <= to; t += MS_DAY) {
    const day = new Date(t);
    const iso = day.toISOString().slice(0, 10);
    const w = day.getUTCDay();
    if (w >= 1 && w <= 5 && !holidays.has(iso)) out.push(iso);
  }
  return out;
}

const lower = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function checkLimits(report: ScheduleReport, ctx: CheckContext): ScheduleViolation[] {
  const out: ScheduleViolation[] = [];
  const courses = new Map<string, Course>();
  for (const c of ctx.data.courses) if (!courses.has(c.kode)) courses.set(c.kode, c);
  const trainers = new Map<string, Trainer>();
  for (const t of ctx.data.trainers) trainers.set(lower(t.nama), t);
  const trainerDays = new Map<string, Map<string, string>>(); // trainer -> day -> session id
  const perMonth = new Map<string, number>(); // trainer|YYYY-MM -> sessions starting
  const opdOf = new Map(ctx.data.employees.map((e) => [e.nip, e.opd] as const));
  const headcount = new Map<string, number>();
  for (const e of ctx.data.employees) headcount.set(e.opd, (headcount.get(e.opd) ?? 0) + 1);
  const share = ctx.data.settings.maksPegawaiOpd ?? DEFAULT_MAKS_PEGAWAI_OPD;
  const away = new Map<string, number>(); // opd|day -> ASN away

  for (const s of [...report.sessions].sort((a, b) => a.id.localeCompare(b.id))) {
    const c = courses.get(s.kode);
    if (!c) continue;
    const days = workdays(s.mulai, s.selesai, ctx.holidays);
    const classical = c.moda !== 'Daring' && !(c.bentuk ?? '').startsWith('NKL');
    if (trainers.size > 0 && classical) {
      const t = s.pengajar ? trainers.get(lower(s.pengajar)) : undefined;
      if (!t) {
        out.push({
          kind: 'pengajar',
          sesi: s.id,
          message: s.pengajar
            ? `Sesi ${s.id}: pengajar ${s.pengajar} tidak ada di lembar Pengajar.`
            : `Sesi ${s.id}: sesi tatap muka klasikal tanpa pengajar.`,
        });
      } else {
        const teaches = t.kode.some((k) => lower(k) === lower(s.kode));
        if (!teaches)
          out.push({
            kind: 'pengajar',
            sesi: s.id,
            message: `Sesi ${s.id}: ${t.nama} tidak mengajar ${s.kode} (kolom Kode Pelatihan).`,
          });
        const off = days.filter((d) => t.tidakTersedia.includes(d));
        if (off.length > 0)
          out.push({
            kind: 'pengajar',
            sesi: s.id,
            message: `Sesi ${s.id}: ${t.nama} tidak tersedia pada ${off.join(', ')}.`,
          });
        const booked = trainerDays.get(t.nama) ?? new Map<string, string>();
        trainerDays.set(t.nama, booked);
        for (const d of days) {
          const other = booked.get(d);
          if (other !== undefined && other !== s.id)
            out.push({
              kind: 'pengajar',
              sesi: s.id,
              message: `Sesi ${s.id}: ${t.nama} juga mengajar sesi ${other} pada ${d}.`,
            });
          else booked.set(d, s.id);
        }
        const month = `${t.nama}|${s.mulai.slice(0, 7)}`;
        const n = (perMonth.get(month) ?? 0) + 1;
        perMonth.set(month, n);
        if (t.maksSesiPerBulan !== undefined && n === t.maksSesiPerBulan + 1)
          out.push({
            kind: 'pengajar',
            sesi: s.id,
            message: `${t.nama}: lebih dari ${t.maksSesiPerBulan} sesi dimulai pada ${s.mulai.slice(0, 7)} (Maks Sesi per Bulan).`,
          });
      }
    }
    if (c.moda === 'Daring') continue;
    for (const nip of s.peserta) {
      const opd = opdOf.get(nip);
      if (opd === undefined) continue;
      for (const d of days) away.set(`${opd}|${d}`, (away.get(`${opd}|${d}`) ?? 0) + 1);
    }
  }
  const reported = new Set<string>();
  for (const [at, n] of [...away].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [opd = '', day = ''] = at.split('|');
    const cap = Math.max(1, Math.floor(share * (headcount.get(opd) ?? 0) + 1e-9));
    if (n > cap && !reported.has(opd)) {
      reported.add(opd);
      out.push({
        kind: 'opd-bersamaan',
        opd,
        message: `OPD ${opd}: ${n} ASN sedang mengikuti pelatihan pada ${day}, melebihi Maks Pegawai OPD Bersamaan (${cap} dari ${headcount.get(opd) ?? 0} ASN).`,
      });
    }
  }
  return out;
}
