/** Penilaian: Google Forms responses (Diri, Atasan, Asesmen) in time order. */
import type { JenisJabatan, RawSheet } from '@bangkom/core';
import { DAY, formsTimestamp, pad, utc, weekdayBetween } from './calendar.js';
import type { Emp } from './people.js';
import type { Rng } from './prng.js';
import { DICTIONARY, type Std } from './standards.js';
import { formsCompetencyHeader } from './xlsx.js';

export function assessments(rng: Rng, emps: readonly Emp[], stdByJabatan: Map<string, Std[]>): RawSheet {
  const header = [
    'Stempel waktu',
    'ID Respons',
    'NIP',
    'Sumber',
    'NIP Penilai',
    ...DICTIONARY.map((d) => formsCompetencyHeader(d.kode, d.nama)),
  ];
  const rows: { key: number; idPrefix: string; cells: (string | number | null)[] }[] = [];
  const asesmenShare: Record<JenisJabatan, number> = {
    'JPT Pratama': 1,
    Administrator: 0.85,
    Pengawas: 0.5,
    Fungsional: 0.12,
    Pelaksana: 0.04,
  };
  const clamp = (v: number) => Math.min(5, Math.max(1, v));
  const ratingsRow = (truth: Map<string, number>, bias: () => number, missing: number) =>
    DICTIONARY.map((d) => {
      const t = truth.get(d.kode);
      if (t === undefined || rng.chance(missing)) return null;
      return clamp(t + bias());
    });
  for (const e of emps) {
    const stds = stdByJabatan.get(e.jabatan) ?? [];
    const truth = new Map<string, number>();
    for (const s of stds) {
      const gap = rng.weighted<number>([
        [-1, 0.08],
        [0, 0.37],
        [1, 0.38],
        [2, 0.17],
      ]);
      truth.set(s.kode, clamp(s.level - gap));
    }
    const selfBias = () =>
      rng.weighted<number>([
        [0, 0.4],
        [1, 0.5],
        [2, 0.1],
      ]);
    if (rng.chance(0.85)) {
      const day = weekdayBetween(rng, utc(2026, 2, 2), utc(2026, 3, 13));
      if (rng.chance(0.02)) {
        // an earlier response the employee later replaced (the later Waktu wins)
        const earlier = formsTimestamp(rng, new Date(day.getTime() - rng.int(1, 10) * DAY));
        rows.push({
          key: earlier.sortKey,
          idPrefix: 'FR',
          cells: [earlier.text, e.nip, 'Diri', null, ...ratingsRow(truth, selfBias, 0.1)],
        });
      }
      const ts = formsTimestamp(rng, day);
      rows.push({
        key: ts.sortKey,
        idPrefix: 'FR',
        cells: [ts.text, e.nip, 'Diri', null, ...ratingsRow(truth, selfBias, 0.04)],
      });
    }
    if (e.atasan && rng.chance(0.7)) {
      const ts = formsTimestamp(rng, weekdayBetween(rng, utc(2026, 3, 2), utc(2026, 4, 17)));
      const bias = () =>
        rng.weighted<number>([
          [-1, 0.15],
          [0, 0.6],
          [1, 0.25],
        ]);
      rows.push({
        key: ts.sortKey,
        idPrefix: 'FR',
        cells: [ts.text, e.nip, 'Atasan', e.atasan.nip, ...ratingsRow(truth, bias, 0.06)],
      });
    }
    if (rng.chance(asesmenShare[e.jenisJabatan])) {
      const ts = formsTimestamp(rng, weekdayBetween(rng, utc(2025, 9, 1), utc(2026, 6, 30)));
      const bias = () =>
        rng.weighted<number>([
          [-1, 0.25],
          [0, 0.65],
          [1, 0.1],
        ]);
      rows.push({
        key: ts.sortKey,
        idPrefix: 'AS',
        cells: [ts.text, e.nip, 'Asesmen', null, ...ratingsRow(truth, bias, 0.01)],
      });
    }
  }
  // Forms appends in time order; a stable sort keeps ties in generation order
  const order = rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.key - b.r.key || a.i - b.i);
  const counters: Record<string, number> = {};
  const sheet: RawSheet = [header];
  for (const { r } of order) {
    const n = (counters[r.idPrefix] ?? 0) + 1;
    counters[r.idPrefix] = n;
    const [ts, ...rest] = r.cells;
    sheet.push([ts ?? null, `${r.idPrefix}-${pad(n, 6)}`, ...rest]);
  }
  return sheet;
}
