import {
  type Cell,
  dateToSerial,
  isoToSerial,
  parseDateCell,
  parseDecimal,
  parseIntegerCell,
  parseMoney,
  parseNipCell,
  parseNumberCell,
  parseTimestampCell,
  type RawSheet,
  type RawWorkbook,
  recordSchemas,
  SHEET_COLLECTION,
  SHEET_SPECS,
  type SheetName,
  type SheetSpec,
  serialToIsoDate,
  toRows,
  validateNip,
  validateRows,
  validateWorkbook,
} from '@bangkom/core';
import fc from 'fast-check';

const SEED = 20261128; // fixed: the suite is deterministic
const ANI = '198501012010011001';
const BUDI = '199001012023212001';
const CICI = '198807152012032002';

/** Values that make a cell valid for some column, so that a good share of rows pass. */
const plausible = fc.constantFrom<Cell>(
  ANI,
  BUDI,
  CICI,
  `'${ANI}`,
  'PNS',
  'PPPK',
  'pns',
  'Diri',
  'Atasan',
  'Asesmen',
  'M.01',
  'm.02',
  'M.01, SK.01',
  'M.99',
  'KL01',
  'NKL13',
  'Tatap Muka',
  'Daring',
  'Manajerial',
  'Teknis',
  'Pelaksana',
  'Ya',
  'Tidak',
  'Tahun',
  'Target JP',
  'Bobot Diri',
  '2026-03-01',
  '15/04/2026',
  '31/02/2026',
  '28/11/2026 10.15.03',
  46000,
  46000.5,
  1,
  2,
  3,
  4,
  5,
  '3',
  '4 - Baik',
  '12,5',
  '1.500.000',
  'Rp 1.500.000',
  'Maret, 5',
  'Dinas Kesehatan',
  'ani@sawahluntokota.go.id',
  'S1',
);

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: plausible },
  { weight: 2, arbitrary: fc.constantFrom<Cell>(null, undefined, '', '   ') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 200000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date() },
  { weight: 1, arbitrary: fc.constant(Number(ANI)) },
);

const REPEATING: Record<string, string[]> = {
  Penilaian: [
    'M.01 Integritas',
    '[M.02] Kerjasama',
    'SK.01',
    'M.03 - Komunikasi',
    'M.99 Foo',
    'Nilai [M.04 Hasil]',
  ],
  'Evaluasi Reaksi': ['R1', 'R2 Materi', 'R3', 'r10'],
};
const EXTRAS = ['Catatan', 'Alamat email', 'Stempel waktu', ''];

/** Spells a header or sheet name the way people do: any case, stray spaces. */
const spelled = (s: string) =>
  fc
    .tuple(
      fc.constantFrom('', ' ', '  '),
      fc.constantFrom('as-is', 'lower', 'upper'),
      fc.constantFrom('', ' '),
    )
    .map(
      ([pre, kase, post]) =>
        `${pre}${kase === 'lower' ? s.toLowerCase() : kase === 'upper' ? s.toUpperCase() : s}${post}`,
    );

function headerArb(spec: SheetSpec): fc.Arbitrary<string[]> {
  const required = spec.columns.filter((c) => c.required).map((c) => c.header);
  const optional = spec.columns.filter((c) => !c.required).map((c) => c.header);
  const more = [...(REPEATING[spec.name] ?? []), ...EXTRAS];
  return fc
    .tuple(
      fc.boolean(), // complete: every required column present (the common case)
      fc.subarray(required),
      fc.subarray(optional),
      fc.subarray(more, { maxLength: 4 }),
    )
    .chain(([complete, someRequired, opts, extra]) => {
      const names = [...(complete ? required : someRequired), ...opts, ...extra];
      return fc
        .shuffledSubarray(names, { minLength: names.length })
        .chain((order) => (order.length === 0 ? fc.constant([]) : fc.tuple(...order.map(spelled))));
    });
}

const sheetArb = (spec: SheetSpec): fc.Arbitrary<RawSheet> =>
  headerArb(spec).chain((header) =>
    fc
      .array(fc.array(anyCell, { minLength: 0, maxLength: header.length + 1 }), { maxLength: 8 })
      .map((rows): RawSheet => [header, ...rows]),
  );

const workbookArb: fc.Arbitrary<RawWorkbook> = fc
  .subarray([...SHEET_SPECS], { minLength: 1 })
  .chain((specs) => fc.tuple(...specs.map((s) => fc.tuple(spelled(s.name), sheetArb(s)))))
  .map((pairs) => Object.fromEntries(pairs));

describe('validateWorkbook on arbitrary workbooks', () => {
  it('never throws; every counted row is either a record or quarantined with ≥ 1 error', () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const r = validateWorkbook(wb);
        expect(r.valid).toBe(r.errors.length === 0);
        for (const [sheet, count] of Object.entries(r.counts)) {
          const quarantined = r.quarantine.filter((q) => q.sheet === sheet);
          expect(count.rows).toBe(count.valid + quarantined.length);
          const raw =
            Object.entries(wb).find(([n]) => n.trim().toLowerCase() === sheet.toLowerCase())?.[1] ?? [];
          expect(count.rows).toBeLessThanOrEqual(Math.max(0, raw.length - 1));
          for (const q of quarantined) {
            expect(q.errors.length).toBeGreaterThan(0);
            for (const e of q.errors) {
              expect(e.sheet).toBe(sheet);
              expect(e.row === q.row || e.row === 1).toBe(true);
            }
          }
          const name = sheet as SheetName;
          if (name === 'Penilaian') expect(r.data.assessments.length).toBeLessThanOrEqual(count.valid);
          else if (name === 'Kamus Kompetensi') {
            expect(r.data.competencies.length).toBe(count.valid > 0 ? count.valid : 9);
          } else if (name !== 'Pengaturan') {
            expect(r.data[SHEET_COLLECTION[name]].length).toBe(count.valid);
          }
        }
        for (const e of r.errors) {
          expect(e.row).toBeGreaterThanOrEqual(1);
          expect(typeof e.message).toBe('string');
          expect(e.message.length).toBeGreaterThan(0);
          expect(e.value).not.toBeUndefined(); // JSON keeps the key
        }
        // every record satisfies its record schema (what adapters check at the edge)
        for (const key of Object.keys(recordSchemas) as (keyof typeof recordSchemas)[]) {
          for (const rec of r.data[key]) {
            const parsed = recordSchemas[key].safeParse(rec);
            if (!parsed.success) throw new Error(`${key}: ${JSON.stringify(rec)} ${parsed.error.message}`);
          }
        }
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('records written back with toRows parse to the same records', () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const r = validateWorkbook(wb);
        for (const spec of SHEET_SPECS) {
          const name = spec.name as SheetName;
          if (name === 'Pengaturan' || !r.counts[name]) continue;
          const records = r.data[SHEET_COLLECTION[name]] as unknown as Record<string, unknown>[];
          if (records.length === 0) continue; // nothing to write (and no repeating columns to title)
          const again = validateRows(name, toRows(spec, records, r.data.competencies), r.data.competencies);
          expect(again.errors).toEqual([]);
          const strip = (xs: readonly Record<string, unknown>[]) => xs.map(({ row: _row, ...rest }) => rest);
          expect(strip(again.records as unknown as Record<string, unknown>[])).toEqual(strip(records));
        }
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});

describe('cell parsers on arbitrary input', () => {
  it('never throw and always answer ok or a message', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const cell = raw as Cell;
        for (const r of [
          parseDateCell(cell),
          parseTimestampCell(cell),
          parseIntegerCell(cell, 'X', 1, 5),
          parseNumberCell(cell, 'X'),
          parseNipCell(cell),
        ]) {
          if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
        }
        parseMoney(cell);
        parseDecimal(cell);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('a date reads the same as a serial, a UTC Date, YYYY-MM-DD and DD/MM/YYYY', () => {
    const lo = isoToSerial('1900-01-01');
    const hi = isoToSerial('2100-12-31');
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), (serial) => {
        const iso = serialToIsoDate(serial);
        expect(isoToSerial(iso)).toBe(serial);
        const [y, m, d] = iso.split('-');
        const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
        expect(dateToSerial(date, false)).toBe(serial);
        for (const cell of [serial, date, iso, `${d}/${m}/${y}`, `${Number(d)}/${Number(m)}/${y}`]) {
          expect(parseDateCell(cell)).toEqual({ ok: true, value: iso });
        }
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('rupiah written the Indonesian way reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        expect(parseMoney(grouped)).toBe(n);
        expect(parseMoney(`Rp ${grouped}`)).toBe(n);
        expect(parseMoney(`Rp. ${grouped},00`)).toBe(n);
        expect(parseMoney(String(n))).toBe(n);
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});

describe('NIP structure', () => {
  const civil = fc
    .tuple(
      fc.integer({ min: 1950, max: 2005 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => ({
      y,
      m,
      d,
      text: `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`,
    }));
  const tail = fc.tuple(fc.constantFrom('1', '2'), fc.integer({ min: 1, max: 999 }));

  it('a well-formed PNS NIP is valid for PNS and "tidak sesuai" for PPPK', () => {
    fc.assert(
      fc.property(
        civil,
        fc.integer({ min: 18, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        tail,
        (b, age, tm, [g, seq]) => {
          const ty = b.y + age + (tm < b.m ? 1 : 0);
          const nip = `${b.text}${ty}${String(tm).padStart(2, '0')}${g}${String(seq).padStart(3, '0')}`;
          expect(validateNip(nip, 'PNS')).toEqual([]);
          expect(validateNip(nip, 'PPPK')).toEqual(['NIP berbentuk PNS tidak sesuai dengan Jenis ASN PPPK']);
        },
      ),
      { numRuns: 300, seed: SEED },
    );
  });

  it('a well-formed PPPK NIP is valid for PPPK and "tidak sesuai" for PNS', () => {
    fc.assert(
      fc.property(
        civil,
        fc.integer({ min: 18, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        tail,
        (b, age, k, [g, seq]) => {
          const nip = `${b.text}${b.y + age}2${k}${g}${String(seq).padStart(3, '0')}`;
          expect(validateNip(nip, 'PPPK')).toEqual([]);
          expect(validateNip(nip, 'PNS')).toEqual(['NIP berbentuk PPPK tidak sesuai dengan Jenis ASN PNS']);
        },
      ),
      { numRuns: 300, seed: SEED },
    );
  });

  it('any 18 digits give a list of messages, never a throw; anything else is "18 digit"', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{18}$/), fc.string(), (digits, other) => {
        expect(Array.isArray(validateNip(digits))).toBe(true);
        if (!/^\d{18}$/.test(other)) expect(validateNip(other)).toEqual(['NIP harus 18 digit angka']);
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
