import { createHash } from 'node:crypto';
import { type RawWorkbook, SHEET, validateWorkbook } from '@bangkom/core';
import nock from 'nock';
import { Rng } from '../../sheets-templates/prng';
import { generateProgram, generateProgramDetailed, SAMPLE_OPTIONS } from '../../sheets-templates/program';

const hash = (raw: RawWorkbook): string =>
  createHash('sha256')
    .update(JSON.stringify(raw, (_k, v: unknown) => (v instanceof Date ? `D:${v.toISOString()}` : v)))
    .digest('hex');

const column = (raw: RawWorkbook, sheet: string, header: string): unknown[] => {
  const rows = raw[sheet] ?? [];
  const i = (rows[0] ?? []).indexOf(header);
  if (i < 0) throw new Error(`${sheet} has no ${header}`);
  return rows.slice(1).map((r) => r[i]);
};

const sample = generateProgramDetailed(SAMPLE_OPTIONS);

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('Rng (mulberry32)', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('int stays within its bounds and reaches both ends', () => {
    const r = new Rng(7);
    const seen = new Set(Array.from({ length: 400 }, () => r.int(1, 5)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('generateProgram', () => {
  it('is deterministic: the same options give the same workbook, another seed another one', () => {
    const again = generateProgram(SAMPLE_OPTIONS);
    expect(hash(again)).toBe(hash(sample.raw));
    expect(hash(generateProgram({ ...SAMPLE_OPTIONS, seed: SAMPLE_OPTIONS.seed + 1 }))).not.toBe(
      hash(sample.raw),
    );
  });

  it('without the deliberate errors, a smaller workbook validates cleanly', () => {
    const raw = generateProgram({ seed: 5, employees: 400, invalidRows: false, sessions: 4 });
    const result = validateWorkbook(raw);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.data.employees).toHaveLength(400);
  });

  it('scales the catalogue beyond the base courses with unique codes', () => {
    const raw = generateProgram({ seed: 9, employees: 300, courses: 120, sessions: 2 });
    const kode = column(raw, SHEET.katalog, 'Kode');
    expect(kode).toHaveLength(120);
    expect(new Set(kode).size).toBe(120);
  });
});

describe('the Sawahlunto sample', () => {
  const raw = sample.raw;

  it('has about 2,500 ASN in the OPD of the city, PNS and PPPK, every Jenis Jabatan', () => {
    expect(sample.employees).toHaveLength(2500);
    const opd = new Set(sample.employees.map((e) => e.opd));
    for (const name of [
      'Sekretariat Daerah',
      'Dinas Pendidikan dan Kebudayaan',
      'Dinas Kesehatan',
      'RSUD Sawahlunto',
      'Kecamatan Talawi',
      'Kecamatan Barangin',
      'Kecamatan Lembah Segar',
      'Kecamatan Silungkang',
    ]) {
      expect(opd).toContain(name);
    }
    const jenis = new Set(sample.employees.map((e) => e.jenisJabatan));
    expect([...jenis].sort()).toEqual([
      'Administrator',
      'Fungsional',
      'JPT Pratama',
      'Pelaksana',
      'Pengawas',
    ]);
    const pppk = sample.employees.filter((e) => e.jenisAsn === 'PPPK').length;
    expect(pppk).toBeGreaterThan(250);
    expect(pppk).toBeLessThan(1250);
    const big = sample.employees.filter((e) => e.opd === 'Dinas Pendidikan dan Kebudayaan').length;
    expect(big).toBeGreaterThan(800);
  });

  it('has a NIP Atasan hierarchy without cycles, rooted at the Sekretaris Daerah and the Inspektur', () => {
    const byNip = new Map(sample.employees.map((e) => [e.nip, e]));
    const roots = sample.employees.filter((e) => !e.nipAtasan).map((e) => e.jabatan);
    expect(roots.sort()).toEqual(['Inspektur', 'Sekretaris Daerah']);
    for (const e of sample.employees) {
      let cur = e;
      for (let depth = 0; cur.nipAtasan; depth++) {
        expect(depth).toBeLessThan(8);
        const up = byNip.get(cur.nipAtasan);
        expect(up).toBeDefined();
        if (!up) break;
        cur = up;
      }
    }
  });

  it('writes Penilaian as Google Forms does, with all three sources and missing answers', () => {
    const header = raw[SHEET.penilaian]?.[0] ?? [];
    expect(header[0]).toBe('Stempel waktu');
    expect(header).toContain('[M.01] Integritas');
    expect(header).toContain('[T.04] Pembelajaran');
    const sumber = column(raw, SHEET.penilaian, 'Sumber');
    for (const s of ['Diri', 'Atasan', 'Asesmen'])
      expect(sumber.filter((x) => x === s).length).toBeGreaterThan(100);
    expect(sumber.filter((x) => x === 'Asesmen').length).toBeLessThan(
      sumber.filter((x) => x === 'Atasan').length,
    );
    const integritas = column(raw, SHEET.penilaian, '[M.01] Integritas');
    expect(integritas.filter((x) => x === null).length).toBeGreaterThan(20);
  });

  it('has three years of history with a realistic share below 20 JP, and a 40+ course catalogue', () => {
    const years = new Set(
      column(raw, SHEET.riwayat, 'Tanggal Mulai')
        .filter((d) => d instanceof Date)
        .map((d) => (d as Date).getUTCFullYear()),
    );
    expect([...years].sort()).toEqual([2024, 2025, 2026]);
    const jp2026 = new Map<string, number>();
    for (const row of raw[SHEET.riwayat]?.slice(1) ?? []) {
      const d = row[3];
      if (d instanceof Date && d.getUTCFullYear() === 2026)
        jp2026.set(String(row[0]), (jp2026.get(String(row[0])) ?? 0) + Number(row[2]));
    }
    const below =
      sample.employees.filter((e) => (jp2026.get(e.nip) ?? 0) < 20).length / sample.employees.length;
    expect(below).toBeGreaterThan(0.25);
    expect(below).toBeLessThan(0.75);
    const bentuk = column(raw, SHEET.katalog, 'Bentuk').map(String);
    expect(bentuk.length).toBeGreaterThanOrEqual(40);
    expect(bentuk.some((b) => b.startsWith('KL'))).toBe(true);
    expect(bentuk.some((b) => b.startsWith('NKL'))).toBe(true);
  });

  it('has 100–400 SKM respondents per unit and period', () => {
    const count = new Map<string, number>();
    const units = column(raw, SHEET.skm, 'Unit Layanan');
    const periods = column(raw, SHEET.skm, 'Periode');
    units.forEach((u, i) => {
      const key = `${u}|${periods[i]}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    });
    expect(count.size).toBeGreaterThanOrEqual(20);
    for (const n of count.values()) {
      expect(n).toBeGreaterThanOrEqual(100);
      expect(n).toBeLessThanOrEqual(401); // one unit carries the deliberately invalid answer
    }
  });

  it('validates with exactly the deliberately invalid cells reported, nothing else', () => {
    const result = validateWorkbook(raw);
    const reported = result.errors.map((e) => ({ sheet: e.sheet, row: e.row, column: e.column }));
    expect(reported).toEqual(
      expect.arrayContaining(sample.invalid.map(({ sheet, row, column }) => ({ sheet, row, column }))),
    );
    expect(reported).toHaveLength(sample.invalid.length);
    expect(sample.invalid.map((e) => `${e.sheet}: ${e.column}`).sort()).toEqual([
      'Evaluasi Perilaku: Sesudah',
      'Pegawai: NIP',
      'Pegawai: NIP',
      'Penilaian: NIP Penilai',
      'Penilaian: Sumber',
      'Riwayat Pelatihan: Bentuk',
      'Riwayat Pelatihan: Tanggal Mulai',
      'SKM: U3',
      'Standar Kompetensi: Kode Kompetensi',
      'Standar Kompetensi: Level Standar',
      'Tes: Post',
    ]);
    const value = (sheet: string, column: string) =>
      result.errors.filter((e) => e.sheet === sheet && e.column === column).map((e) => e.value);
    expect(value(SHEET.pegawai, 'NIP')).toContain('198502302010011003');
    expect(value(SHEET.standar, 'Level Standar')).toEqual([7]);
    expect(value(SHEET.riwayat, 'Tanggal Mulai')).toEqual(['31/02/2026']);
    for (const e of result.errors) expect(e.message).toMatch(/\S/);
    expect(result.counts[SHEET.pegawai]).toEqual({ rows: 2502, valid: 2500, quarantined: 2, superseded: 0 });
  });
});
