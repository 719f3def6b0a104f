/**
 * Class sizes and rooms at the instance level: a course that fewer ASN may take than its
 * `Peserta Minimum` can never run, and a course whose sessions cannot get a fitting room
 * (`Jenis Ruang`, seats) cannot either. Both facts hold for every feasible plan, so removing
 * such courses from every ASN's options keeps the bound a proven upper bound and makes it tighter.
 */
import type { CellError } from '../types.js';
import { type Bar, barCourses } from './audience.js';
import type { AsnModel, CourseModel } from './instance.js';

/** Takes a course out of every ASN's options when fewer ASN can take it than its minimum. */
export function barTooFewTakers(courses: readonly CourseModel[], asnModels: readonly AsnModel[]): void {
  const takers = new Int32Array(courses.length);
  for (const asn of asnModels) for (const c of asn.eligible) takers[c] = (takers[c] as number) + 1;
  const tooFew = courses.map(
    (course, c) => (takers[c] as number) > 0 && (takers[c] as number) < course.minimum,
  );
  if (!tooFew.includes(true)) return;
  // one Bar per course, shared by every ASN it bars
  const bars = courses.map((course, c): Bar | null =>
    tooFew[c]
      ? {
          batas: 'peserta-minimum',
          alasan: `Pelatihan ${course.catalog.kode} hanya dapat diikuti ${takers[c]} ASN, kurang dari Peserta Minimum ${course.minimum}.`,
        }
      : null,
  );
  barCourses(asnModels, bars);
}

/** Courses no room can host: the required `Jenis Ruang` is missing, or the rooms are below the minimum. */
export function roomWarnings(courses: readonly CourseModel[], withRooms: boolean): CellError[] {
  const out: CellError[] = [];
  for (const course of courses) {
    const { catalog } = course;
    if (withRooms && course.classroom && course.roomsAllowed.length === 0) {
      out.push({
        sheet: 'Katalog Pelatihan',
        row: catalog.row,
        column: 'Jenis Ruang',
        value: catalog.jenisRuang ?? '',
        message: `Tidak ada ruang berjenis ${catalog.jenisRuang ?? ''} di lembar Ruang; pelatihan ${catalog.kode} tidak dijadwalkan.`,
      });
    } else if (course.seats >= 1 && course.seats < course.minimum) {
      out.push({
        sheet: 'Katalog Pelatihan',
        row: catalog.row,
        column: 'Peserta Minimum',
        value: course.minimum,
        message: `Pelatihan ${catalog.kode}: ruang terbesar yang boleh dipakai hanya ${course.seats} kursi, kurang dari Peserta Minimum ${course.minimum}; tidak dijadwalkan.`,
      });
    }
  }
  return out;
}
