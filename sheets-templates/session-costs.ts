/**
 * The sample's `Biaya per Angkatan`: what running one session of a face-to-face classical course
 * costs whatever its size (trainers' fees per JP, the venue and the organising committee per day),
 * beside the per-participant cost already in `Biaya per Peserta` (meals, modules, certificates).
 * Built from the generated `Katalog Pelatihan` after the base sheets, without the random streams,
 * so every other generated figure stays as it was.
 *
 * Figures are in the range of a regency's standard costs (Standar Biaya Masukan): a trainer's fee
 * of Rp300.000 per JP (widyaiswara and local resource persons) and Rp1.250.000 a day for the
 * venue and committee, rounded to Rp500.000. Daring courses and non-classical forms (magang,
 * coaching, benchmarking: held at the host, paid per person) have none.
 */
import { type Cell, normalizeHeader, type RawWorkbook, SHEET } from '@bangkom/core';

/** Trainer fee per JP (rupiah). */
const FEE_PER_JP = 300_000;
/** Venue and committee per day (rupiah). */
const VENUE_PER_DAY = 1_250_000;

/** Appends `Biaya per Angkatan` to `Katalog Pelatihan` (in place). */
export function applySessionCosts(raw: RawWorkbook): void {
  const katalog = raw[SHEET.katalog];
  const header: Cell[] | undefined = katalog?.[0];
  if (!katalog || !header) return;
  const at = (h: string) => header.findIndex((x) => normalizeHeader(x) === normalizeHeader(h));
  const modaAt = at('Moda');
  const bentukAt = at('Bentuk');
  const jpAt = at('JP');
  const hariAt = at('Hari');
  katalog[0] = [...header, 'Biaya per Angkatan'];
  for (let i = 1; i < katalog.length; i++) {
    const row: Cell[] = katalog[i] ?? [];
    // face-to-face classical courses (types.ts takesRoom): not Daring, not a non-classical form
    const classical =
      String(row[modaAt] ?? '') !== 'Daring' && !String(row[bentukAt] ?? '').startsWith('NKL');
    const jp = Number(row[jpAt] ?? 0);
    const hari = Math.max(1, Number(row[hariAt] ?? 1));
    const fixed = classical ? Math.round((jp * FEE_PER_JP + hari * VENUE_PER_DAY) / 500_000) * 500_000 : '';
    // pad short rows so the new cell sits under its header
    katalog[i] = [...row, ...Array<Cell>(Math.max(0, header.length - row.length)).fill(''), fixed];
  }
}
