/** Katalog Pelatihan of the sample: the base courses plus derived variants at any size. */
import type { Rng } from './prng.js';
import { COURSES, type CourseDef } from './sawahlunto-data.js';
import { DICTIONARY } from './standards.js';

export function catalogue(rng: Rng, count: number): CourseDef[] {
  const out = COURSES.slice(0, count);
  const codes = DICTIONARY.map((d) => d as { kode: string; nama: string });
  const levels = ['Tingkat Dasar', 'Tingkat Lanjut', 'Tingkat Mahir'];
  const providers = [
    'BPSDM Provinsi Sumatera Barat',
    'Lembaga Administrasi Negara',
    'BKPSDM Kota Sawahlunto',
    'ASN Unggul (LAN)',
  ];
  for (let i = 0; out.length < count; i++) {
    const c = codes[i % codes.length] as { kode: string; nama: string };
    const level = levels[Math.floor(i / codes.length) % levels.length] ?? 'Tingkat Dasar';
    const series = Math.floor(i / (codes.length * levels.length));
    const moda = rng.weighted<'Tatap Muka' | 'Daring' | 'Campuran'>([
      ['Tatap Muka', 5],
      ['Daring', 3],
      ['Campuran', 2],
    ]);
    const jp = rng.pick(moda === 'Daring' ? [8, 10, 12, 16] : [16, 24, 32, 40]);
    const daring = moda === 'Daring';
    out.push({
      judul: `${c.nama} ${level}${series > 0 ? ` (Seri ${series + 1})` : ''}`,
      kompetensi: [c.kode],
      jp,
      bentuk: daring ? rng.pick(['NKL03', 'NKL04', 'NKL09']) : rng.pick(['KL03', 'KL04', 'KL07', 'KL10']),
      moda,
      penyelenggara: daring ? 'ASN Unggul (LAN)' : rng.pick(providers),
      kapasitas: daring ? rng.pick([200, 500, 1000]) : rng.pick([20, 25, 30, 40]),
      biaya: daring ? 0 : Math.round((jp * rng.int(60, 110) * 1000) / 50_000) * 50_000,
      hari: Math.max(1, Math.ceil(jp / 8)),
    });
  }
  return out;
}

export const LONG_COURSES = new Set([
  'Pelatihan Kepemimpinan Pengawas',
  'Pelatihan Kepemimpinan Administrator',
  'Pelatihan Dasar CPNS',
  'Orientasi Pegawai PPPK',
]);
