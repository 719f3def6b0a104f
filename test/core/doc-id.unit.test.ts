/**
 * Firestore document ids built from user data: always ids Firestore takes (at most 1,500 bytes,
 * no `/`, not `.` or `..`, not `__.*__`), and different keys never share one (`..` and `_..`).
 * An OPD may not take the name of the summary's city-wide row.
 */
import { createHash } from 'node:crypto';
import { docId, docIdProblem, LABEL_TOTAL, MAX_DOC_ID_BYTES, validateWorkbook } from '@bangkom/core';
import fc from 'fast-check';
import { sha256Hex } from '../../core/src/sha256';
import { base, only } from './sheet-rows-fixture';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('docId', () => {
  it.each([
    [['..'], ['_..']],
    [['.'], ['_.']],
    [['__x__'], ['___x__']],
    [['__x__'], ['_x__']],
    [[''], ['_']],
    [['a', 'b'], ['a~b']],
    [['a/b'], ['a%2Fb']],
    [['%2E'], ['.']],
  ])('%j and %j get different ids, both valid', (a, b) => {
    const [x, y] = [docId(...a), docId(...b)];
    expect(x).not.toBe(y);
    expect(docIdProblem(x)).toBeUndefined();
    expect(docIdProblem(y)).toBeUndefined();
  });

  it('says why Firestore would refuse an id', () => {
    expect(docIdProblem('')).toMatch(/kosong/);
    expect(docIdProblem('a/b')).toMatch(/"\/"/);
    expect(docIdProblem('..')).toMatch(/tidak boleh/);
    expect(docIdProblem('__x__')).toMatch(/dicadangkan/);
    expect(docIdProblem('é'.repeat(751))).toMatch(/lebih dari 1\.500 byte/);
    expect(docIdProblem('é'.repeat(750))).toBeUndefined();
  });

  it('keeps an over-long id readable, under the limit, and apart from its neighbours', () => {
    const long = `Pelatihan ${'😀'.repeat(400)}`;
    const a = docId('2026', long, 'A');
    const b = docId('2026', long, 'B');
    expect(a).not.toBe(b);
    for (const id of [a, b]) {
      expect(bytes(id)).toBeLessThanOrEqual(MAX_DOC_ID_BYTES);
      expect(id.startsWith('2026~Pelatihan 😀')).toBe(true);
      expect(docIdProblem(id)).toBeUndefined();
    }
    expect(
      a.endsWith(
        `%23${createHash('sha256')
          .update('2026~' + long.trim() + '~A')
          .digest('hex')}`,
      ),
    ).toBe(true);
    // a short id is left as it was
    expect(docId('2026', 'Dinas Kesehatan')).toBe('2026~Dinas Kesehatan');
  });

  /** parts built from the characters and shapes that make ids go wrong */
  const part = fc.oneof(
    fc
      .array(fc.constantFrom('.', '_', '%', '/', '~', ' ', 'a', '2', 'E', '#', '😀', 'é'), { maxLength: 8 })
      .map((a) => a.join('')),
    fc.constantFrom('', '.', '..', '_..', '__', '____', '%2E', '%23', '%00'),
    fc.string({ unit: 'grapheme', minLength: 380, maxLength: 420 }),
  );
  const key = fc.array(part, { minLength: 1, maxLength: 3 });

  it('every id is one Firestore takes', () => {
    fc.assert(
      fc.property(key, (k) => docIdProblem(docId(...k)) === undefined),
      { numRuns: 2000 },
    );
  });

  it('different keys never share an id (parts compared as docId reads them: trimmed)', () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        const same = a.length === b.length && a.every((p, i) => p.trim() === (b[i] ?? '').trim());
        return same || docId(...a) !== docId(...b);
      }),
      { numRuns: 2000 },
    );
  });

  it('sha256Hex is SHA-256 of the UTF-8 bytes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        (s) => sha256Hex(s) === createHash('sha256').update(s, 'utf8').digest('hex'),
      ),
      { numRuns: 300 },
    );
  });
});

describe(`an OPD named "${LABEL_TOTAL}"`, () => {
  it.each(['Seluruh OPD', 'seluruh  opd', ' SELURUH OPD '])(
    '"%s" is quarantined in Pegawai, Anggaran and SKM with a reason; the city total keeps its own row',
    (name) => {
      const wb = base();
      wb.Pegawai = [...(wb.Pegawai ?? []), ['199203032015031003', 'Dodi', 'PNS', name, 'Analis Kebijakan']];
      wb.Anggaran = [...(wb.Anggaran ?? []), [name, 1000]];
      wb.SKM = [
        ['Unit Layanan', 'Periode', 'OPD', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'],
        ['Puskesmas', '2026-S1', name, 4, 4, 4, 4, 4, 4, 4, 4, 4],
      ];
      const r = validateWorkbook(wb);
      const reasons = only(r.errors).filter((e) => e.column === 'OPD');
      expect(reasons.map((e) => e.sheet).sort()).toEqual(['Anggaran', 'Pegawai', 'SKM']);
      for (const e of reasons)
        expect(e.message).toMatch(/nama baris total seluruh OPD di ringkasan pimpinan/);
      expect(r.data.employees.map((e) => e.opd)).not.toContain(name);
      expect(r.counts.Pegawai).toMatchObject({ quarantined: 1 });
    },
  );
});
