/**
 * Results (Kirkpatrick L4) per service unit: did the service to the public change after the
 * unit's OPD trained its staff? For each unit with two SKM periods or more, the last two:
 * IKM before and after, the share of the OPD's ASN who started a training in between (after
 * the earlier period ended, up to the end of the later one), the SKM elements that training
 * targeted and how their NRR moved next to the other elements, and an honest note where the
 * data is thin. A change beside training is not proof that the training caused it; the note
 * says so when the comparison cannot carry weight.
 *
 * Training -> SKM elements (PermenPAN-RB 14/2017, U1..U9 in the order of the SKM form):
 * a course's competencies by name (Kamus Kompetensi, so a tenant's own codes work too):
 *   pelayanan publik -> U2 prosedur, U3 waktu, U7 perilaku, U8 pengaduan
 *   komunikasi -> U7 perilaku, U8 pengaduan;  integritas -> U4 biaya/tarif, U7 perilaku
 *   pengaduan -> U8;  kependudukan / perizinan / administrasi -> U1 persyaratan, U2, U3, U5 produk
 *   kesehatan -> U5 produk, U6 kompetensi;  digital / sistem informasi -> U2, U3, U9 sarana
 *   infrastruktur / sarana -> U9;  mengelola perubahan -> U2
 *   any other competency -> U6 kompetensi pelaksana.
 * Minimum sample: Krejcie & Morgan (1970), the table the regulation's guidance uses:
 * n = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), χ² = 3,841, P = 0,5, d = 0,05 (N = 100 -> 80,
 * N = 1.000 -> 278, a large population -> 384). `Populasi` (optional SKM column) gives N.
 */
import { compareNames, nameKey, nameKeyer } from '../gaps.js';
import { comparePeriode } from '../ikm.js';
import type { IkmUnit } from '../reports.js';
import { DEFAULT_DICTIONARY } from '../sheet-specs.js';
import type { ProgramData } from '../types.js';

/** U1..U9 as the SKM form asks them. */
export const SKM_ELEMENT_NAMES = [
  'Persyaratan',
  'Sistem, mekanisme, dan prosedur',
  'Waktu penyelesaian',
  'Biaya/tarif',
  'Produk spesifikasi jenis pelayanan',
  'Kompetensi pelaksana',
  'Perilaku pelaksana',
  'Penanganan pengaduan, saran, dan masukan',
  'Sarana dan prasarana',
] as const;

/** competency name keywords -> 0-based SKM elements (see the module comment) */
const ELEMENT_RULES: readonly (readonly [RegExp, readonly number[]])[] = [
  [/pelayanan publik/, [1, 2, 6, 7]],
  [/komunikasi/, [6, 7]],
  [/integritas/, [3, 6]],
  [/pengaduan/, [7]],
  [/kependudukan|perizinan|administrasi/, [0, 1, 2, 4]],
  [/kesehatan/, [4, 5]],
  [/digital|sistem informasi/, [1, 2, 8]],
  [/infrastruktur|sarana/, [8]],
  [/mengelola perubahan/, [1]],
];
const DEFAULT_ELEMENTS: readonly number[] = [5];

/** The SKM elements (0-based) a competency's training targets, by the competency's name. */
export function elementsOf(nama: string): readonly number[] {
  const key = nameKey(nama);
  const hits = ELEMENT_RULES.filter(([re]) => re.test(key)).flatMap(([, els]) => els);
  return hits.length > 0 ? [...new Set(hits)].sort((a, b) => a - b) : DEFAULT_ELEMENTS;
}

/** Krejcie & Morgan's minimum sample for a population of `n` (95 %, ±5 %). */
export function krejcieMorgan(n: number): number {
  if (n <= 0) return 0;
  const chi = 3.841;
  const p = chi * 0.25;
  // the published table rounds to the nearest whole respondent (40 -> 36,3 -> 36; 100 -> 79,5 -> 80)
  return Math.round((chi * n * 0.25) / (0.0025 * (n - 1) + p));
}

/** A Periode as dates: semester (S1/S2, Semester I/II), quarter (TW/Triwulan/Q 1–4), month, or a year. */
export function periodeRange(periode: string): { start: string; end: string } | null {
  const s = periode.toLocaleLowerCase('id');
  const ym = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(s);
  if (!ym) return null;
  const y = Number(ym[1]);
  const rest = `${s.slice(0, ym.index)} ${s.slice(ym.index + 4)}`;
  const part = (t: string) => ({ i: 1, ii: 2, iii: 3, iv: 4 })[t] ?? Number(t);
  const iso = (m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const lastDay = (m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const sem = /(?:^|[^a-z])(?:s|sem|semester)\s*-?\s*(1|2|ii|i)(?![a-z0-9])/.exec(rest);
  if (sem?.[1]) {
    const k = part(sem[1]);
    return k === 1 ? { start: iso(1, 1), end: iso(6, 30) } : { start: iso(7, 1), end: iso(12, 31) };
  }
  const q = /(?:^|[^a-z])(?:q|tw|triwulan|kuartal)\s*-?\s*([1-4]|iv|iii|ii|i)(?![a-z0-9])/.exec(rest);
  if (q?.[1]) {
    const k = part(q[1]);
    return { start: iso(3 * k - 2, 1), end: iso(3 * k, lastDay(3 * k)) };
  }
  if (/[a-z0-9]/.test(rest)) return null;
  return { start: iso(1, 1), end: iso(12, 31) };
}

/** one unit's row (the cycle document keeps the same shape, model.ts cycleResultSchema) */
export interface ServiceResult {
  unit: string;
  opd: string | null;
  periodeSebelum: string | null;
  ikmSebelum: number | null;
  respondenSebelum: number;
  periodeSesudah: string;
  ikmSesudah: number;
  respondenSesudah: number;
  /** ASN of the unit's OPD, and those who started a training between the two periods */
  asnOpd: number;
  asnDilatih: number;
  /** 1-based SKM elements the training between targeted (most trainees first, at most three) */
  unsurSasaran: number[];
  /** mean NRR change (1–4 scale) of the targeted elements, and of the other elements */
  perubahanSasaran: number | null;
  perubahanLain: number | null;
  /** why the comparison is thin, Bahasa Indonesia; empty when it is not */
  catatan: string[];
}

export interface ResultsInput {
  data: Pick<ProgramData, 'employees' | 'trainings' | 'courses' | 'competencies'>;
  units: readonly IkmUnit[];
}

function meanChange(
  before: readonly (number | null)[],
  after: readonly (number | null)[],
  els: readonly number[],
) {
  const d = els.flatMap((i) => {
    const a = after[i];
    const b = before[i];
    return a === null || a === undefined || b === null || b === undefined ? [] : [a - b];
  });
  return d.length > 0 ? d.reduce((x, y) => x + y, 0) / d.length : null;
}

function sampleNote(label: string, u: IkmUnit): string[] {
  if (u.populasi === undefined) return [];
  const min = krejcieMorgan(u.populasi);
  return u.responden < min
    ? [
        `${label} ${u.periode}: ${u.responden} responden, kurang dari sampel minimum ${min} untuk populasi ${u.populasi} (Krejcie-Morgan)`,
      ]
    : [];
}

/** `items` grouped by `keyOf`, each mapped by `pick`, in their order. */
function groupBy<T, V>(items: readonly T[], keyOf: (t: T) => string, pick: (t: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const t of items) {
    const k = keyOf(t);
    const list = out.get(k);
    if (list) list.push(pick(t));
    else out.set(k, [pick(t)]);
  }
  return out;
}

export function serviceResults(input: ResultsInput): ServiceResult[] {
  const { data } = input;
  const dictionary = data.competencies.length > 0 ? data.competencies : DEFAULT_DICTIONARY;
  const nama = new Map(dictionary.map((c) => [c.kode, c.nama]));
  const courses = new Map(data.courses.map((c) => [nameKey(c.judul), c]));
  const key = nameKeyer();
  const opdNames = new Map(data.employees.map((e) => [key(e.opd), e.opd]));
  // lists grown in place: a copy per element is quadratic (an OPD of 20.000 teachers took minutes)
  const staff = groupBy(
    data.employees,
    (e) => key(e.opd),
    (e) => e.nip,
  );
  const trainingsOf = groupBy(
    data.trainings,
    (t) => t.nip,
    (t) => t,
  );
  // the SKM elements a training of a title targets, once per title
  const elementsByTitle = new Map<string, readonly number[]>();
  const elementsOfTitle = (title: string): readonly number[] => {
    let els = elementsByTitle.get(title);
    if (!els) {
      const c = courses.get(key(title));
      els = [...new Set((c?.kompetensi ?? []).flatMap((k) => elementsOf(nama.get(k) ?? k)))];
      elementsByTitle.set(title, els);
    }
    return els;
  };

  const byUnit = groupBy(
    input.units,
    (u) => key(u.unit),
    (u) => u,
  );
  const out: ServiceResult[] = [];
  for (const list of byUnit.values()) {
    const sorted = [...list].sort((a, b) => comparePeriode(a.periode, b.periode));
    const after = sorted[sorted.length - 1] as IkmUnit;
    const before = sorted.length > 1 ? (sorted[sorted.length - 2] as IkmUnit) : undefined;
    const opdKey = key(after.opd ?? after.unit);
    const opd = opdNames.get(opdKey) ?? null;
    const nips = staff.get(opdKey) ?? [];
    const catatan: string[] = [];
    let dilatih = 0;
    const perElement = new Array<number>(9).fill(0);
    const from = before ? periodeRange(before.periode) : null;
    const to = periodeRange(after.periode);
    if (!before) catatan.push('baru satu periode SKM: belum ada pembanding');
    else if (!from || !to)
      catatan.push('periode SKM tidak dapat diartikan sebagai tanggal (mis. 2026-S1, Triwulan 2 2026)');
    if (!opd) catatan.push('unit tidak cocok dengan OPD mana pun (isi kolom OPD di SKM)');
    if (before && from && to && opd) {
      for (const nip of nips) {
        const inWindow = (trainingsOf.get(nip) ?? []).filter((t) => t.mulai > from.end && t.mulai <= to.end);
        if (inWindow.length > 0) dilatih++;
        for (const t of inWindow) {
          for (const i of elementsOfTitle(t.namaPelatihan)) perElement[i] = (perElement[i] ?? 0) + 1;
        }
      }
    }
    const unsur = perElement
      .map((n, i) => ({ n, i }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n || a.i - b.i)
      .slice(0, 3)
      .map((x) => x.i)
      .sort((a, b) => a - b);
    const others = [...Array(9).keys()].filter((i) => !unsur.includes(i));
    if (before && unsur.length === 0 && opd && from && to) {
      catatan.push('tidak ada pelatihan katalog yang diikuti ASN OPD ini di antara kedua periode');
    } else if (nips.length > 0 && dilatih / nips.length < 0.05 && unsur.length > 0) {
      catatan.push('kurang dari 5% ASN OPD yang dilatih di antara kedua periode');
    }
    if (before) catatan.push(...sampleNote('sebelum', before));
    catatan.push(...sampleNote('sesudah', after));
    if ((before && before.populasi === undefined) || after.populasi === undefined) {
      catatan.push(
        'Populasi belum diisi di SKM: kecukupan sampel tidak dapat diperiksa (populasi besar: minimal 384 responden)',
      );
    }
    out.push({
      unit: after.unit,
      opd,
      periodeSebelum: before?.periode ?? null,
      ikmSebelum: before?.konversi ?? null,
      respondenSebelum: before?.responden ?? 0,
      periodeSesudah: after.periode,
      ikmSesudah: after.konversi,
      respondenSesudah: after.responden,
      asnOpd: nips.length,
      asnDilatih: dilatih,
      unsurSasaran: unsur.map((i) => i + 1),
      perubahanSasaran: before && unsur.length > 0 ? meanChange(before.nrr, after.nrr, unsur) : null,
      perubahanLain: before && unsur.length > 0 ? meanChange(before.nrr, after.nrr, others) : null,
      catatan,
    });
  }
  return out.sort((a, b) => compareNames(a.unit, b.unit));
}
