import { evaluate, kategoriNGain, nGain, type SessionEvaluation } from '@bangkom/core';
import fc from 'fast-check';
import { behaviour, pnsNip, programData, reaction, testResult } from './builders';

const [a, b, c] = [pnsNip(0), pnsNip(1), pnsNip(2)];

function session(report: ReturnType<typeof evaluate>, id: string): SessionEvaluation {
  const s = report.sessions.find((x) => x.sesi === id);
  if (!s) throw new Error(`no session ${id}`);
  return s;
}

describe('evaluate', () => {
  it('works a whole session by hand', () => {
    const data = programData({
      // reactions: answered 4, 3, 2, 4 (one empty) -> mean 13/4 = 3.25 -> × 25 = 81.25
      reactions: [reaction('S-1', a, [4, 3, null]), reaction('S-1', b, [2, 4])],
      // g: a (40 -> 70) = 30/60 = 0.5; b (60 -> 90) = 30/40 = 0.75; c (100 -> 100) undefined
      // session: mean Pre 200/3, mean Post 260/3, mean Maks 100 -> (260 − 200)/(300 − 200) = 0.6 (Sedang)
      tests: [testResult('S-1', c, 100, 100), testResult('S-1', a, 40, 70), testResult('S-1', b, 60, 90)],
      // behaviour: (4 − 3) and (4 − 2) -> mean 1.5
      behaviours: [behaviour('S-1', a, 'M.05', 3, 4), behaviour('S-1', b, 'M.05', 2, 4)],
    });
    expect(evaluate(data)).toEqual({
      sessions: [
        {
          sesi: 'S-1',
          reaksi: 81.25,
          nGain: 0.6,
          kategoriNGain: 'Sedang',
          perilaku: 1.5,
          peserta: 3,
          nGainPeserta: [
            { nip: a, g: 0.5, kategori: 'Sedang' },
            { nip: b, g: 0.75, kategori: 'Tinggi' },
            { nip: c, g: null, kategori: null },
          ],
        },
      ],
    });
  });

  it('takes each participant’s own Skor Maks', () => {
    // a: (30 − 10)/(50 − 10) = 0.5; b: (80 − 20)/(100 − 20) = 0.75
    // session: ΣPost 110, ΣPre 30, ΣMaks 150 -> 80/120 = 0.666… (Sedang)
    const s = session(
      evaluate(programData({ tests: [testResult('S', a, 10, 30, 50), testResult('S', b, 20, 80)] })),
      'S',
    );
    expect(s.nGainPeserta.map((p) => p.g)).toEqual([0.5, 0.75]);
    expect(s.nGain).toBe(80 / 120);
    expect(s.kategoriNGain).toBe('Sedang');
  });

  it('puts a session ⟨g⟩ of exactly 0.7 in Tinggi (means share the divisor, no 0.6999…)', () => {
    // Pre 80, 90, 90, Post 96 each, Maks 100: (288 − 260)/(300 − 260) = 28/40 = 0.7.
    // From the means in floating point, (96 − 86.66…)/(100 − 86.66…) gives 0.6999999999999998.
    const s = session(
      evaluate(
        programData({
          tests: [testResult('S', a, 80, 96), testResult('S', b, 90, 96), testResult('S', c, 90, 96)],
        }),
      ),
      'S',
    );
    expect(s.nGain).toBe(0.7);
    expect(s.kategoriNGain).toBe('Tinggi');
  });

  it('leaves ⟨g⟩ undefined when everyone scored the maximum on the pre-test', () => {
    const s = session(
      evaluate(programData({ tests: [testResult('S', a, 100, 100), testResult('S', b, 50, 50, 50)] })),
      'S',
    );
    expect(s.nGain).toBeNull();
    expect(s.kategoriNGain).toBeNull();
  });

  it('gives a negative gain when the post-test falls (Rendah)', () => {
    const s = session(evaluate(programData({ tests: [testResult('S', a, 50, 40)] })), 'S');
    expect(s.nGain).toBe(-0.2);
    expect(s.kategoriNGain).toBe('Rendah');
  });

  it('takes the union of sessions from the three sheets, each level null when absent', () => {
    const r = evaluate(
      programData({
        reactions: [reaction('S-2', a, [4, 4])],
        tests: [testResult('S-10', b, 0, 30)],
        behaviours: [behaviour('S-1', c, 'M.01', 2, 3)],
      }),
    );
    expect(r.sessions.map((s) => s.sesi)).toEqual(['S-1', 'S-2', 'S-10']);
    expect(session(r, 'S-1')).toMatchObject({
      reaksi: null,
      nGain: null,
      kategoriNGain: null,
      perilaku: 1,
      peserta: 1,
    });
    expect(session(r, 'S-2')).toMatchObject({ reaksi: 100, nGain: null, perilaku: null, nGainPeserta: [] });
    expect(session(r, 'S-10')).toMatchObject({
      reaksi: null,
      nGain: 0.3,
      kategoriNGain: 'Sedang',
      perilaku: null,
    });
  });

  it('gives no reaction index when every Ri is empty', () => {
    const s = session(evaluate(programData({ reactions: [reaction('S', a, [null, null])] })), 'S');
    expect(s.reaksi).toBeNull();
    expect(s.peserta).toBe(1);
  });

  it('returns no sessions for empty input', () => {
    expect(evaluate(programData())).toEqual({ sessions: [] });
  });
});

describe('N-gain helpers', () => {
  it('categorises at the Hake thresholds exactly', () => {
    expect(kategoriNGain(nGain(0, 70, 100))).toBe('Tinggi'); // 70/100 = 0.7
    expect(kategoriNGain(nGain(50, 65, 100))).toBe('Sedang'); // 15/50 = 0.3
    expect(kategoriNGain(nGain(50, 64, 100))).toBe('Rendah'); // 14/50 = 0.28
    expect(kategoriNGain(null)).toBeNull();
    expect(nGain(100, 100, 100)).toBeNull();
  });

  it('keeps g ≤ 1 and reaction within 25–100 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ pre: fc.integer({ min: 0, max: 100 }), post: fc.integer({ min: 0, max: 100 }) }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), { maxLength: 6 }), {
          minLength: 1,
          maxLength: 10,
        }),
        (tests, reactions) => {
          const s = evaluate(
            programData({
              tests: tests.map((t, i) => testResult('S', pnsNip(i), t.pre, t.post)),
              reactions: reactions.map((r, i) => reaction('S', pnsNip(i), r)),
            }),
          ).sessions[0] as SessionEvaluation;
          if (s.nGain !== null) expect(s.nGain).toBeLessThanOrEqual(1);
          for (const p of s.nGainPeserta) if (p.g !== null) expect(p.g).toBeLessThanOrEqual(1);
          if (s.reaksi !== null) {
            expect(s.reaksi).toBeGreaterThanOrEqual(25);
            expect(s.reaksi).toBeLessThanOrEqual(100);
          }
          expect(s.nGainPeserta).toHaveLength(tests.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
