/**
 * Independent feasibility checker of a ScheduleReport (docs/rumus.md, "Penjadwalan"). It shares no code with the
 * solver (its own calendar arithmetic, its own objective), so a solver bug cannot hide itself.
 * Every violation carries a message in Bahasa Indonesia.
 */
import { historyBesidePlan } from './kept-history.js';
import type { GapsReport } from './reports.js';
import { checkDeclines } from './schedule-check-declines.js';
import { checkLimits } from './schedule-check-limits.js';
import { checkRealism } from './schedule-check-realism.js';
import type { ScheduleReport } from './schedule-report.js';
import { equityYears, type ProgramData } from './types.js';

export type ViolationKind =
  | 'id-ganda'
  | 'kursus-tidak-dikenal'
  | 'peserta-tidak-dikenal'
  | 'peserta-ganda'
  | 'tanpa-kebutuhan'
  | 'kapasitas'
  | 'hari-libur'
  | 'di-luar-tahun'
  | 'sebelum-mulai'
  | 'durasi'
  | 'bentrok'
  | 'ruang'
  | 'anggaran'
  | 'laporan-anggaran'
  | 'objektif'
  | 'batas'
  | 'sasaran'
  | 'syarat'
  | 'batas-jp'
  | 'peserta-minimum'
  | 'daftar-tunggu'
  | 'pengajar'
  | 'opd-bersamaan'
  | 'menolak';

export interface ScheduleViolation {
  kind: ViolationKind;
  message: string;
  sesi?: string;
  nip?: string;
  opd?: string;
}

export interface CheckContext {
  data: ProgramData;
  gaps: GapsReport;
  holidays: ReadonlySet<string>;
  /** fiscal year; default report.tahun */
  tahun?: number;
  /** earliest start date (ISO); default report.mulaiPalingAwal */
  mulaiPalingAwal?: string;
  /**
   * a re-plan's previous plan: the dates of declined sessions no longer in the report
   * (schedule-check-declines.ts)
   */
  sebelumnya?: readonly { id: string; kode: string; mulai: string; selesai: string }[];
}

const MS_DAY = 86_400_000;
/** rupiah tolerance of the budget recount: a sen (shares of Biaya per Angkatan are fractions) */
const SEN = 0.01;

function parseIso(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const dt = new Date(t);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d ? t : null;
}

function isWorkday(t: number, holidays: ReadonlySet<string>): boolean {
  const dt = new Date(t);
  const w = dt.getUTCDay();
  return w >= 1 && w <= 5 && !holidays.has(dt.toISOString().slice(0, 10));
}

const fmt = (n: number) => n.toLocaleString('id-ID');

/** All violations of the report against the scheduling constraints (docs/rumus.md); empty when feasible. */
export function checkSchedule(report: ScheduleReport, ctx: CheckContext): ScheduleViolation[] {
  const out: ScheduleViolation[] = [];
  const tahun = ctx.tahun ?? report.tahun;
  const earliest = ctx.mulaiPalingAwal ?? report.mulaiPalingAwal;
  const courses = new Map(ctx.data.courses.map((c) => [c.kode, c] as const));
  const employees = new Map(ctx.gaps.employees.map((e) => [e.nip, e] as const));
  const pagu = new Map<string, number>();
  for (const b of ctx.data.budgets) if (!pagu.has(b.opd)) pagu.set(b.opd, b.pagu);
  const rooms = new Map(ctx.data.rooms.map((r) => [r.nama, r] as const));

  const kept = new Set(report.ulang?.tetap ?? []);
  const ids = new Set<string>();
  const spans = new Map<string, { sesi: string; from: number; to: number }[]>();
  const roomSpans = new Map<string, { sesi: string; from: number; to: number }[]>();
  const enrol = new Map<string, Set<string>>(); // nip -> course codes
  const spend = new Map<string, number>();
  let fixedCost = 0; // Σ Biaya per Angkatan of the sessions run

  for (const s of report.sessions) {
    const at = `Sesi ${s.id}`;
    if (ids.has(s.id))
      out.push({ kind: 'id-ganda', sesi: s.id, message: `${at}: ID sesi dipakai lebih dari sekali.` });
    ids.add(s.id);
    const c = courses.get(s.kode);
    if (!c) {
      out.push({
        kind: 'kursus-tidak-dikenal',
        sesi: s.id,
        message: `${at}: kode ${s.kode} tidak ada di Katalog Pelatihan.`,
      });
      continue;
    }
    fixedCost += c.biayaAngkatan ?? 0;
    // capacity
    if (s.peserta.length > c.kapasitas) {
      out.push({
        kind: 'kapasitas',
        sesi: s.id,
        message: `${at}: ${s.peserta.length} peserta melebihi Kapasitas ${c.kapasitas}.`,
      });
    }
    // calendar: start and end on working days of the fiscal year, exactly Hari working days
    const from = parseIso(s.mulai);
    const to = parseIso(s.selesai);
    if (from === null || to === null || to < from) {
      out.push({
        kind: 'durasi',
        sesi: s.id,
        message: `${at}: tanggal mulai/selesai tidak valid (${s.mulai} s.d. ${s.selesai}).`,
      });
      continue;
    }
    if (s.mulai.slice(0, 4) !== String(tahun) || s.selesai.slice(0, 4) !== String(tahun)) {
      out.push({
        kind: 'di-luar-tahun',
        sesi: s.id,
        message: `${at}: berada di luar tahun anggaran ${tahun}.`,
      });
    }
    // a re-plan keeps sessions that already started (report.ulang.tetap): their dates are history
    if (earliest !== undefined && s.mulai < earliest && !kept.has(s.id)) {
      out.push({
        kind: 'sebelum-mulai',
        sesi: s.id,
        message: `${at}: mulai ${s.mulai}, sebelum tanggal paling awal yang diizinkan (${earliest}).`,
      });
    }
    if (!isWorkday(from, ctx.holidays) || !isWorkday(to, ctx.holidays)) {
      out.push({
        kind: 'hari-libur',
        sesi: s.id,
        message: `${at}: mulai atau selesai pada hari Sabtu/Minggu atau hari libur (${s.mulai} s.d. ${s.selesai}).`,
      });
    }
    let workdays = 0;
    for (let t = from; t <= to; t += MS_DAY) if (isWorkday(t, ctx.holidays)) workdays++;
    const hari = Math.max(1, c.hari || 1);
    if (workdays !== hari) {
      out.push({
        kind: 'durasi',
        sesi: s.id,
        message: `${at}: berlangsung ${workdays} hari kerja, sedangkan Hari pada katalog = ${hari}.`,
      });
    }
    // rooms: face-to-face classical sessions (not Daring, not an NKL form) need a free room with
    // enough seats when `Ruang` exists; every other session takes none
    const inRoom = c.moda !== 'Daring' && !(c.bentuk ?? '').startsWith('NKL');
    if (!inRoom && s.ruang) {
      out.push({
        kind: 'ruang',
        sesi: s.id,
        message: `${at}: ${c.moda === 'Daring' ? 'sesi daring' : `bentuk ${c.bentuk ?? ''} diselenggarakan di luar kelas`} tetapi memakai ruang ${s.ruang}.`,
      });
    }
    if (rooms.size > 0 && inRoom) {
      const r = s.ruang ? rooms.get(s.ruang) : undefined;
      if (!r) {
        out.push({
          kind: 'ruang',
          sesi: s.id,
          message: `${at}: sesi tatap muka tanpa ruang yang terdaftar di lembar Ruang.`,
        });
      } else {
        if (r.kapasitas < s.peserta.length) {
          out.push({
            kind: 'ruang',
            sesi: s.id,
            message: `${at}: ruang ${r.nama} hanya ${r.kapasitas} kursi untuk ${s.peserta.length} peserta.`,
          });
        }
        const l = roomSpans.get(r.nama) ?? [];
        for (const o of l) {
          if (o.from <= to && from <= o.to) {
            out.push({
              kind: 'ruang',
              sesi: s.id,
              message: `${at}: ruang ${r.nama} juga dipakai sesi ${o.sesi} pada waktu yang sama.`,
            });
          }
        }
        l.push({ sesi: s.id, from, to });
        roomSpans.set(r.nama, l);
      }
    }
    // participants
    const inSession = new Set<string>();
    for (const nip of s.peserta) {
      if (inSession.has(nip)) {
        out.push({
          kind: 'peserta-ganda',
          sesi: s.id,
          nip,
          message: `${at}: NIP ${nip} tercantum dua kali.`,
        });
        continue;
      }
      inSession.add(nip);
      const e = employees.get(nip);
      if (!e) {
        out.push({
          kind: 'peserta-tidak-dikenal',
          sesi: s.id,
          nip,
          message: `${at}: NIP ${nip} tidak ada dalam analisis kesenjangan.`,
        });
        continue;
      }
      const needed = e.competencies.some((k) => k.gap !== null && k.gap > 0 && c.kompetensi.includes(k.kode));
      if (!needed) {
        out.push({
          kind: 'tanpa-kebutuhan',
          sesi: s.id,
          nip,
          message: `${at}: NIP ${nip} tidak memiliki kesenjangan positif pada kompetensi ${c.kompetensi.join(', ')}.`,
        });
      }
      const taken = enrol.get(nip) ?? new Set<string>();
      if (taken.has(c.kode)) {
        out.push({
          kind: 'peserta-ganda',
          sesi: s.id,
          nip,
          message: `${at}: NIP ${nip} mengikuti ${c.kode} lebih dari sekali.`,
        });
      }
      taken.add(c.kode);
      enrol.set(nip, taken);
      const l = spans.get(nip) ?? [];
      for (const o of l) {
        if (o.from <= to && from <= o.to) {
          out.push({
            kind: 'bentrok',
            sesi: s.id,
            nip,
            message: `${at}: NIP ${nip} juga mengikuti sesi ${o.sesi} pada waktu yang sama.`,
          });
        }
      }
      l.push({ sesi: s.id, from, to });
      spans.set(nip, l);
      // Biaya per Peserta and an equal share of the session's Biaya per Angkatan
      spend.set(e.opd, (spend.get(e.opd) ?? 0) + c.biaya + (c.biayaAngkatan ?? 0) / s.peserta.length);
    }
  }

  // budget per OPD (Anggaran.Pagu; an OPD without a row has no budget)
  for (const [opd, rp] of spend) {
    const p = pagu.get(opd) ?? 0;
    if (rp > p + SEN) {
      out.push({
        kind: 'anggaran',
        opd,
        message: `OPD ${opd}: biaya Rp${fmt(rp)} melebihi Pagu Rp${fmt(p)}.`,
      });
    }
  }
  for (const b of report.budget) {
    const rp = spend.get(b.opd) ?? 0;
    if (Math.abs(rp - b.terpakai) > SEN || Math.abs((pagu.get(b.opd) ?? 0) - b.pagu) > SEN) {
      out.push({
        kind: 'laporan-anggaran',
        opd: b.opd,
        message: `OPD ${b.opd}: laporan anggaran (pagu ${fmt(b.pagu)}, terpakai ${fmt(b.terpakai)}) tidak sesuai hitungan ulang (pagu ${fmt(pagu.get(b.opd) ?? 0)}, terpakai ${fmt(rp)}).`,
      });
    }
  }
  for (const opd of spend.keys()) {
    if (!report.budget.some((b) => b.opd === opd)) {
      out.push({
        kind: 'laporan-anggaran',
        opd,
        message: `OPD ${opd}: memakai anggaran tetapi tidak tercantum di laporan anggaran.`,
      });
    }
  }

  // objective, recomputed from the sessions
  const w = report.bobot;
  const target = ctx.data.settings.targetJp;
  const jpYear = new Map<string, number>();
  const recent = new Set<string>();
  const equityFrom = tahun - equityYears(ctx.data.settings); // Pengaturan `Jangka Pemerataan`
  // a kept session's Riwayat rows are its enrolments: counted once, as the plan's
  for (const t of historyBesidePlan(report, ctx.data.trainings)) {
    const y = Number(t.mulai.slice(0, 4));
    if (y === tahun) jpYear.set(t.nip, (jpYear.get(t.nip) ?? 0) + t.jp);
    if (y >= equityFrom && y <= tahun) recent.add(t.nip);
  }
  let objective = 0;
  for (const [nip, codes] of enrol) {
    const e = employees.get(nip);
    if (!e) continue;
    const list = [...codes].map((k) => courses.get(k)).filter((c) => c !== undefined);
    for (const k of e.competencies) {
      if (k.gap === null || k.gap <= 0 || k.prioritas === null) continue;
      if (list.some((c) => c.kompetensi.includes(k.kode))) objective += k.prioritas;
    }
    const jp = list.reduce((s, c) => s + c.jp, 0);
    const before = jpYear.get(nip) ?? 0;
    if (before < target && before + jp >= target) objective += w.targetJp;
    if (!recent.has(nip) && list.length > 0) objective += w.ekuitas;
    objective -= w.biaya * list.reduce((s, c) => s + c.biaya, 0);
  }
  objective -= w.biaya * fixedCost;
  const tol = 1e-6 * Math.max(1, Math.abs(objective));
  if (Math.abs(objective - report.objective) > tol) {
    out.push({
      kind: 'objektif',
      message: `Nilai objektif laporan ${report.objective} tidak sesuai hitungan ulang ${objective}.`,
    });
  }
  if (!(report.bound + tol >= report.objective)) {
    out.push({
      kind: 'batas',
      message: `Batas atas ${report.bound} lebih kecil dari objektif ${report.objective}.`,
    });
  }
  out.push(...checkRealism(report, ctx));
  out.push(...checkLimits(report, ctx));
  out.push(...checkDeclines(report, ctx));
  return out;
}
