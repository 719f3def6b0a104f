/** SKM answers and the three evaluation sheets (Reaksi, Tes, Perilaku) of past sessions. */
import { type RawSheet, SHEET } from '@bangkom/core';
import type { Session } from './history.js';
import type { Rng } from './prng.js';
import type { InvalidCell } from './program-types.js';
import { SKM_UNITS } from './sawahlunto-data.js';

/** PermenPAN-RB 14/2017: nine elements U1..U9, answers 1–4. */
const ELEMENT_OFFSET = [0, -0.05, -0.15, 0.3, 0, 0.05, 0.1, -0.2, -0.1];

export function skmSheet(rng: Rng, scale: number, withInvalid: boolean, invalid: InvalidCell[]): RawSheet {
  const sheet: RawSheet = [['Unit Layanan', 'OPD', 'Periode', ...ELEMENT_OFFSET.map((_, i) => `U${i + 1}`)]];
  const periods: readonly [string, number][] = [
    ['2025-S2', 0],
    ['2026-S1', 0.06],
  ];
  let badAnswer = withInvalid;
  for (const [periode, drift] of periods) {
    for (const u of SKM_UNITS) {
      const n = Math.max(1, Math.round(rng.int(100, 400) * scale));
      for (let i = 0; i < n; i++) {
        const respondent = rng.normal(0, 0.25);
        const answers = ELEMENT_OFFSET.map((off) => {
          if (rng.chance(0.02)) return null;
          return Math.min(4, Math.max(1, Math.round(rng.normal(u.quality + drift + off + respondent, 0.55))));
        });
        sheet.push([u.unit, u.opd, periode, ...answers]);
        if (badAnswer && i === 57) {
          badAnswer = false;
          sheet.push([u.unit, u.opd, periode, 4, 3, 5, 4, 3, 3, 4, 3, 3]);
          invalid.push({ sheet: SHEET.skm, row: sheet.length, column: 'U3', reason: 'nilai 5 di luar 1–4' });
        }
      }
    }
  }
  return sheet;
}

export function evaluationSheets(
  rng: Rng,
  sessions: readonly Session[],
  withInvalid: boolean,
  invalid: InvalidCell[],
): { reaksi: RawSheet; tes: RawSheet; perilaku: RawSheet } {
  const reaksi: RawSheet = [['ID Sesi', 'NIP', ...Array.from({ length: 10 }, (_, i) => `R${i + 1}`)]];
  const tes: RawSheet = [['ID Sesi', 'NIP', 'Pre', 'Post', 'Skor Maks']];
  const perilaku: RawSheet = [['ID Sesi', 'NIP', 'Kode Kompetensi', 'Sebelum', 'Sesudah']];
  let badTest = withInvalid;
  let badBehaviour = withInvalid;
  sessions.forEach((s, si) => {
    s.participants.forEach((p, pi) => {
      if (rng.chance(0.92)) {
        const answers = Array.from({ length: 10 }, () =>
          rng.chance(0.03) ? null : Math.min(4, Math.max(1, Math.round(rng.normal(s.quality, 0.5)))),
        );
        reaksi.push([s.id, p.nip, ...answers]);
      }
      if (rng.chance(0.95)) {
        const pre = Math.min(s.maks, Math.max(0, Math.round(rng.normal(0.55 * s.maks, 0.12 * s.maks))));
        const g = Math.min(1, Math.max(-0.1, rng.normal(s.gain, 0.12)));
        const post = Math.min(s.maks, Math.max(0, Math.round(pre + g * (s.maks - pre))));
        if (badTest && s.maks === 100 && si >= 2 && pi >= 3) {
          badTest = false;
          tes.push([s.id, p.nip, pre, 120, s.maks]);
          invalid.push({
            sheet: SHEET.tes,
            row: tes.length,
            column: 'Post',
            reason: 'nilai 120 melebihi Skor Maks 100',
          });
        } else tes.push([s.id, p.nip, pre, post, s.maks]);
      }
      if (rng.chance(0.65)) {
        for (const kode of s.course.kompetensi.slice(0, 2)) {
          const sebelum = rng.int(2, 3);
          const sesudah = Math.min(
            5,
            sebelum +
              rng.weighted<number>([
                [0, 0.35],
                [1, 0.55],
                [2, 0.1],
              ]),
          );
          if (badBehaviour && si >= 6) {
            badBehaviour = false;
            perilaku.push([s.id, p.nip, kode, sebelum, 7]);
            invalid.push({
              sheet: SHEET.perilaku,
              row: perilaku.length,
              column: 'Sesudah',
              reason: 'level 7 di luar 1–5',
            });
          } else perilaku.push([s.id, p.nip, kode, sebelum, sesudah]);
        }
      }
    });
  });
  return { reaksi, tes, perilaku };
}
