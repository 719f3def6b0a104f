/**
 * Firestore data model, shared by the CLI and the Cloud Functions.
 * Everything lives under tenants/{tenantId}/{collection}/{docId}; ids are deterministic so
 * a rerun overwrites rather than duplicates.
 */
import { sha256Hex, utf8Bytes } from './sha256.js';
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
  trainers: 'trainers',
  preferences: 'preferences',
  attendance: 'attendance',
  invitations: 'invitations',
  fgd: 'fgd',
  goals: 'goals',
  performance: 'performance',
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

/** Firestore's limit on a document id, in UTF-8 bytes. */
export const MAX_DOC_ID_BYTES = 1500;
/** How much of an over-long id is kept readable before its hash (1,400 + 3 + 64 bytes). */
const LONG_ID_PREFIX_BYTES = 1400;

const RESERVED_ID = /^__[\s\S]*__$/;

/**
 * Why Firestore would refuse a document id (at most 1,500 bytes, no `/`, not `.` or `..`, not
 * `__.*__`), in Bahasa Indonesia; undefined when it would take it.
 */
export function docIdProblem(id: string): string | undefined {
  if (id === '') return 'ID dokumen kosong';
  if (id.includes('/')) return `ID dokumen "${id.slice(0, 80)}" memuat "/"`;
  if (id === '.' || id === '..') return `ID dokumen tidak boleh "${id}"`;
  if (RESERVED_ID.test(id))
    return `ID dokumen "${id.slice(0, 80)}" berbentuk __...__, yang dicadangkan Firestore`;
  if (utf8Bytes(id).length > MAX_DOC_ID_BYTES) {
    return `ID dokumen "${id.slice(0, 80)}…" lebih dari ${MAX_DOC_ID_BYTES.toLocaleString('id-ID')} byte`;
  }
  return undefined;
}

/** The longest start of `id` (whole code points) of at most `max` UTF-8 bytes. */
function bytePrefix(id: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of id) {
    const n = utf8Bytes(ch).length;
    if (bytes + n > max) break;
    bytes += n;
    end += ch.length;
  }
  return id.slice(0, end);
}

/**
 * A Firestore-safe, deterministic, readable document id from key parts: parts joined with
 * `~`, each with `%`, `/` and `~` percent-encoded, so different parts never give one id. An
 * encoded id has no `%` but in `%25`, `%2F`, `%7E`; the ids Firestore refuses are mapped onto
 * forms no encoding yields, so they cannot meet another key's id either: `.` -> `%2E`,
 * `..` -> `%2E%2E` (not `_..`, which the key `_..` has), `__x__` -> `%5F_x__`, empty -> `%00`,
 * and an id over 1,500 bytes -> its first 1,400 bytes + `%23` + the SHA-256 of the whole.
 */
export function docId(...parts: readonly (string | number)[]): string {
  const id = parts
    .map((p) =>
      String(p)
        .trim()
        .replace(/[%/~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('~');
  if (id === '') return '%00';
  if (id === '.' || id === '..') return id.replace(/\./g, '%2E');
  if (RESERVED_ID.test(id)) return `%5F${id.slice(1)}`;
  if (id.length * 3 > MAX_DOC_ID_BYTES && utf8Bytes(id).length > MAX_DOC_ID_BYTES) {
    return `${bytePrefix(id, LONG_ID_PREFIX_BYTES)}%23${sha256Hex(id)}`;
  }
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
  trainers: (r: ProgramData['trainers'][number]) => docId(r.nama),
  preferences: (r: ProgramData['preferences'][number]) => docId(r.nip),
  attendance: (r: ProgramData['attendance'][number]) => docId(r.sesi, r.tanggal ?? 'konfirmasi', r.nip),
  invitations: (r: ProgramData['invitations'][number]) => docId(r.sesi, r.nip),
  fgd: (r: ProgramData['fgd'][number]) => docId(r.tanggal, r.opd, r.kode ?? '', r.topik ?? ''),
  goals: (r: ProgramData['goals'][number]) => docId(r.indikator, r.opd ?? '', r.tahun),
  performance: (r: ProgramData['performance'][number]) => docId(r.nip, r.tahun),
} as const;
