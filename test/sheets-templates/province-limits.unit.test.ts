import { SHEET, validateWorkbook } from '@bangkom/core';
import { takesRoom } from '../../core/src/types';
import { generateProgram, PROVINCE_SCHEDULE_OPTIONS } from '../../sheets-templates/program';
import { CLASSICAL_ONLY, TIGHT_PAGU_SHARE } from '../../sheets-templates/province-limits';

/**
 * The province's catalogue and budgets (province-limits.ts), on a small workbook with the
 * province's 300 courses: classical-only competencies have no Daring course, Daring costs money,
 * a third of the OPDs have a cut Pagu, everything validates, and without the option (the sample's
 * case) the catalogue and budgets are as before.
 */
describe('generator: the province limits', () => {
  const small = { ...PROVINCE_SCHEDULE_OPTIONS, employees: 400, sessions: 2 };
  const { data, errors } = validateWorkbook(generateProgram(small));
  const plain = validateWorkbook(generateProgram({ ...small, provinceLimits: false })).data;

  it('validates: no new error on Katalog Pelatihan or Anggaran', () => {
    const plainErrors = validateWorkbook(generateProgram({ ...small, provinceLimits: false })).errors;
    const on = (es: typeof errors) =>
      es.filter((e) => e.sheet === SHEET.katalog || e.sheet === SHEET.anggaran).map((e) => e.message);
    expect(on(errors)).toEqual(on(plainErrors));
    expect(data.courses).toHaveLength(300);
  });

  it('teaches classical-only competencies only face to face, in a room, at a cost', () => {
    const only = data.courses.filter((c) => c.kompetensi.every((k) => CLASSICAL_ONLY.has(k)));
    expect(only.length).toBeGreaterThan(80);
    expect(only.filter((c) => c.moda === 'Daring')).toEqual([]);
    // the generator alone had Daring variants of them: those are now classical with a session cost
    const wasDaring = new Set(plain.courses.filter((c) => c.moda === 'Daring').map((c) => c.kode));
    const converted = only.filter((c) => wasDaring.has(c.kode));
    expect(converted.length).toBeGreaterThan(20);
    for (const c of converted) {
      expect(takesRoom(c)).toBe(true);
      expect(c.biaya).toBeGreaterThan(0);
      expect(c.biayaAngkatan ?? 0).toBeGreaterThan(0);
      expect(c.kapasitas).toBeLessThanOrEqual(40);
    }
    // other competencies keep their Daring courses
    expect(data.courses.filter((c) => c.moda === 'Daring').length).toBeGreaterThan(40);
  });

  it('gives each trainer one field: every classroom course of one competency', () => {
    const classical = data.courses.filter((c) => takesRoom(c));
    const field = new Map(classical.map((c) => [c.kode, c.kompetensi[0] ?? ''] as const));
    const perField = new Map<string, number>();
    for (const t of data.trainers) {
      const fields = [...new Set(t.kode.map((k) => field.get(k)))];
      expect(fields).toHaveLength(1);
      const f = fields[0] as string;
      const all = classical.filter((c) => field.get(c.kode) === f).map((c) => c.kode);
      expect([...t.kode].sort()).toEqual(all.sort());
      perField.set(f, (perField.get(f) ?? 0) + 1);
    }
    expect(data.trainers).toHaveLength(150);
    // every field has at least two trainers, and the busiest field more than the quietest
    const counts = [...new Set(field.values())].map((f) => perField.get(f) ?? 0);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts)).toBeGreaterThan(Math.min(...counts));
  });

  it('charges for every Daring course', () => {
    expect(plain.courses.filter((c) => c.moda === 'Daring' && c.biaya === 0).length).toBeGreaterThan(40);
    expect(data.courses.filter((c) => c.moda === 'Daring' && c.biaya === 0)).toEqual([]);
    for (const c of data.courses.filter((x) => x.moda === 'Daring')) expect(c.biaya % 50_000).toBe(0);
  });

  it('cuts the Pagu of every third OPD, and only those', () => {
    expect(data.budgets.map((b) => b.opd)).toEqual(plain.budgets.map((b) => b.opd));
    data.budgets.forEach((b, i) => {
      const before = plain.budgets[i]?.pagu ?? 0;
      if (i % 3 === 0)
        expect(b.pagu).toBe(
          Math.max(25_000_000, Math.round((before * TIGHT_PAGU_SHARE) / 5_000_000) * 5_000_000),
        );
      else expect(b.pagu).toBe(before);
    });
    // at 400 ASN most OPDs sit at the Rp25.000.000 floor either way; the largest are cut
    expect(data.budgets.filter((b, i) => b.pagu < (plain.budgets[i]?.pagu ?? 0)).length).toBeGreaterThan(0);
  });
});
