/**
 * Sheet building: the output sheets written back to the staff's spreadsheet (Status Validasi,
 * Kesenjangan, Kebutuhan, Evaluasi, IKM, Jadwal, the art. 207 plan) from computed results.
 * Titles and headers come from the core, so the xlsx renderer shows the same columns.
 */
import {
  buildDevelopmentPlan,
  DEFAULT_DICTIONARY,
  DEVELOPMENT_PLAN_HEADERS,
  developmentPlanCells,
  EVALUASI_HEADER,
  type EvaluationReport,
  FORMER_OUTPUT_TITLES,
  type GapsReport,
  gapConfidence,
  IKM_HEADER,
  type IkmReport,
  JADWAL_HEADER,
  type JpReport,
  KEBUTUHAN_HEADER,
  KESENJANGAN_HEADER,
  MINAT_TOPIK_HEADER,
  OUTPUT_SHEET,
  PERUBAHAN_JADWAL_HEADER,
  type PreviousSession,
  type ProgramData,
  replanRows,
  type ScheduleReport,
  STATUS_HEADER,
  sessionCost,
  topicInterest,
  topicInterestCells,
} from '@bangkom/core';
import type { SheetValue, SheetWrite } from '../adapters/sheets.js';

function cellValue(v: unknown): SheetValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    return typeof v === 'number' && !Number.isFinite(v) ? null : v;
  }
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

export function statusSheet(
  errors: readonly { sheet: string; row: number; column: string; value: unknown; message: string }[],
): SheetWrite {
  return {
    title: OUTPUT_SHEET.status,
    rows: [
      [...STATUS_HEADER],
      ...errors.map((e) => [e.sheet, e.row, e.column, cellValue(e.value), e.message]),
    ],
  };
}

const round = (n: number | null, digits = 2) =>
  n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;

function competencyNames(data: ProgramData): Map<string, string> {
  const names = new Map<string, string>(DEFAULT_DICTIONARY.map((d) => [d.kode, d.nama]));
  for (const c of data.competencies) names.set(c.kode, c.nama);
  return names;
}

/** One row per (ASN, competency of the position's standard); unknown gaps stay empty, never 0. */
export function kesenjanganSheet(gaps: GapsReport, data: ProgramData): SheetWrite {
  const nama = new Map(data.employees.map((e) => [e.nip, e.nama]));
  const names = competencyNames(data);
  const rows: SheetValue[][] = [[...KESENJANGAN_HEADER]];
  for (const e of gaps.employees) {
    for (const k of e.competencies) {
      rows.push([
        e.nip,
        nama.get(e.nip) ?? '',
        e.opd,
        e.jabatan,
        k.kode,
        names.get(k.kode) ?? '',
        k.standar,
        round(k.aktual),
        round(k.gap),
        round(k.prioritas),
        k.sumber.join(', '),
        k.penilai ?? k.sumber.length,
        gapConfidence(k),
      ]);
    }
  }
  return { title: OUTPUT_SHEET.kesenjangan, rows };
}

/**
 * The individual development needs: every competency with a gap, highest priority first,
 * with the catalogue courses that develop it and the ASN's JP standing
 * (PP 17/2020 art. 203: at least 20 JP a year).
 */
export function kebutuhanSheet(gaps: GapsReport, jp: JpReport, data: ProgramData): SheetWrite {
  const nama = new Map(data.employees.map((e) => [e.nip, e.nama]));
  const names = competencyNames(data);
  const jpOf = new Map(jp.employees.map((e) => [e.nip, e]));
  const courses = new Map<string, string[]>();
  for (const c of data.courses) {
    for (const k of c.kompetensi) courses.set(k, [...(courses.get(k) ?? []), `${c.kode} ${c.judul}`]);
  }
  const rows: SheetValue[][] = [[...KEBUTUHAN_HEADER]];
  for (const e of gaps.employees) {
    const needs = e.competencies
      .filter((k) => k.gap !== null && k.gap > 0)
      .sort((a, b) => (b.prioritas ?? 0) - (a.prioritas ?? 0) || a.kode.localeCompare(b.kode));
    const j = jpOf.get(e.nip);
    for (const k of needs) {
      rows.push([
        e.nip,
        nama.get(e.nip) ?? '',
        e.opd,
        e.jabatan,
        k.kode,
        names.get(k.kode) ?? '',
        round(k.gap),
        round(k.prioritas),
        (courses.get(k.kode) ?? []).join('; ') || 'Belum ada di katalog',
        j ? j.jp : null,
        jp.target,
        j ? (j.memenuhi ? 'Ya' : 'Tidak') : null,
        gapConfidence(k),
      ]);
    }
  }
  return { title: OUTPUT_SHEET.kebutuhan, formerTitle: FORMER_OUTPUT_TITLES.kebutuhan, rows };
}

/** The needs survey's Topik answers per OPD and competency (core/src/topic-interest.ts). */
export function minatTopikSheet(data: ProgramData): SheetWrite {
  return {
    title: OUTPUT_SHEET.minatTopik,
    rows: [[...MINAT_TOPIK_HEADER], ...topicInterest(data).rows.map(topicInterestCells)],
  };
}

/** Rows written per sheet (header excluded), for the run document. */
export function sheetCounts(sheets: readonly SheetWrite[]): Record<string, number> {
  return Object.fromEntries(sheets.map((s) => [`lembar ${s.title}`, Math.max(0, s.rows.length - 1)]));
}

export function evaluasiSheet(report: EvaluationReport): SheetWrite {
  return {
    title: OUTPUT_SHEET.evaluasi,
    rows: [
      [...EVALUASI_HEADER],
      ...report.sessions.map((s) => [
        s.sesi,
        s.peserta,
        round(s.reaksi),
        round(s.nGain, 3),
        s.kategoriNGain,
        round(s.perilaku),
      ]),
    ],
  };
}

/** PermenPAN-RB 14/2017: NRR per element, IKM, conversion, mutu and kinerja; rounded only here. */
export function ikmSheet(report: IkmReport): SheetWrite {
  return {
    title: OUTPUT_SHEET.ikm,
    rows: [
      [...IKM_HEADER],
      ...report.units.map((u) => [
        u.unit,
        u.periode,
        u.responden,
        ...u.nrr.map((n) => round(n, 3)),
        round(u.ikm, 3),
        round(u.konversi),
        u.mutu,
        u.kinerja,
      ]),
    ],
  };
}

/** `Jadwal`, what Kirim Undangan reads: one row per session, its trainer and cost after `Peserta`. */
export function jadwalSheet(report: Pick<ScheduleReport, 'sessions'>): SheetWrite {
  return {
    title: OUTPUT_SHEET.jadwal,
    rows: [
      [...JADWAL_HEADER],
      ...report.sessions.map((s) => [
        s.id,
        s.kode,
        s.judul,
        s.mulai,
        s.selesai,
        s.ruang ?? (s.moda === 'Daring' ? 'Daring' : ''),
        s.peserta.join(', '),
        s.pengajar ?? '',
        s.biayaPerPeserta,
        s.biayaPerAngkatan ?? 0,
        sessionCost(s),
      ]),
    ],
  };
}

export function rencanaKompetensiSheet(
  report: ScheduleReport,
  data: ProgramData,
  gaps: GapsReport,
): SheetWrite {
  const plan = buildDevelopmentPlan(report, data, gaps);
  return {
    title: OUTPUT_SHEET.rencanaKompetensi,
    rows: [[...DEVELOPMENT_PLAN_HEADERS], ...plan.map(developmentPlanCells)],
  };
}

/** What the re-plan changed against the stored schedule (core/src/replan-rows.ts); staff only. */
export function perubahanJadwalSheet(
  report: ScheduleReport,
  previous: readonly PreviousSession[],
  data: ProgramData,
): SheetWrite {
  return {
    title: OUTPUT_SHEET.perubahanJadwal,
    rows: [[...PERUBAHAN_JADWAL_HEADER], ...replanRows(report, previous, data)],
  };
}
