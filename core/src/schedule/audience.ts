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
}

export function audienceOf(data: Pick<ProgramData, 'employees' | 'courses' | 'trainings'>): Audience {
  const employees = new Map<string, Employee>();
  for (const e of data.employees) if (!employees.has(e.nip)) employees.set(e.nip, e);
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
    const keyOf = new Map<string, string>();
    for (const t of data.trainings) {
      let key = keyOf.get(t.namaPelatihan);
      if (key === undefined) {
        key = normalizeHeader(t.namaPelatihan);
        keyOf.set(t.namaPelatihan, key);
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
  return {
    bar(course, nip) {
      const e = employees.get(nip);
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
      if (course.syarat !== undefined && !completedOf(course.syarat.toLowerCase()).has(nip))
        return {
          batas: 'syarat',
          alasan: `Pelatihan ${course.kode} mensyaratkan ${course.syarat} yang belum tercatat di Riwayat Pelatihan ASN ini.`,
        };
      return null;
    },
  };
}
