/**
 * Course audiences (Katalog Pelatihan `Sasaran Jenis ASN`, `Sasaran Jenis Jabatan`, `Syarat`):
 * which ASN a course may take at all. The scheduler only offers a course to the ASN it admits,
 * so the per-ASN options, the knapsacks and therefore the bound all see the same restriction:
 * the bound stays an upper bound of the restricted problem, not of a looser one.
 */
import { normalizeHeader } from '../cells.js';
import type { Batas } from '../schedule-report.js';
import { type Course, type Employee, kelompokJabatan, type ProgramData } from '../types.js';
import type { AsnModel } from './instance.js';

export interface Bar {
  batas: Batas;
  alasan: string;
}

/**
 * Moves the courses with a Bar in `bars` (per course index; null: not barred) out of every ASN's
 * eligible courses into its `barred`, with that Bar. An ASN's map is copied before its first
 * change: buildInstance shares the maps between ASN with the same bars.
 */
export function barCourses(
  asnModels: readonly Pick<AsnModel, 'eligible' | 'barred'>[],
  bars: readonly (Bar | null)[],
): void {
  for (const asn of asnModels) {
    let own = false;
    asn.eligible = asn.eligible.filter((c) => {
      const bar = bars[c] ?? null;
      if (!bar) return true;
      if (!own) {
        asn.barred = new Map(asn.barred);
        own = true;
      }
      asn.barred.set(c, bar);
      return false;
    });
  }
}

/** Decides, per (course, ASN), whether the course's audience admits the ASN. */
export interface Audience {
  /** null when admitted, else the limit and why (Bahasa Indonesia) */
  bar(course: Course, nip: string): Bar | null;
  /**
   * `bar` in two steps, for callers that check many courses of one NIP: the NIP's audience key
   * (`keyOf`), whose `Sasaran` verdict is the same for every NIP with that key (`sasaran`), then
   * when that admits it, the course's `Syarat` (`syarat`)
   */
  keyOf(nip: string): number;
  /** `keyOf` of a NIP whose first Pegawai row is `e` (undefined: not in Pegawai), for callers that hold it */
  keyOfEmployee(e: Employee | undefined): number;
  sasaran(course: Course, key: number): Bar | null;
  syarat(course: Course, nip: string): Bar | null;
}

/**
 * Employees with the same `Jenis ASN` and `Jenis Jabatan` are admitted by the same `Sasaran`, so
 * that verdict is made once per (course, audience key) and shared: only `Syarat` looks at the NIP.
 * The Bar objects handed out are shared too and must not be changed.
 */
export function audienceOf(data: Pick<ProgramData, 'employees' | 'courses' | 'trainings'>): Audience {
  // per (Jenis ASN, Jenis Jabatan), an index into `people`, its first employee asked about; key 0,
  // whose representative is undefined, is a NIP not in Pegawai. Keys are numbered as they are first
  // asked for: the verdicts depend on the pair only, never on the number.
  // The pairs are few (two Jenis ASN, five Jenis Jabatan or none) and their names differ in length,
  // so a walk over the pairs seen compares faster than a map hashes.
  const people: (Employee | undefined)[] = [undefined];
  const keyOfEmployee = (e: Employee | undefined): number => {
    if (!e) return 0;
    for (let key = 1; key < people.length; key++) {
      const seen = people[key] as Employee;
      if (seen.jenisAsn === e.jenisAsn && seen.jenisJabatan === e.jenisJabatan) return key;
    }
    people.push(e);
    return people.length - 1;
  };
  // per NIP (its first Pegawai row), its key: made on the first `keyOf`, as callers that hold the
  // Pegawai rows (buildInstance) ask `keyOfEmployee` and need no index of every NIP
  let keyOf: Map<string, number> | undefined;
  const keyOfNip = (nip: string): number => {
    if (!keyOf) {
      keyOf = new Map();
      for (const e of data.employees) if (!keyOf.has(e.nip)) keyOf.set(e.nip, keyOfEmployee(e));
    }
    return keyOf.get(nip) ?? 0;
  };
  const courses = new Map<string, Course>();
  for (const c of data.courses) if (!courses.has(c.kode.toLowerCase())) courses.set(c.kode.toLowerCase(), c);
  // per prerequisite code, the NIPs with a Riwayat row named after its Kode or its Judul; only the
  // names some `Syarat` can match are indexed (the history runs to tens of thousands of rows)
  const completed = new Map<string, Set<string>>();
  const byName = new Map<string, Set<string>>();
  for (const c of data.courses) {
    if (c.syarat === undefined) continue;
    byName.set(normalizeHeader(c.syarat), new Set());
    const prerequisite = courses.get(c.syarat.toLowerCase());
    if (prerequisite) byName.set(normalizeHeader(prerequisite.judul), new Set());
  }
  if (byName.size > 0) {
    // the same few course names repeat over the whole history: normalise each once
    const keyOfName = new Map<string, string>();
    for (const t of data.trainings) {
      let key = keyOfName.get(t.namaPelatihan);
      if (key === undefined) {
        key = normalizeHeader(t.namaPelatihan);
        keyOfName.set(t.namaPelatihan, key);
      }
      byName.get(key)?.add(t.nip);
    }
  }
  const completedOf = (kode: string): Set<string> => {
    let set = completed.get(kode);
    if (set) return set;
    const course = courses.get(kode);
    set = new Set([
      ...(byName.get(normalizeHeader(kode)) ?? []),
      ...(course ? (byName.get(normalizeHeader(course.judul)) ?? []) : []),
    ]);
    completed.set(kode, set);
    return set;
  };
  /** per course, its `Sasaran` verdict per audience key (undefined: not made yet) */
  const sasaran = new Map<Course, (Bar | null | undefined)[]>();
  /** per course with a `Syarat`: who completed it, and the bar of those who did not */
  const syarat = new Map<Course, { done: Set<string>; bar: Bar }>();
  const sasaranOf = (course: Course, key: number): Bar | null => {
    let verdicts = sasaran.get(course);
    if (!verdicts) {
      // keys numbered later read past its end: undefined, not made yet
      verdicts = new Array<Bar | null | undefined>(people.length).fill(undefined);
      sasaran.set(course, verdicts);
    }
    let verdict = verdicts[key];
    if (verdict === undefined) {
      verdict = sasaranBar(course, people[key]);
      verdicts[key] = verdict;
    }
    return verdict;
  };
  const syaratOf = (course: Course, nip: string): Bar | null => {
    if (course.syarat === undefined) return null;
    let prerequisite = syarat.get(course);
    if (!prerequisite) {
      prerequisite = {
        done: completedOf(course.syarat.toLowerCase()),
        bar: {
          batas: 'syarat',
          alasan: `Pelatihan ${course.kode} mensyaratkan ${course.syarat} yang belum tercatat di Riwayat Pelatihan ASN ini.`,
        },
      };
      syarat.set(course, prerequisite);
    }
    return prerequisite.done.has(nip) ? null : prerequisite.bar;
  };
  return {
    bar: (course, nip) => sasaranOf(course, keyOfNip(nip)) ?? syaratOf(course, nip),
    keyOf: keyOfNip,
    keyOfEmployee,
    sasaran: sasaranOf,
    syarat: syaratOf,
  };
}

/** Whether a course's `Sasaran Jenis ASN` and `Sasaran Jenis Jabatan` admit employee e (undefined: not in Pegawai). */
function sasaranBar(course: Course, e: Employee | undefined): Bar | null {
  if (course.sasaranJenisAsn !== undefined && e?.jenisAsn !== course.sasaranJenisAsn)
    return {
      batas: 'sasaran',
      alasan: `Pelatihan ${course.kode} hanya untuk ${course.sasaranJenisAsn} (Sasaran Jenis ASN).`,
    };
  const groups = course.sasaranJenisJabatan;
  if (
    groups !== undefined &&
    groups.length > 0 &&
    (e?.jenisJabatan === undefined || !groups.includes(kelompokJabatan(e.jenisJabatan)))
  )
    return {
      batas: 'sasaran',
      alasan: `Pelatihan ${course.kode} hanya untuk jabatan ${groups.join(', ')} (Sasaran Jenis Jabatan)${e?.jenisJabatan === undefined ? '; Jenis Jabatan ASN ini kosong' : ''}.`,
    };
  return null;
}
