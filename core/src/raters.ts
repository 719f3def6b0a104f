/**
 * Who may rate whom (docs/lembar-kerja.md, `Penilaian`, *Penilai yang sah*). A rating counts
 * only when its rater is entitled to give it:
 * - `Atasan`: `NIP Penilai` is the ASN's `NIP Atasan` in `Pegawai`; where that cell is empty, a
 *   structural official (JPT Pratama, Administrator, Pengawas) of the same OPD ranked above the ASN;
 * - `Diri`: the ASN themself (`NIP Penilai`, when given, is the ASN's NIP; `Email Penilai`, the
 *   form respondent's address, when given, is the ASN's `Email`);
 * - `Asesmen`: typed by staff in the sheet, or from an assessor listed in `Pengaturan`
 *   (`NIP Asesor`); nobody assesses themself.
 * Otherwise the row is quarantined with the reason (sheet sync) or left out of the gaps and
 * listed (records that reached Firestore from a form). Pure: no I/O.
 */
import { normalizeHeader } from './cells.js';
import type { Employee, JenisJabatan, Settings, Sumber } from './types.js';

/** What the checks need of each ASN. */
interface RaterEntry {
  opd: string;
  rank: number;
  nipAtasan: string | undefined;
  email: string | undefined;
}

export interface RaterDirectory {
  byNip: ReadonlyMap<string, RaterEntry>;
  /** `Pengaturan.NIP Asesor`: assessors whose `Asesmen` counts from a form */
  asesor: ReadonlySet<string>;
}

/** Structural rank: who may stand in for an empty `NIP Atasan` (higher ranks above lower ones). */
const RANK: Readonly<Record<JenisJabatan, number>> = {
  'JPT Pratama': 3,
  Administrator: 2,
  Pengawas: 1,
  Pelaksana: 0,
  Fungsional: 0,
};

const emailKey = (email: string | undefined) => email?.trim().toLowerCase() || undefined;

export function raterDirectory(
  employees: readonly Pick<Employee, 'nip' | 'opd' | 'jenisJabatan' | 'nipAtasan' | 'email'>[],
  settings: Pick<Settings, 'asesor'>,
): RaterDirectory {
  const byNip = new Map<string, RaterEntry>();
  for (const e of employees) {
    if (byNip.has(e.nip)) continue; // a repeated NIP is the parser's error; the first row stands
    byNip.set(e.nip, {
      opd: normalizeHeader(e.opd),
      rank: e.jenisJabatan ? RANK[e.jenisJabatan] : 0,
      nipAtasan: e.nipAtasan,
      email: emailKey(e.email),
    });
  }
  return { byNip, asesor: new Set(settings.asesor ?? []) };
}

/** The rating as the checks see it; `fromForm`: it reached Firestore through a form, not the sheet. */
export interface RatingOrigin {
  nip: string;
  sumber: Sumber;
  nipPenilai?: string | undefined;
  emailPenilai?: string | undefined;
  fromForm?: boolean;
}

/** Why a rating does not count (column and reason, Bahasa Indonesia), or undefined when it counts. */
export interface RaterProblem {
  column: 'NIP Penilai' | 'Email Penilai' | 'Sumber';
  message: string;
}

const STRUCTURAL = 'JPT Pratama, Administrator, atau Pengawas';

export function raterProblem(a: RatingOrigin, dir: RaterDirectory): RaterProblem | undefined {
  const ratee = dir.byNip.get(a.nip);
  const penilai = a.nipPenilai;
  const email = emailKey(a.emailPenilai);
  switch (a.sumber) {
    case 'Diri': {
      if (penilai !== undefined && penilai !== a.nip)
        return {
          column: 'NIP Penilai',
          message: `Penilaian Diri harus diisi pegawai itu sendiri, tetapi NIP Penilai (${penilai}) bukan NIP pegawai yang dinilai`,
        };
      if (email !== undefined && ratee?.email !== undefined && email !== ratee.email)
        return {
          column: 'Email Penilai',
          message: `Penilaian Diri harus diisi pegawai itu sendiri, tetapi email pengisi (${email}) bukan email pegawai ini di lembar Pegawai`,
        };
      return undefined;
    }
    case 'Atasan': {
      if (penilai === undefined)
        return {
          column: 'NIP Penilai',
          message: 'Penilaian Atasan harus mencantumkan NIP Penilai (NIP atasan langsung pegawai)',
        };
      if (penilai === a.nip)
        return {
          column: 'NIP Penilai',
          message:
            'Penilaian Atasan tidak boleh diisi pegawai yang dinilai sendiri (NIP Penilai sama dengan NIP)',
        };
      if (!ratee) return undefined; // NIP tidak terdaftar is reported on its own
      const rater = dir.byNip.get(penilai);
      if (ratee.nipAtasan !== undefined) {
        if (penilai !== ratee.nipAtasan)
          return {
            column: 'NIP Penilai',
            message: `NIP Penilai (${penilai}) bukan NIP Atasan pegawai ini di lembar Pegawai (${ratee.nipAtasan})`,
          };
      } else if (!rater || rater.opd !== ratee.opd || rater.rank <= ratee.rank) {
        return {
          column: 'NIP Penilai',
          message: `NIP Atasan pegawai ini kosong di lembar Pegawai, dan penilai (${penilai}) bukan pejabat ${STRUCTURAL} di OPD yang sama yang jabatannya lebih tinggi`,
        };
      }
      if (email !== undefined && rater?.email !== undefined && email !== rater.email)
        return {
          column: 'Email Penilai',
          message: `Email pengisi (${email}) bukan email atasan (${penilai}) di lembar Pegawai`,
        };
      return undefined;
    }
    case 'Asesmen': {
      if (penilai !== undefined && penilai === a.nip)
        return { column: 'NIP Penilai', message: 'Asesmen tidak boleh dinilai oleh pegawai itu sendiri' };
      const listed = penilai !== undefined && dir.asesor.has(penilai);
      if (penilai !== undefined && dir.asesor.size > 0 && !listed)
        return {
          column: 'NIP Penilai',
          message: `NIP Penilai (${penilai}) tidak ada di daftar NIP Asesor (lembar Pengaturan)`,
        };
      if (a.fromForm && !listed)
        return {
          column: 'Sumber',
          message:
            'Asesmen dari formulir hanya diterima dari asesor yang tercantum di Pengaturan (NIP Asesor); asesmen lain diketik staf di lembar Penilaian',
        };
      return undefined;
    }
  }
}

/** What marks a gap resting on the ASN's own rating alone, wherever a gap is shown. */
export const HANYA_DIRI = 'hanya penilaian diri';

/**
 * How far a gap can be trusted, in words: the sources and the number of raters behind it
 * (`Diri + Atasan, 2 penilai`), or HANYA_DIRI; '' when nobody rated it.
 */
export function gapConfidence(c: {
  sumber: readonly Sumber[];
  penilai?: number | undefined;
  hanyaDiri?: true | undefined;
}): string {
  if (c.sumber.length === 0) return '';
  if (c.hanyaDiri) return HANYA_DIRI;
  const n = c.penilai ?? c.sumber.length;
  return `${c.sumber.join(' + ')}, ${n} penilai`;
}
