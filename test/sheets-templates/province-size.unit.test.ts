import { SHEET, validateWorkbook } from '@bangkom/core';
import { takesRoom } from '../../core/src/types';
import { generateProgram, PROVINCE_OPTIONS, SAMPLE_OPTIONS } from '../../sheets-templates/program';

/**
 * The province bench's trainers and rooms (150 trainers, 20 rooms), checked on a small
 * workbook with the province's catalogue (300 courses): the sheets validate, every classroom
 * course has at least two trainers, and the sample keeps its own 24 trainers and 5 rooms.
 */
describe('generator: trainers and rooms of the province options', () => {
  const raw = generateProgram({ ...PROVINCE_OPTIONS, employees: 400, sessions: 2 });
  const { data, errors } = validateWorkbook(raw);

  it('writes 150 trainers and 20 typed rooms that validate without errors', () => {
    expect(errors.filter((e) => e.sheet === SHEET.pengajar || e.sheet === SHEET.ruang)).toEqual([]);
    expect(data.trainers).toHaveLength(150);
    expect(new Set(data.trainers.map((t) => t.nama.toLowerCase())).size).toBe(150);
    expect(data.rooms).toHaveLength(20);
    expect(new Set(data.rooms.map((r) => r.nama)).size).toBe(20);
    // every room has a kind, so Jenis Ruang courses find theirs
    expect(data.rooms.filter((r) => !r.jenis)).toEqual([]);
    expect(data.rooms.filter((r) => r.jenis === 'Lab Komputer').length).toBeGreaterThanOrEqual(3);
  });

  it('has every face-to-face classical course taught by at least two trainers', () => {
    const classical = data.courses.filter((c) => takesRoom(c)).map((c) => c.kode);
    expect(classical.length).toBeGreaterThan(150);
    const teachers = new Map<string, number>();
    for (const t of data.trainers) for (const k of t.kode) teachers.set(k, (teachers.get(k) ?? 0) + 1);
    const short = classical.filter((k) => (teachers.get(k) ?? 0) < 2);
    expect(short).toEqual([]);
  });

  it('leaves the sample with its 24 trainers and 5 rooms', () => {
    const sample = generateProgram({ ...SAMPLE_OPTIONS, employees: 300, sessions: 2 });
    expect((sample[SHEET.pengajar]?.length ?? 0) - 1).toBe(24);
    expect((sample[SHEET.ruang]?.length ?? 0) - 1).toBe(5);
  });
});
