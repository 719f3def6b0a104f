/**
 * Verified raters when a form's rating arrives (ingestResponse), as the sheet sync checks them
 * (core/src/raters.ts, docs/lembar-kerja.md *Penilai yang sah*): an `Atasan` rating counts only
 * from the ASN's `NIP Atasan` (or, where empty, a higher structural official of the same OPD), a
 * `Diri` rating only from the ASN (NIP, form email), an `Asesmen` from a form only from an
 * assessor listed in `Pengaturan` (`NIP Asesor`). A rating that fails is quarantined with the
 * reason instead of stored; once Pegawai is corrected and the sheet synced, the sheet's valid row
 * supersedes the entry (form-quarantine.ts).
 *
 * Reads only what a check needs: the two `employees` documents of an Atasan rating (the ASN and
 * the rater), the ASN's for a Diri rating with an email, the settings for an Asesmen; a rating
 * whose problem shows without them (no `NIP Penilai`, the ASN rating themself) reads nothing.
 */
import {
  COLLECTIONS,
  docId,
  type Employee,
  type RaterProblem,
  raterDirectory,
  raterProblem,
  recordSchemas,
  type Sumber,
  settingsSchema,
} from '@bangkom/core';
import { SETTINGS_DOC } from '../adapters/cycle-docs.js';
import type { TenantStore } from '../adapters/firestore.js';

/** What the check takes of a valid Penilaian record. */
export interface FormRating {
  nip: string;
  sumber: Sumber;
  nipPenilai?: string;
  emailPenilai?: string;
}

/** The NIPs whose `Pegawai` rows the check of `r` consults. */
function nipsNeeded(r: FormRating): string[] {
  if (r.sumber === 'Diri') return r.emailPenilai !== undefined ? [r.nip] : [];
  if (r.sumber === 'Atasan' && r.nipPenilai !== undefined && r.nipPenilai !== r.nip)
    return [r.nip, r.nipPenilai];
  return [];
}

async function employeeOf(store: TenantStore, nip: string): Promise<Employee | undefined> {
  const doc = await store.readDoc(COLLECTIONS.employees, docId(nip));
  const parsed = doc ? recordSchemas.employees.safeParse(doc.data) : undefined;
  // a stored row that fails its schema is no evidence of who supervises whom
  return parsed?.success ? parsed.data : undefined;
}

async function asesorOf(store: TenantStore): Promise<string[]> {
  const doc = await store.readDoc(COLLECTIONS.settings, SETTINGS_DOC);
  const parsed = doc ? settingsSchema.safeParse(doc.data) : undefined;
  return parsed?.success ? (parsed.data.asesor ?? []) : [];
}

/** Each rating's problem (undefined: its rater may give it), in order. */
export async function formRaterProblems(
  store: TenantStore,
  ratings: readonly FormRating[],
): Promise<(RaterProblem | undefined)[]> {
  if (ratings.length === 0) return [];
  const nips = [...new Set(ratings.flatMap(nipsNeeded))];
  const [employees, asesor] = await Promise.all([
    Promise.all(nips.map((nip) => employeeOf(store, nip))),
    ratings.some((r) => r.sumber === 'Asesmen') ? asesorOf(store) : Promise.resolve([]),
  ]);
  const dir = raterDirectory(
    employees.filter((e): e is Employee => e !== undefined),
    { asesor },
  );
  return ratings.map((r) => raterProblem({ ...r, fromForm: true }, dir));
}
