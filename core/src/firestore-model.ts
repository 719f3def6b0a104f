/**
 * Firestore data model, shared by the CLI and the Cloud Functions.
 * Everything lives under tenants/{tenantId}/{collection}/{docId}; ids are deterministic so
 * a rerun overwrites rather than duplicates.
 */
import type { ProgramData } from './types.js';

export const DEFAULT_TENANT = 'sawahlunto';

export const COLLECTIONS = {
  // input records (from sheets or forms)
  employees: 'employees',
  competencies: 'competencies',
  standards: 'standards',
  assessments: 'assessments',
  trainings: 'trainings',
  courses: 'courses',
  budgets: 'budgets',
  skm: 'skm',
  reactions: 'reactions',
  tests: 'tests',
  behaviours: 'behaviours',
  holidays: 'holidays',
  rooms: 'rooms',
  preferences: 'preferences',
  attendance: 'attendance',
  settings: 'settings',
  // rejected rows and submissions, kept whole
  quarantine: 'quarantine',
  // results
  gaps: 'gaps',
  gapsOpd: 'gapsOpd',
  jp: 'jp',
  jpOpd: 'jpOpd',
  ikm: 'ikm',
  evaluations: 'evaluations',
  sessions: 'sessions',
  enrollments: 'enrollments',
  plans: 'plans',
  summary: 'summary',
  // one document per year: the indicators leaders follow across cycles (cycle/model.ts)
  cycles: 'cycles',
  // audit
  runs: 'runs',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/**
 * A Firestore-safe, deterministic, readable document id from key parts.
 * Firestore forbids '/', '.'/'..' as whole ids and ids matching __.*__; we percent-encode
 * the reserved characters and join parts with '~'.
 */
export function docId(...parts: readonly (string | number)[]): string {
  const id = parts
    .map((p) =>
      String(p)
        .trim()
        .replace(/[%/~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('~');
  if (id === '' || id === '.' || id === '..' || /^__.*__$/.test(id)) return `_${id}`;
  return id;
}

/** The id part that marks a document as coming from a form submission (`formulir~...`). */
export const FORM_SOURCE = 'formulir';

/** Whether a document id is a form submission's (ingestResponse's SKM records, form quarantine). */
export const isFormDocId = (id: string): boolean => id.startsWith(`${docId(FORM_SOURCE)}~`);

/** Deterministic ids of the input records, one function per ProgramData collection. */
export const recordIds = {
  employees: (r: ProgramData['employees'][number]) => docId(r.nip),
  competencies: (r: ProgramData['competencies'][number]) => docId(r.kode),
  standards: (r: ProgramData['standards'][number]) => docId(r.jabatan, r.kode),
  assessments: (r: ProgramData['assessments'][number]) =>
    r.idRespons ? docId(r.idRespons) : docId(r.nip, r.sumber, r.waktu ?? ''),
  trainings: (r: ProgramData['trainings'][number]) => docId(r.nip, r.mulai, r.namaPelatihan),
  courses: (r: ProgramData['courses'][number]) => docId(r.kode),
  budgets: (r: ProgramData['budgets'][number]) => docId(r.opd),
  // a form respondent is its response (ingestResponse writes the same id); a row typed into the
  // sheet has no other identity than its place
  skm: (r: ProgramData['skm'][number]) =>
    r.idRespons ? docId(FORM_SOURCE, r.idRespons) : docId(r.unit, r.periode, `r${r.row}`),
  reactions: (r: ProgramData['reactions'][number]) => docId(r.sesi, r.nip),
  tests: (r: ProgramData['tests'][number]) => docId(r.sesi, r.nip),
  behaviours: (r: ProgramData['behaviours'][number]) => docId(r.sesi, r.nip, r.kode),
  holidays: (r: ProgramData['holidays'][number]) => docId(r.tanggal),
  rooms: (r: ProgramData['rooms'][number]) => docId(r.nama),
  preferences: (r: ProgramData['preferences'][number]) => docId(r.nip),
  attendance: (r: ProgramData['attendance'][number]) => docId(r.sesi, r.tanggal ?? 'konfirmasi', r.nip),
} as const;
