/**
 * Extra training rooms for larger generated workbooks (the province bench asks for 20). The
 * sample keeps its five Sawahlunto rooms (sawahlunto-data.ts `ROOMS`); rooms beyond them are a
 * training centre's classrooms, halls and computer labs, named and sized deterministically, with
 * their `Jenis` filled in. Applied after realism.ts has added the `Jenis` column, without the
 * random streams, so every other generated figure stays as it was.
 */
import { type Cell, type RawWorkbook, SHEET } from '@bangkom/core';

/** The repeating pattern of extra rooms: kind, name stem and seats. */
const PATTERN: readonly { jenis: string; nama: string; kapasitas: number }[] = [
  { jenis: 'Kelas', nama: 'Ruang Kelas Gedung Diklat', kapasitas: 30 },
  { jenis: 'Kelas', nama: 'Ruang Kelas Gedung Diklat', kapasitas: 40 },
  { jenis: 'Aula', nama: 'Aula Gedung Diklat', kapasitas: 80 },
  { jenis: 'Kelas', nama: 'Ruang Kelas Gedung Diklat', kapasitas: 35 },
  { jenis: 'Lab Komputer', nama: 'Laboratorium Komputer Gedung Diklat', kapasitas: 25 },
];

/** Appends rooms to `Ruang` (in place) until it lists `total` rooms; fewer than today: no change. */
export function applyExtraRooms(raw: RawWorkbook, total: number | undefined): void {
  const ruang = raw[SHEET.ruang];
  const header: Cell[] | undefined = ruang?.[0];
  if (!ruang || !header || total === undefined) return;
  const namaAt = header.indexOf('Nama');
  const kapasitasAt = header.indexOf('Kapasitas');
  const jenisAt = header.indexOf('Jenis');
  const counts = new Map<string, number>();
  for (let i = 0; ruang.length - 1 < total; i++) {
    const kind = PATTERN[i % PATTERN.length] as (typeof PATTERN)[number];
    const n = (counts.get(kind.nama) ?? 0) + 1;
    counts.set(kind.nama, n);
    const row: Cell[] = new Array<Cell>(header.length).fill(null);
    row[namaAt] = `${kind.nama} ${n}`;
    row[kapasitasAt] = kind.kapasitas;
    if (jenisAt >= 0) row[jenisAt] = kind.jenis;
    ruang.push(row);
  }
}
