/**
 * `bangkom run`, report step: the JSON document (--json; its keys are a contract, see
 * docs/cli.md: extend, never rename) and the text report for a person.
 */
import { COLLECTIONS, type ReplanCounts, replanCounts, type ValidationResult } from '@bangkom/core';
import { attendanceJson, attendanceText } from '../attendance-report.js';
import type { CommandOutcome, LoadedInput } from '../context.js';
import { heading, num, table } from '../format.js';
import { blocks, errorsText, inputNotes, validityLine } from '../render.js';
import type { CycleResults } from './compute.js';
import type { WrittenWorkbooks } from './workbooks.js';
import type { FirestoreWrite } from './write.js';

export interface RunFacts {
  runId: string;
  tenant: string;
  input: LoadedInput;
  results: CycleResults;
  firestore: FirestoreWrite;
  workbooks: WrittenWorkbooks;
  /** what was taken over from the previous run of the same input (reuse.ts) */
  reused: { schedule: boolean; workbooks: boolean };
  /** --strict: exit 1 when the input had invalid rows */
  strict: boolean;
}

export function runReport(facts: RunFacts): CommandOutcome {
  const json = runJson(facts);
  const { errors } = facts.input.validation;
  return {
    json,
    text: runText(json, facts.input.validation),
    exitCode: facts.strict && errors.length > 0 ? 1 : 0,
  };
}

type RunJson = ReturnType<typeof runJson>;

function runJson({ runId, tenant, input, results, firestore, workbooks, reused }: RunFacts) {
  const { errors } = input.validation;
  const { summary: workbook, staff } = workbooks;
  return {
    runId,
    tenant,
    tahun: results.tahun,
    input: { path: input.path, sha256: input.checksum },
    valid: errors.length === 0,
    counts: input.validation.counts,
    ignoredSheets: input.validation.ignoredSheets,
    ignoredColumns: input.validation.ignoredColumns,
    firestore: {
      target: firestore.target,
      location: firestore.location,
      collections: firestore.counts,
      documents: Object.values(firestore.counts).reduce((a, n) => a + n, 0),
      written: firestore.tally.written,
      unchanged: firestore.tally.unchanged,
      removed: firestore.tally.removed,
      runDoc: `tenants/${tenant}/${COLLECTIONS.runs}/${runId}`,
      ...(firestore.data ? { data: firestore.data } : {}),
    },
    summary: { path: workbook.path, sheets: workbook.sheets, charts: workbook.charts },
    staff: { path: staff.path, sheets: staff.sheets },
    schedule: results.schedule
      ? {
          sessions: results.schedule.sessions.length,
          peserta: results.schedule.sessions.reduce((a, x) => a + x.peserta.length, 0),
          objective: results.schedule.objective,
          bound: results.schedule.bound,
          budget: results.schedule.budget,
          // a re-plan around the stored schedule: counts here, every change in the staff workbook
          perubahan: replanCounts(results.schedule),
          ulang: results.schedule.ulang ?? null,
        }
      : { error: results.scheduleError ?? '' },
    cycles: firestore.cycles.map((c) => c.tahun),
    reused,
    kehadiran: attendanceJson(results.loop),
    quarantined: input.validation.quarantine.length,
    errors,
  };
}

// ---------------------------------------------------------------- text

const COLLECTION_LABELS: Partial<Record<string, string>> = {
  employees: 'pegawai',
  competencies: 'kamus kompetensi',
  standards: 'standar kompetensi',
  assessments: 'penilaian',
  trainings: 'riwayat pelatihan',
  courses: 'katalog pelatihan',
  budgets: 'anggaran',
  skm: 'jawaban SKM',
  reactions: 'evaluasi reaksi',
  tests: 'tes',
  behaviours: 'evaluasi perilaku',
  holidays: 'hari libur',
  rooms: 'ruang',
  trainers: 'pengajar',
  preferences: 'preferensi',
  attendance: 'daftar hadir',
  settings: 'pengaturan',
  quarantine: 'baris dikarantina',
  gaps: 'kesenjangan per pegawai',
  gapsOpd: 'kesenjangan per OPD',
  jp: 'JP per pegawai',
  jpOpd: 'JP per OPD',
  ikm: 'IKM per unit dan periode',
  evaluations: 'evaluasi per sesi',
  sessions: 'sesi terjadwal',
  enrollments: 'peserta sesi',
  plans: 'rencana pengembangan individu',
  summary: 'ringkasan pimpinan',
  cycles: 'indikator per tahun (tren)',
};

/** `2 sesi tetap, 1 dilepas, 3 baru, ...`: the re-plan's counts in words. */
function perubahanText(c: ReplanCounts): string {
  return `${num(c.tetap)} sesi tetap, ${num(c.dilepas)} dilepas, ${num(c.baru)} baru, ${num(c.pindah)} dipindah, ${num(c.batal)} dibatalkan; ${num(c.masuk)} peserta masuk, ${num(c.keluar)} keluar`;
}

function runText(json: RunJson, validation: ValidationResult): string {
  const { errors } = validation;
  const prefix = `tenants/${json.tenant}/`;
  const rows = Object.entries(json.firestore.collections).map(([c, n]) => [
    `${prefix}${c}`,
    COLLECTION_LABELS[c] ?? '',
    num(n),
  ]);
  rows.push(['Jumlah', '', num(json.firestore.documents)]);
  const where =
    json.firestore.target === 'firestore'
      ? `Firestore proyek ${json.firestore.location}`
      : json.firestore.target === 'emulator'
        ? `emulator Firestore di ${json.firestore.location}`
        : json.firestore.data?.unchanged
          ? `emulator Firestore dalam proses; data di ${json.firestore.data.path} tidak berubah sejak proses sebelumnya (${num(json.firestore.data.saved)} dokumen; tidak dimuat, hanya audit proses ini yang ditambahkan)`
          : json.firestore.data
            ? `emulator Firestore dalam proses; data disimpan di ${json.firestore.data.path} (${num(json.firestore.data.saved)} dokumen, ${num(json.firestore.data.loaded)} dimuat dari siklus sebelumnya)`
            : `emulator Firestore dalam proses di ${json.firestore.location}`;
  return blocks(
    heading(`Siklus bangkom tahun ${json.tahun} selesai`),
    [
      `Masukan  : ${json.input.path}`,
      `SHA-256  : ${json.input.sha256}`,
      `Firestore: ${where}`,
      `Audit    : ${json.firestore.runDoc}`,
      `Perubahan: ${num(json.firestore.written)} dokumen ditulis, ${num(json.firestore.unchanged)} tidak berubah (tidak ditulis ulang), ${num(json.firestore.removed)} dihapus`,
      `Jadwal   : ${'error' in json.schedule ? `gagal disusun (${json.schedule.error})` : `${num(json.schedule.sessions)} sesi, ${num(json.schedule.peserta)} peserta${json.reused.schedule ? ' (dipakai ulang dari proses sebelumnya: masukan sama)' : ''}`}`,
      ...('perubahan' in json.schedule && json.schedule.perubahan
        ? [`Disusun ulang: ${perubahanText(json.schedule.perubahan)} (lembar Perubahan Jadwal)`]
        : []),
      ...(json.reused.workbooks
        ? ['Buku kerja: tidak berubah sejak proses sebelumnya, tidak ditulis ulang']
        : []),
    ].join('\n'),
    table([{ header: 'Koleksi' }, { header: 'Isi' }, { header: 'Dokumen', right: true }], rows),
    attendanceText(json.kehadiran),
    errorsText(errors),
    validityLine(errors),
    inputNotes(validation),
    `Ringkasan pimpinan: ${json.summary.path}\n  lembar: ${json.summary.sheets.join(', ')}; ${num(json.summary.charts)} grafik`,
    `Rencana BKPSDM (data pribadi, hanya untuk BKPSDM): ${json.staff.path}\n  lembar: ${json.staff.sheets.join(', ')}`,
  );
}
