/**
 * Course audiences (Katalog Pelatihan `Sasaran Jenis ASN`, `Sasaran Jenis Jabatan`, `Syarat`):
 * which ASN a course may take at all. The scheduler only offers a course to the ASN it admits,
 * so the per-ASN options, the knapsacks and therefore the bound all see the same restriction:
 * the bound stays an upper bound of the restricted problem, not of a looser one.
 */
import { normalizeHeader } from '../cells.js';
import type { Batas } from '../schedule-report.js';
import { type Course, type Employee, kelompokJabatan, type ProgramData } from '../types.js';

export interface Bar {
  batas: Batas;
  alasan: string;
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
  sasaran(course: Course, key: number): Bar | null;
  syarat(course: Course, nip: string): Bar | null;
}

/**
 * Employees with the same `Jenis ASN` and `Jenis Jabatan` are admitted by the same `Sasaran`, so
 * that verdict is made once per (course, audience key) and shared: only `Syarat` looks at the NIP.
 * The Bar objects handed out are shared too and must not be changed.
 */
export function audienceOf(data: Pick<ProgramData, 'employees' | 'courses' | 'trainings'>): Audience {
  // per NIP (its first Pegawai row), the index of its (Jenis ASN, Jenis Jabatan) among `people`;
  // a NIP not in Pegawai has key 0, whose representative is undefined
  const keyOf = new Map<string, number>();
  const people: (Employee | undefined)[] = [undefined];
  const keyIndex = new Map<string, number>();
  for (const e of data.employees) {
    if (keyOf.has(e.nip)) continue;
    const name = `${e.jenisAsn}|${e.jenisJabatan === undefined ? '' : `=${e.jenisJabatan}`}`;
    let key = keyIndex.get(name);
    if (key === undefined) {
      key = people.length;
      people.push(e);
      keyIndex.set(name, key);
    }
    keyOf.set(e.nip, key);
  }
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
  const keyOfNip = (nip: string): number => keyOf.get(nip) ?? 0;
  const sasaranOf = (course: Course, key: number): Bar | null => {
    let verdicts = sasaran.get(course);
    if (!verdicts) {
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
