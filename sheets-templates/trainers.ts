/**
 * The sample's `Pengajar` sheet (trainers: widyaiswara and resource persons) and its
 * `Maks Pegawai OPD Bersamaan` setting. Built from the generated `Katalog Pelatihan` after the
 * base sheets, without the random streams, so every other generated figure stays as it was.
 *
 * Every face-to-face classical course (the ones that take a room) is taught by at least two
 * trainers; each trainer teaches three courses (more when there are few trainers for many
 * courses), takes at most 3-5 sessions a month and is away for a week of leave and a single day
 * in the plan year. The count defaults to two thirds of those courses (the sample: 24); the
 * province bench asks for 150.
 */
import { type Cell, normalizeHeader, type RawWorkbook, SHEET } from '@bangkom/core';

const FIRST = [
  'Ahmad',
  'Siti',
  'Budi',
  'Dewi',
  'Hendra',
  'Rina',
  'Yusuf',
  'Fitri',
  'Rahmat',
  'Yulia',
  'Irwan',
  'Nurhayati',
  'Zulkifli',
  'Desi',
  'Arif',
  'Mega',
  'Syafril',
  'Lestari',
  'Eko',
  'Novita',
];
const LAST = [
  'Syahputra',
  'Rahmawati',
  'Hidayat',
  'Kurniasih',
  'Saputra',
  'Handayani',
  'Chaniago',
  'Piliang',
  'Koto',
  'Tanjung',
  'Sikumbang',
  'Caniago',
];
const TITLES = ['S.Sos., M.Si.', 'S.E., M.M.', 'S.Pd., M.Pd.', 'S.H., M.H.', 'S.Kom., M.T.', 'Dr.'];

/** A unique, plausible name for trainer i (no real person is described). */
function trainerName(i: number): string {
  const first = FIRST[i % FIRST.length] as string;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
  const title = TITLES[i % TITLES.length] as string;
  return title === 'Dr.' ? `Dr. ${first} ${last}` : `${first} ${last}, ${title}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Appends `Pengajar` (`trainers` rows, see the file comment) and the `Maks Pegawai OPD Bersamaan` setting (in place). */
export function applyTrainers(raw: RawWorkbook, tahun: number, trainers?: number): void {
  const katalog = raw[SHEET.katalog];
  const header: Cell[] | undefined = katalog?.[0];
  if (!katalog || !header) return;
  const at = (h: string) => header.findIndex((x) => normalizeHeader(x) === normalizeHeader(h));
  const kodeAt = at('Kode');
  const modaAt = at('Moda');
  const bentukAt = at('Bentuk');
  // face-to-face classical courses (types.ts takesRoom): not Daring, not a non-classical form
  const classical = katalog
    .slice(1)
    .filter((row) => String(row[modaAt] ?? '') !== 'Daring' && !String(row[bentukAt] ?? '').startsWith('NKL'))
    .map((row) => String(row[kodeAt]));
  const n = classical.length;
  if (n === 0) return;
  const count = Math.max(2, trainers ?? Math.ceil((2 * n) / 3));
  // courses per trainer: at least three, and enough that count × each ≥ 2n
  const each = Math.max(3, Math.ceil((2 * n) / count));
  const rows: Cell[][] = [['Nama', 'Kode Pelatihan', 'Tidak Tersedia', 'Maks Sesi per Bulan']];
  for (let i = 0; i < count; i++) {
    // courses i, i + count, i + 2·count, … (mod n): over all trainers the i + j·count run through
    // every integer below count × each ≥ 2n, so every course is picked at least twice
    const picks = Array.from({ length: each }, (_, j) => classical[(i + j * count) % n] as string);
    const kode = [...new Set(picks)];
    const month = (i % 12) + 1;
    const leave = [1, 2, 3, 4, 5].map((d) => `${tahun}-${pad2(month)}-${pad2(d + ((i * 3) % 20))}`);
    const single = `${tahun}-${pad2(((i + 6) % 12) + 1)}-${pad2(10 + (i % 15))}`;
    // the week of leave as a range, as staff write it (`Tidak Tersedia` reads every day of it)
    const away = `${leave[0]} s.d. ${leave[leave.length - 1]}, ${single}`;
    rows.push([trainerName(i), kode.join(', '), away, 3 + (i % 3)]);
  }
  raw[SHEET.pengajar] = rows;
  raw[SHEET.pengaturan]?.push(['Maks Pegawai OPD Bersamaan', '25%']);
}
