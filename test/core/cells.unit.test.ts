import {
  cellText,
  civilFromDays,
  dateToSerial,
  daysFromCivil,
  enumTable,
  isBlankCell,
  isoToSerial,
  normalizeHeader,
  parseBooleanCell,
  parseDateCell,
  parseDecimal,
  parseEnumCell,
  parseIntegerCell,
  parseMoney,
  parseMoneyCell,
  parseMonth,
  parseNipCell,
  parseNumberCell,
  parseRatingCell,
  parseTimestampCell,
  serialToDate,
  serialToIsoDate,
  serialToIsoTimestamp,
  splitList,
} from '@bangkom/core';

describe('headers and blanks', () => {
  it('normalises case, surrounding and inner spaces', () => {
    expect(normalizeHeader('  Jenis   ASN ')).toBe('jenis asn');
    expect(normalizeHeader('Stempel\u00a0waktu')).toBe('stempel waktu');
    expect(normalizeHeader(null)).toBe('');
  });
  it('treats null, undefined and whitespace text as blank, but not 0 or false', () => {
    expect([null, undefined, '', '   '].every(isBlankCell)).toBe(true);
    expect(isBlankCell(0)).toBe(false);
    expect(isBlankCell(false)).toBe(false);
  });
  it('writes text cells out', () => {
    expect(cellText('  Dinas   Kesehatan ')).toBe('Dinas Kesehatan');
    expect(cellText(12)).toBe('12');
    expect(cellText(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(cellText(Number.NaN)).toBe('');
  });
});

describe('calendar arithmetic', () => {
  it('round-trips days and civil dates', () => {
    for (const z of [-25569, -1, 0, 1, 59, 365, 10957, 20454, 47482]) {
      const [y, m, d] = civilFromDays(z);
      expect(daysFromCivil(y, m, d)).toBe(z);
    }
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual([2024, 2, 29]);
  });
  it('converts sheet serials (day 0 = 1899-12-30)', () => {
    expect(serialToIsoDate(46000)).toBe('2025-12-09');
    expect(serialToIsoDate(46000.99)).toBe('2025-12-09');
    expect(serialToIsoTimestamp(46000.5)).toBe('2025-12-09T12:00:00');
    // a fraction that rounds up to the next midnight carries over to the next day
    expect(serialToIsoTimestamp(46000.999999999)).toBe('2025-12-10T00:00:00');
    expect(isoToSerial('2025-12-09')).toBe(46000);
    expect(isoToSerial('2025-12-09T06:00:00')).toBe(46000.25);
    expect(isoToSerial('09/12/2025')).toBeNaN();
  });
  it('turns a serial into a Date holding the wall-clock time in its UTC fields, to the second', () => {
    expect(serialToDate(46027.5).toISOString()).toBe('2026-01-05T12:00:00.000Z');
    expect(serialToDate(0).toISOString()).toBe('1899-12-30T00:00:00.000Z');
    // 0.4 s after 06:00 is dropped, 0.6 s carries to the next second
    expect(serialToDate(46000.25 + 0.4 / 86400).toISOString()).toBe('2025-12-09T06:00:00.000Z');
    expect(serialToDate(46000.25 + 0.6 / 86400).toISOString()).toBe('2025-12-09T06:00:01.000Z');
    for (const serial of [1, 25569, 46000.5, 47482.75]) {
      expect(dateToSerial(serialToDate(serial), false)).toBe(serial);
      expect(serialToDate(serial).toISOString().slice(0, 19)).toBe(serialToIsoTimestamp(serial));
    }
  });
  it('reads Date objects by UTC parts (exceljs) or local parts (Apps Script adapter)', () => {
    expect(dateToSerial(new Date(Date.UTC(2025, 11, 9, 12)), false)).toBe(46000.5);
    // local parts: whatever the machine's zone, a Date built from local parts gives those parts back
    expect(dateToSerial(new Date(2025, 11, 9, 6, 0, 0), true)).toBe(46000.25);
    expect(dateToSerial(new Date(Number.NaN), false)).toBeNaN();
  });
});

describe('parseDateCell', () => {
  const ok = (cell: unknown) => parseDateCell(cell as never);
  it('accepts serials, UTC Dates, YYYY-MM-DD and D/M/YYYY', () => {
    expect(ok(46000)).toEqual({ ok: true, value: '2025-12-09' });
    expect(ok(new Date(Date.UTC(2026, 2, 1)))).toEqual({ ok: true, value: '2026-03-01' });
    expect(ok('2026-03-01')).toEqual({ ok: true, value: '2026-03-01' });
    expect(ok(' 1/3/2026 ')).toEqual({ ok: true, value: '2026-03-01' });
    expect(ok('01-03-2026')).toEqual({ ok: true, value: '2026-03-01' });
    expect(ok('01/03/2026 10:00:00')).toEqual({ ok: true, value: '2026-03-01' });
    expect(ok('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
  });
  it('rejects impossible dates and other formats with the contract message', () => {
    expect(ok('31/02/2026')).toEqual({
      ok: false,
      message: 'Tanggal tidak valid: tanggal "31/02/2026" tidak ada di kalender',
    });
    expect(ok('2023-02-29').ok).toBe(false);
    expect(ok('03/13/2026').ok).toBe(false); // M/D/YYYY is not accepted: month 13
    for (const bad of [
      '1 Maret 2026',
      '2026/03/01',
      '46000',
      'besok',
      true,
      Number.NaN,
      new Date(Number.NaN),
    ]) {
      expect(ok(bad)).toEqual({
        ok: false,
        message: 'Tanggal tidak valid: gunakan YYYY-MM-DD atau DD/MM/YYYY',
      });
    }
    expect(ok(80000)).toEqual({ ok: false, message: 'Tanggal di luar rentang tahun 1900–2100' });
    expect(ok('01/01/2150')).toEqual({ ok: false, message: 'Tanggal di luar rentang tahun 1900–2100' });
    expect(parseDateCell('x', 'Tanggal Mulai')).toEqual({
      ok: false,
      message: 'Tanggal Mulai tidak valid: gunakan YYYY-MM-DD atau DD/MM/YYYY',
    });
  });
});

describe('parseTimestampCell', () => {
  it('keeps the time of day', () => {
    expect(parseTimestampCell(46000.5)).toEqual({ ok: true, value: '2025-12-09T12:00:00' });
    expect(parseTimestampCell(new Date(Date.UTC(2026, 10, 28, 10, 15, 3)))).toEqual({
      ok: true,
      value: '2026-11-28T10:15:03',
    });
    expect(parseTimestampCell('28/11/2026 10.15.03')).toEqual({ ok: true, value: '2026-11-28T10:15:03' });
    expect(parseTimestampCell('28/11/2026 9:05')).toEqual({ ok: true, value: '2026-11-28T09:05:00' });
    expect(parseTimestampCell('2026-11-28T10:15:03.250')).toEqual({ ok: true, value: '2026-11-28T10:15:03' });
    expect(parseTimestampCell('2026-11-28')).toEqual({ ok: true, value: '2026-11-28T00:00:00' });
  });
  it('rejects impossible times and zones', () => {
    expect(parseTimestampCell('28/11/2026 25:00:00')).toEqual({
      ok: false,
      message: 'Waktu tidak valid: jam "28/11/2026 25:00:00" tidak ada',
    });
    expect(parseTimestampCell('2026-11-28T10:15:03Z')).toEqual({
      ok: false,
      message: 'Waktu tidak valid: gunakan YYYY-MM-DD HH:MM:SS atau DD/MM/YYYY HH:MM:SS',
    });
  });
});

describe('numbers', () => {
  it('reads decimals with a comma or a dot, never thousands separators', () => {
    expect(parseDecimal('12')).toBe(12);
    expect(parseDecimal(' 12 ')).toBe(12);
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('12.5')).toBe(12.5);
    expect(parseDecimal('1.500')).toBe(1.5);
    expect(parseDecimal('-3')).toBe(-3);
    expect(parseDecimal('1.500.000')).toBeUndefined();
    expect(parseDecimal('1,2,3')).toBeUndefined();
    expect(parseDecimal('12 JP')).toBeUndefined();
    expect(parseDecimal(true)).toBeUndefined();
    expect(parseDecimal(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseDecimal('50%', { percent: true })).toBe(0.5);
    expect(parseDecimal('50%')).toBeUndefined();
  });
  it('reads rupiah with thousands dots, a decimal comma and an Rp prefix', () => {
    expect(parseMoney('1500000')).toBe(1500000);
    expect(parseMoney('1.500.000')).toBe(1500000);
    expect(parseMoney('Rp 1.500.000')).toBe(1500000);
    expect(parseMoney('Rp.1.500.000,50')).toBe(1500000.5);
    expect(parseMoney('rp 750')).toBe(750);
    expect(parseMoney('1500000,5')).toBe(1500000.5);
    expect(parseMoney(2500000)).toBe(2500000);
    expect(parseMoney('1,500,000')).toBeUndefined(); // English grouping: ambiguous with the decimal comma
    expect(parseMoney('1.50.000')).toBeUndefined();
    expect(parseMoney('1.500.000.')).toBeUndefined();
    expect(parseMoneyCell('-5', 'Pagu')).toEqual({
      ok: false,
      message: 'Pagu harus angka rupiah ≥ 0, mis. 1500000 atau Rp 1.500.000',
    });
    expect(parseMoneyCell(-5, 'Pagu').ok).toBe(false);
  });
  it('checks integers and ranges with the contract message', () => {
    expect(parseIntegerCell(' 3 ', 'Level Standar', 1, 5)).toEqual({ ok: true, value: 3 });
    expect(parseIntegerCell('3,0', 'Level Standar', 1, 5)).toEqual({ ok: true, value: 3 });
    for (const bad of ['3,5', 6, 0, 'tiga', true, null]) {
      expect(parseIntegerCell(bad, 'Level Standar', 1, 5)).toEqual({
        ok: false,
        message: 'Level Standar harus bilangan bulat 1–5',
      });
    }
    expect(parseIntegerCell(0, 'Kapasitas', 1)).toEqual({
      ok: false,
      message: 'Kapasitas harus bilangan bulat ≥ 1',
    });
    expect(parseNumberCell('x', 'Pre', 0)).toEqual({
      ok: false,
      message: 'Pre harus angka ≥ 0 (desimal dengan koma atau titik, mis. 12,5)',
    });
  });
  it('reads form rating labels that start with the number', () => {
    expect(parseRatingCell('3 - Mampu', 'M.01', 1, 5)).toEqual({ ok: true, value: 3 });
    expect(parseRatingCell('4. Sangat baik', 'U1', 1, 4)).toEqual({ ok: true, value: 4 });
    expect(parseRatingCell('5 - Sangat baik', 'U1', 1, 4)).toEqual({
      ok: false,
      message: 'U1 harus bilangan bulat 1–4',
    });
    expect(parseRatingCell('Baik', 'U1', 1, 4).ok).toBe(false);
  });
});

const ANI_TEXT = '198501012010011001';

describe('parseNipCell', () => {
  it('keeps NIPs as text, stripping spaces and a leading apostrophe', () => {
    expect(parseNipCell("'198501012010011001")).toEqual({ ok: true, value: '198501012010011001' });
    expect(parseNipCell(' 19850101 201001 1 001 ')).toEqual({ ok: true, value: '198501012010011001' });
  });
  it('rejects a NIP read as a number that lost digits, explaining the text format', () => {
    const r = parseNipCell(Number(ANI_TEXT)); // what a numeric cell holds: 198501012010011000;
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^NIP terbaca sebagai angka .*format kolom NIP sebagai teks/);
    expect(parseNipCell('1.98501E+17').ok).toBe(false);
    expect(
      !parseNipCell('1.98501E+17').ok && (parseNipCell('1.98501E+17') as { message: string }).message,
    ).toMatch(/sebagai teks/);
  });
  it('accepts a number that holds the NIP exactly', () => {
    // 198501012010011008 is a multiple of 2^5 below 2^58, so the double holds it exactly; it prints back
    // as 198501012010011000 though, so it is not "exact" to the reader: still rejected.
    expect(parseNipCell(Number('198501012010011008')).ok).toBe(false);
    // 100000000000000000 prints back exactly.
    expect(parseNipCell(1e17)).toEqual({ ok: true, value: '100000000000000000' });
  });
  it('gives the 18-digit message for other shapes', () => {
    for (const bad of ['12345', '19850101201001100A', 12345, true, new Date(0)]) {
      expect(parseNipCell(bad)).toEqual({ ok: false, message: 'NIP harus 18 digit angka' });
    }
  });
});

describe('enums, lists, booleans, months', () => {
  const table = enumTable(['Tatap Muka', 'Daring']);
  it('matches enums ignoring case and spaces, returning the canonical value', () => {
    expect(parseEnumCell(' tatap  muka ', table, 'm')).toEqual({ ok: true, value: 'Tatap Muka' });
    expect(parseEnumCell('Luring', table, 'Moda salah')).toEqual({ ok: false, message: 'Moda salah' });
  });
  it('splits lists on commas and semicolons', () => {
    expect(splitList('M.01, M.02;M.03 ,, ')).toEqual(['M.01', 'M.02', 'M.03']);
    expect(splitList(null)).toEqual([]);
    expect(splitList(3)).toEqual(['3']);
  });
  it('reads Ya/Tidak and booleans', () => {
    expect(parseBooleanCell('ya', 'Libur')).toEqual({ ok: true, value: true });
    expect(parseBooleanCell('Tidak', 'Libur')).toEqual({ ok: true, value: false });
    expect(parseBooleanCell(false, 'Libur')).toEqual({ ok: true, value: false });
    expect(parseBooleanCell('mungkin', 'Libur')).toEqual({ ok: false, message: 'Libur harus Ya atau Tidak' });
  });
  it('reads months as numbers or Indonesian names', () => {
    expect(parseMonth('3')).toBe(3);
    expect(parseMonth('Maret')).toBe(3);
    expect(parseMonth('agt')).toBe(8);
    expect(parseMonth('13')).toBeUndefined();
    expect(parseMonth('March')).toBeUndefined();
  });
});
