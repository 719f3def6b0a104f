/** ASN of the sample: NIPs per BKN layout, Indonesian names with degrees, office e-mails. */
import type { JenisAsn, JenisJabatan } from '@bangkom/core';
import { daysIn, pad } from './calendar.js';
import type { Rng } from './prng.js';
import type { GeneratedEmployee } from './program-types.js';
import {
  FEMALE_FIRST,
  type Gelar,
  LAST_FEMALE,
  LAST_MALE,
  LAST_NEUTRAL,
  MALE_FIRST,
} from './sawahlunto-data.js';

export interface Emp extends GeneratedEmployee {
  teknis: readonly string[];
  grade: number;
  entryYear: number;
  email?: string;
  atasan?: Emp;
}

export interface JabatanInfo {
  jenis: JenisJabatan;
  teknis: readonly string[];
  grade: number;
}
export class People {
  readonly list: Emp[] = [];
  readonly jabatan = new Map<string, JabatanInfo>();
  private readonly nips = new Set<string>();
  private readonly emails = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  add(
    opd: string,
    jabatan: string,
    info: JabatanInfo,
    p: { pppk: number; female: number; gelar: Gelar; born: readonly [number, number]; magister?: number },
    atasan: Emp | undefined,
  ): Emp {
    const rng = this.rng;
    if (!this.jabatan.has(jabatan)) this.jabatan.set(jabatan, info);
    const female = rng.chance(p.female);
    const jenisAsn: JenisAsn = rng.chance(p.pppk) ? 'PPPK' : 'PNS';
    const { nip, entryYear } = this.nip(jenisAsn, p.born, female);
    const { nama, first, last } = personName(rng, female, p.gelar, jabatan, p.magister ?? 0);
    const emp: Emp = {
      nip,
      nama,
      jenisAsn,
      opd,
      jabatan,
      jenisJabatan: info.jenis,
      teknis: info.teknis,
      grade: info.grade,
      entryYear,
    };
    if (atasan) {
      emp.atasan = atasan;
      emp.nipAtasan = atasan.nip;
    }
    const email = this.email(first, last);
    if (email) emp.email = email;
    this.list.push(emp);
    return emp;
  }

  /** NIP per BKN layout: PNS birth date + TMT CPNS + gender + sequence; PPPK birth date + year + 2 + digit + gender + sequence. */
  private nip(
    jenisAsn: JenisAsn,
    born: readonly [number, number],
    female: boolean,
  ): { nip: string; entryYear: number } {
    const rng = this.rng;
    for (;;) {
      const y = rng.int(born[0], born[1]);
      const m = rng.int(1, 12);
      const d = rng.int(1, daysIn(y, m));
      const birth = `${y}${pad(m)}${pad(d)}`;
      const g = female ? '2' : '1';
      let prefix: string;
      let entryYear: number;
      if (jenisAsn === 'PNS') {
        // TMT CPNS between the 20th and the 33rd birthday, never after 2024 (always after the 18th birthday)
        entryYear = Math.min(y + rng.int(20, 33), 2024);
        if (entryYear < y + 19) continue;
        prefix = `${birth}${entryYear}${pad(rng.int(1, 12))}${g}`;
      } else {
        entryYear = rng.weighted<number>([
          [2019, 1],
          [2021, 2],
          [2022, 3],
          [2023, 2],
          [2024, 3],
          [2025, 2],
        ]);
        if (entryYear < y + 20) continue;
        prefix = `${birth}${entryYear}2${rng.int(1, 9)}${g}`;
      }
      for (let seq = rng.int(1, 12); seq <= 999; seq++) {
        const nip = `${prefix}${pad(seq, 3)}`;
        if (!this.nips.has(nip)) {
          this.nips.add(nip);
          return { nip, entryYear };
        }
      }
    }
  }

  private email(first: string, last: string): string | undefined {
    const rng = this.rng;
    if (rng.chance(0.07)) return undefined;
    const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
    const base = last ? `${slug(first)}.${slug(last)}` : slug(first);
    const n = (this.emails.get(base) ?? 0) + 1;
    this.emails.set(base, n);
    const local = n === 1 ? base : `${base}${n}`;
    return `${local}@${rng.chance(0.7) ? 'sawahluntokota.go.id' : 'gmail.com'}`;
  }
}

const GELAR_SARJANA = [
  ', S.E.',
  ', S.Sos.',
  ', S.H.',
  ', S.STP',
  ', S.I.P.',
  ', S.Ak.',
  ', S.AP.',
  ', S.Kom.',
];

function personName(
  rng: Rng,
  female: boolean,
  gelar: Gelar,
  jabatan: string,
  magister: number,
): { nama: string; first: string; last: string } {
  const first = rng.pick(female ? FEMALE_FIRST : MALE_FIRST);
  let last = '';
  if (!rng.chance(0.18)) {
    last = rng.chance(0.55) ? rng.pick(LAST_NEUTRAL) : rng.pick(female ? LAST_FEMALE : LAST_MALE);
    if (last === first) last = rng.pick(LAST_NEUTRAL);
  }
  const base = last ? `${first} ${last}` : first;
  let prefix = '';
  let suffix = '';
  switch (gelar) {
    case 'guru':
      suffix = rng.chance(0.85) ? ', S.Pd.' : ', S.Pd.I.';
      if (rng.chance(0.1)) suffix += ', M.Pd.';
      break;
    case 'perawat':
      suffix = ', A.Md.Kep.';
      break;
    case 'ners':
      suffix = ', S.Kep., Ns.';
      break;
    case 'bidan':
      suffix = rng.chance(0.7) ? ', A.Md.Keb.' : ', S.Tr.Keb.';
      break;
    case 'dokter':
      prefix = jabatan.includes('Gigi') ? 'drg. ' : 'dr. ';
      if (jabatan.includes('Muda') && rng.chance(0.5))
        suffix = rng.pick([', Sp.PD', ', Sp.A', ', Sp.OG', ', Sp.B']);
      break;
    case 'apoteker':
      prefix = 'apt. ';
      suffix = ', S.Farm.';
      break;
    case 'kesmas':
      suffix = ', S.K.M.';
      break;
    case 'sarjana':
      if (rng.chance(0.9)) suffix = rng.pick(GELAR_SARJANA);
      break;
    case 'teknik':
      suffix = rng.pick([', S.T.', ', S.Kom.', ', A.Md.', ', S.T.']);
      break;
    case 'none':
      // diploma for skilled (Terampil) functional posts; some pelaksana hold a degree
      if (jabatan.endsWith('Terampil')) suffix = rng.chance(0.8) ? ', A.Md.' : '';
      else if (rng.chance(0.3)) suffix = rng.pick([', A.Md.', ', S.E.', ', S.Sos.']);
      break;
  }
  if (suffix && rng.chance(magister)) suffix += rng.pick([', M.M.', ', M.Si.', ', M.A.P.', ', M.H.']);
  return { nama: `${prefix}${base}${suffix}`, first, last };
}
