/**
 * Training evaluation per session (Kirkpatrick levels 1–3; docs/rumus.md):
 * - reaksi (L1): mean of every answered Rᵢ (1–4) × 25, so 25–100; null when nobody answered;
 * - N-gain (L2, Hake 1998): per participant g = (Post − Pre)/(Maks − Pre), undefined (null)
 *   when Pre = Maks; per session ⟨g⟩ = (mean Post − mean Pre)/(mean Maks − mean Pre) over every
 *   test row of the session, null when mean Maks = mean Pre; Tinggi ≥ 0.7, Sedang ≥ 0.3, else Rendah;
 * - perilaku (L3): mean (Sesudah − Sebelum) of the supervisor's ratings; null when none.
 *
 * The session means share the divisor n, so ⟨g⟩ is computed as (ΣPost − ΣPre)/(ΣMaks − ΣPre):
 * the same number, but with integer scores it is a single correctly rounded division, so a
 * ⟨g⟩ that is exactly 0.7 compares as 0.7 (no 0.69999999 falling into Sedang).
 *
 * Sessions are the union of the ids in the three sheets, in Indonesian collation with numbers
 * compared as numbers; nGainPeserta is ordered by NIP (then sheet row).
 */
import { compareNames, compareNip } from './gaps.js';
import type { EvaluationReport, KategoriNGain, SessionEvaluation } from './reports.js';
import type { ProgramData, TestResult } from './types.js';

/** Hake (1998): high-g ≥ 0.7, medium-g ≥ 0.3, low-g below. */
export function kategoriNGain(g: number | null): KategoriNGain | null {
  if (g === null) return null;
  if (g >= 0.7) return 'Tinggi';
  if (g >= 0.3) return 'Sedang';
  return 'Rendah';
}

/** Hake's normalised gain of one participant; null when the pre-test is already at the maximum. */
export function nGain(pre: number, post: number, maks: number): number | null {
  return maks === pre ? null : (post - pre) / (maks - pre);
}

interface SessionAcc {
  reactionSum: number;
  reactionCount: number;
  tests: TestResult[];
  behaviourSum: number;
  behaviourCount: number;
  nips: Set<string>;
}

/**
 * The ASN of each session who left an evaluation record (a reaction, a test or a follow-up
 * rating), by session id, in the order the records come: reactions, tests, follow-ups.
 */
export function evaluatedParticipants(data: ProgramData): Map<string, Set<string>> {
  const bySession = new Map<string, Set<string>>();
  const add = (sesi: string, nip: string) => {
    const set = bySession.get(sesi) ?? new Set<string>();
    set.add(nip);
    bySession.set(sesi, set);
  };
  for (const r of data.reactions) add(r.sesi, r.nip);
  for (const t of data.tests) add(t.sesi, t.nip);
  for (const b of data.behaviours) add(b.sesi, b.nip);
  return bySession;
}

/**
 * `completers`: for each session with attendance, who completed it (attendance.ts); answers of
 * anyone else in such a session are left out. Sessions absent from the map are taken whole.
 */
export function evaluate(
  data: ProgramData,
  completers?: ReadonlyMap<string, ReadonlySet<string>>,
): EvaluationReport {
  const counts = (sesi: string, nip: string) => completers?.get(sesi)?.has(nip) ?? true;
  const sessions = new Map<string, SessionAcc>();
  const session = (id: string): SessionAcc => {
    let s = sessions.get(id);
    if (!s) {
      s = {
        reactionSum: 0,
        reactionCount: 0,
        tests: [],
        behaviourSum: 0,
        behaviourCount: 0,
        nips: new Set(),
      };
      sessions.set(id, s);
    }
    return s;
  };

  for (const r of data.reactions) {
    if (!counts(r.sesi, r.nip)) continue;
    const s = session(r.sesi);
    s.nips.add(r.nip);
    for (const a of r.answers) {
      if (a === null || a === undefined) continue;
      s.reactionSum += a;
      s.reactionCount++;
    }
  }
  for (const t of data.tests) {
    if (!counts(t.sesi, t.nip)) continue;
    const s = session(t.sesi);
    s.nips.add(t.nip);
    s.tests.push(t);
  }
  for (const b of data.behaviours) {
    if (!counts(b.sesi, b.nip)) continue;
    const s = session(b.sesi);
    s.nips.add(b.nip);
    s.behaviourSum += b.sesudah - b.sebelum;
    s.behaviourCount++;
  }

  const result: SessionEvaluation[] = [];
  for (const id of [...sessions.keys()].sort(compareNames)) {
    const s = sessions.get(id) as SessionAcc;
    let pre = 0;
    let post = 0;
    let maks = 0;
    for (const t of s.tests) {
      pre += t.pre;
      post += t.post;
      maks += t.maks;
    }
    const g = s.tests.length > 0 ? nGain(pre, post, maks) : null;
    const nGainPeserta = [...s.tests]
      .sort((a, b) => compareNip(a.nip, b.nip) || a.row - b.row)
      .map((t) => {
        const gi = nGain(t.pre, t.post, t.maks);
        return { nip: t.nip, g: gi, kategori: kategoriNGain(gi) };
      });
    result.push({
      sesi: id,
      reaksi: s.reactionCount > 0 ? (s.reactionSum * 25) / s.reactionCount : null,
      nGain: g,
      kategoriNGain: kategoriNGain(g),
      perilaku: s.behaviourCount > 0 ? s.behaviourSum / s.behaviourCount : null,
      peserta: s.nips.size,
      nGainPeserta,
    });
  }
  return { sessions: result };
}
