import type { Course, Employee, TrainingRecord } from '@bangkom/core';
import { audienceOf } from '../../core/src/schedule/audience';
import { nipOf, rng } from './schedule-fixtures';

/**
 * audience.ts makes the `Sasaran` verdict once per (course, Jenis ASN, Jenis Jabatan) and shares
 * it; only `Syarat` looks at the NIP. Checked against the rules read per NIP, over random
 * employees (some without Jenis Jabatan, one NIP listed twice, one not listed at all), courses and
 * histories.
 */
const JENIS_ASN = ['PNS', 'PPPK'] as const;
const JABATAN = ['JPT Pratama', 'Administrator', 'Pengawas', 'Pelaksana', 'Fungsional', undefined] as const;
const GROUPS = ['JPT', 'Administrator', 'Pengawas', 'Pelaksana', 'Fungsional'] as const;

function course(kode: string, over: Partial<Course>): Course {
  return {
    row: 2,
    kode,
    judul: `Pelatihan ${kode}`,
    kompetensi: ['M.01'],
    jp: 20,
    kapasitas: 30,
    biaya: 0,
    hari: 1,
    ...over,
  };
}

/** The rules, read for one NIP as the catalogue's columns say (types.ts). */
function reference(c: Course, e: Employee | undefined, done: (kode: string) => boolean): string | null {
  if (c.sasaranJenisAsn !== undefined && e?.jenisAsn !== c.sasaranJenisAsn)
    return `sasaran|Pelatihan ${c.kode} hanya untuk ${c.sasaranJenisAsn} (Sasaran Jenis ASN).`;
  const groups = c.sasaranJenisJabatan ?? [];
  const group = e?.jenisJabatan === 'JPT Pratama' ? 'JPT' : e?.jenisJabatan;
  if (groups.length > 0 && (group === undefined || !groups.includes(group)))
    return `sasaran|Pelatihan ${c.kode} hanya untuk jabatan ${groups.join(', ')} (Sasaran Jenis Jabatan)${e?.jenisJabatan === undefined ? '; Jenis Jabatan ASN ini kosong' : ''}.`;
  if (c.syarat !== undefined && !done(c.syarat))
    return `syarat|Pelatihan ${c.kode} mensyaratkan ${c.syarat} yang belum tercatat di Riwayat Pelatihan ASN ini.`;
  return null;
}

describe('course audiences', () => {
  it('gives every NIP the verdict its own row would, sharing the Sasaran part', () => {
    const random = rng(20_261_207);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const employees: Employee[] = Array.from({ length: 60 }, (_, i) => {
      const jenisJabatan = pick(JABATAN);
      return {
        row: i + 2,
        nip: nipOf(i),
        nama: `Pegawai ${i}`,
        jenisAsn: pick(JENIS_ASN),
        opd: 'Dinas A',
        jabatan: 'Analis',
        ...(jenisJabatan ? { jenisJabatan } : {}),
      };
    });
    // a NIP listed twice: its first row counts
    employees.push({ ...(employees[3] as Employee), row: 99, jenisAsn: 'PPPK', jenisJabatan: 'Fungsional' });
    const courses: Course[] = Array.from({ length: 12 }, (_, i) => {
      const groups = random() < 0.5 ? GROUPS.filter(() => random() < 0.5) : [];
      const asn = random() < 0.4 ? pick(JENIS_ASN) : undefined;
      return course(`K${i}`, {
        ...(asn ? { sasaranJenisAsn: asn } : {}),
        ...(groups.length > 0 ? { sasaranJenisJabatan: groups } : {}),
        ...(i % 4 === 1 ? { syarat: `K${i - 1}` } : {}),
      });
    });
    // Riwayat rows named after the prerequisite's Kode or its Judul
    const trainings: TrainingRecord[] = employees
      .filter(() => random() < 0.5)
      .map((e, k) => ({
        row: k + 2,
        nip: e.nip,
        namaPelatihan: k % 2 === 0 ? 'K0' : 'Pelatihan K4',
        mulai: '2025-03-01',
        selesai: '2025-03-01',
        jp: 10,
      }));
    const audience = audienceOf({ employees, courses, trainings });
    const first = new Map<string, Employee>();
    for (const e of employees) if (!first.has(e.nip)) first.set(e.nip, e);
    const nips = [...first.keys(), nipOf(500)];
    let barred = 0;
    for (const c of courses)
      for (const nip of nips) {
        const done = (kode: string) =>
          trainings.some(
            (t) => t.nip === nip && (t.namaPelatihan === kode || t.namaPelatihan === `Pelatihan ${kode}`),
          );
        const bar = audience.bar(c, nip);
        expect(bar === null ? null : `${bar.batas}|${bar.alasan}`).toBe(reference(c, first.get(nip), done));
        if (bar) barred++;
        // the two-step form agrees with bar
        const key = audience.keyOf(nip);
        expect(audience.sasaran(c, key) ?? audience.syarat(c, nip)).toBe(bar);
      }
    expect(barred).toBeGreaterThan(100);
    expect(barred).toBeLessThan(courses.length * nips.length - 100);
    // NIPs of one Jenis ASN and Jenis Jabatan share the Sasaran verdict object
    const a = employees[0] as Employee;
    const twin = employees.find(
      (e, i) => i > 0 && i !== 60 && e.jenisAsn === a.jenisAsn && e.jenisJabatan === a.jenisJabatan,
    );
    expect(twin).toBeDefined();
    expect(audience.keyOf((twin as Employee).nip)).toBe(audience.keyOf(a.nip));
    for (const c of courses)
      expect(audience.sasaran(c, audience.keyOf(a.nip))).toBe(
        audience.sasaran(c, audience.keyOf((twin as Employee).nip)),
      );
  });
});
