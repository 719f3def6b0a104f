import { DEFAULT_SETTINGS, resolveTahun, resolveTahunJp, type Settings } from '@bangkom/core';

const data = (s: Partial<Settings>) => ({ settings: { ...DEFAULT_SETTINGS, ...s } });

describe('the year a run is about', () => {
  it('fiscal year: the requested year, else Pengaturan Tahun, else the current year', () => {
    expect(resolveTahun(data({ tahun: 2027, tahunJp: 2026 }), 2030, 2026)).toBe(2030);
    expect(resolveTahun(data({ tahun: 2027, tahunJp: 2026 }), undefined, 2026)).toBe(2027);
    expect(resolveTahun(data({ tahunJp: 2025 }), undefined, 2026)).toBe(2026);
  });

  it('JP year: the requested year, else Tahun JP, else Tahun, else the current year', () => {
    expect(resolveTahunJp(data({ tahun: 2027, tahunJp: 2026 }), 2030, 2028)).toBe(2030);
    expect(resolveTahunJp(data({ tahun: 2027, tahunJp: 2026 }), undefined, 2028)).toBe(2026);
    expect(resolveTahunJp(data({ tahun: 2027 }), undefined, 2028)).toBe(2027);
    expect(resolveTahunJp(data({}), undefined, 2028)).toBe(2028);
  });

  it('without any year (the core has no clock) it says which setting to fill', () => {
    const message = 'Tahun anggaran belum diatur: isi Kunci "Tahun" pada lembar Pengaturan.';
    expect(() => resolveTahun(data({}))).toThrow(message);
    expect(() => resolveTahunJp(data({}))).toThrow(message);
    expect(() => resolveTahun(data({}), 2026.5)).toThrow(message);
  });
});
