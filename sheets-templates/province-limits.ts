/**
 * The province's catalogue and budgets as a provincial BKPSDM meets them, so the province bench
 * is a plan where rooms, trainers, class minimums, session costs and Pagu all decide something
 * (ProgramOptions.provinceLimits; the Sawahlunto sample does not use it). Without it every
 * competency had a free Daring course: the plan sent nearly everyone online, 15 of 1.156 sessions
 * took a room and no OPD came near its Pagu.
 *
 * - Classical-only competencies: the ones the sample teaches only face to face (team work,
 *   communication, change management and the technical fields of finance, health, policy,
 *   audit, archives, public order and infrastructure) get no Daring course either in the
 *   province: their Daring variants become face-to-face classical courses (a room, a trainer,
 *   `Peserta Minimum`, `Biaya per Angkatan` by session-costs.ts).
 * - Daring costs money: a free Daring course gets a `Biaya per Peserta` of Rp25.000 per JP
 *   (platform licence, certificate and online resource persons), rounded to Rp50.000.
 * - Tight Pagu: every third OPD (by `Anggaran` row) gets a share of its Pagu, as a regency whose
 *   budget was cut, so the plan must choose for those OPDs.
 *
 * Applied to the generated sheets after realism.ts and before the trainers and session costs
 * (both read Moda and Bentuk), without the random streams, so every other figure stays as it was.
 */
import { type Cell, normalizeHeader, type RawWorkbook, SHEET } from '@bangkom/core';

/** Competencies with no Daring course in the province (none in the sample either). */
export const CLASSICAL_ONLY: ReadonlySet<string> = new Set([
  'M.02',
  'M.03',
  'M.07',
  'T.01',
  'T.03',
  'T.06',
  'T.08',
  'T.10',
  'T.11',
  'T.12',
]);

/** Daring fee per JP (rupiah). */
const DARING_PER_JP = 25_000;
/** Face-to-face fee per JP of a converted course (rupiah), like the catalogue's classical variants. */
const CLASSICAL_PER_JP = 85_000;
/** Classical forms and seats a converted course takes, in turn. */
const FORMS = ['KL03', 'KL04', 'KL10'] as const;
const SEATS = [25, 30, 35, 40] as const;
/** Share of the Pagu left to every third OPD. */
export const TIGHT_PAGU_SHARE = 0.4;

const round = (x: number, step: number) => Math.round(x / step) * step;

/** Rewrites `Katalog Pelatihan` and `Anggaran` in place (see the file comment). */
export function applyProvinceLimits(raw: RawWorkbook): void {
  const katalog = raw[SHEET.katalog];
  const header: Cell[] | undefined = katalog?.[0];
  if (katalog && header) {
    const at = (h: string) => header.findIndex((x) => normalizeHeader(x) === normalizeHeader(h));
    const [kompAt, jpAt, kapAt, biayaAt, bentukAt, modaAt, penAt] = [
      'Kompetensi',
      'JP',
      'Kapasitas',
      'Biaya per Peserta',
      'Bentuk',
      'Moda',
      'Penyelenggara',
    ].map(at) as [number, number, number, number, number, number, number];
    let converted = 0;
    for (const row of katalog.slice(1)) {
      if (String(row[modaAt] ?? '') !== 'Daring') continue;
      const jp = Number(row[jpAt] ?? 0);
      const kompetensi = String(row[kompAt] ?? '')
        .split(',')
        .map((k) => k.trim());
      if (kompetensi.length > 0 && kompetensi.every((k) => CLASSICAL_ONLY.has(k))) {
        row[modaAt] = 'Tatap Muka';
        row[bentukAt] = FORMS[converted % FORMS.length] as string;
        row[kapAt] = SEATS[converted % SEATS.length] as number;
        row[biayaAt] = round(jp * CLASSICAL_PER_JP, 50_000);
        row[penAt] = 'BPSDM Provinsi Sumatera Barat';
        converted++;
      } else if (Number(row[biayaAt] ?? 0) === 0) {
        row[biayaAt] = Math.max(50_000, round(jp * DARING_PER_JP, 50_000));
      }
    }
  }
  const anggaran = raw[SHEET.anggaran];
  const paguAt = anggaran?.[0]?.indexOf('Pagu') ?? -1;
  if (anggaran && paguAt >= 0) {
    for (let i = 1; i < anggaran.length; i += 3) {
      const row = anggaran[i] as Cell[];
      row[paguAt] = Math.max(25_000_000, round(Number(row[paguAt]) * TIGHT_PAGU_SHARE, 5_000_000));
    }
  }
}

/**
 * Rewrites `Pengajar.Kode Pelatihan` (in place, after trainers.ts) so trainers teach a field: each
 * teaches every face-to-face classical course of one competency (a course counts under its first),
 * as a province's widyaiswara do, and each field gets trainers in proportion to its courses. Names,
 * leave and `Maks Sesi per Bulan` stay as trainers.ts wrote them.
 */
export function applyFieldTrainers(raw: RawWorkbook): void {
  const katalog = raw[SHEET.katalog];
  const pengajar = raw[SHEET.pengajar];
  const header: Cell[] | undefined = katalog?.[0];
  if (!katalog || !header || !pengajar || pengajar.length < 2) return;
  const at = (h: string) => header.findIndex((x) => normalizeHeader(x) === normalizeHeader(h));
  const [kodeAt, kompAt, modaAt, bentukAt] = ['Kode', 'Kompetensi', 'Moda', 'Bentuk'].map(at) as [
    number,
    number,
    number,
    number,
  ];
  const fields = new Map<string, string[]>();
  for (const row of katalog.slice(1)) {
    // face-to-face classical courses (types.ts takesRoom), as trainers.ts picks them
    if (String(row[modaAt] ?? '') === 'Daring' || String(row[bentukAt] ?? '').startsWith('NKL')) continue;
    const field =
      String(row[kompAt] ?? '')
        .split(',')[0]
        ?.trim() ?? '';
    fields.set(field, [...(fields.get(field) ?? []), String(row[kodeAt])]);
  }
  const count = pengajar.length - 1;
  const kodeCol = pengajar[0]?.indexOf('Kode Pelatihan') ?? -1;
  if (kodeCol < 0 || fields.size === 0) return;
  // trainers per field: in proportion to its courses (rounded down), at least two (fewer only when
  // there are fewer than two per field); what is left over or short goes one by one to or from the
  // fields with the most courses first
  const list = [...fields.values()];
  const total = list.reduce((a, c) => a + c.length, 0);
  const floor = Math.min(2, Math.floor(count / list.length));
  const quota = list.map((c) => Math.max(floor, Math.floor((count * c.length) / total)));
  const byShare = list
    .map((_, f) => f)
    .sort((a, b) => (list[b]?.length ?? 0) - (list[a]?.length ?? 0) || a - b);
  for (let k = 0, sum = quota.reduce((a, q) => a + q, 0); sum !== count; k++) {
    const f = byShare[k % byShare.length] as number;
    if (sum < count) {
      quota[f] = (quota[f] ?? 0) + 1;
      sum++;
    } else if ((quota[f] ?? 0) > floor) {
      quota[f] = (quota[f] ?? 0) - 1;
      sum--;
    }
  }
  let i = 1;
  list.forEach((codes, f) => {
    for (let q = 0; q < (quota[f] ?? 0); q++) (pengajar[i++] as Cell[])[kodeCol] = codes.join(', ');
  });
}
