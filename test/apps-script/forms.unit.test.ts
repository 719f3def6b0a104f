import { isoToSerial } from '@bangkom/core';
import { getJson, PROP } from '../../apps-script/src/config';
import {
  codesIn,
  FORM_DEFS,
  leadingInt,
  periodeOf,
  quizScore,
  SKM_ELEMENTS,
} from '../../apps-script/src/form-defs';
import { buatFormulir, buildForms, lanjutkanFormulir } from '../../apps-script/src/forms';
import type { FakeForm } from './fakes/forms';
import { pegawaiRows, useWorld } from './helpers';

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', pegawaiRows());
  w.spreadsheet.addSheet('Bank Soal', [
    ['Pertanyaan', 'Pilihan', 'Kunci', 'Poin'],
    [
      'Asas pelayanan publik menurut UU 25/2009 termasuk…',
      'Keterbukaan; Kerahasiaan; Eksklusivitas',
      'Keterbukaan',
      2,
    ],
    ['Standar pelayanan wajib dipublikasikan?', 'Ya; Tidak', 'Ya', ''],
    ['Soal tanpa kunci yang sah', 'A; B', 'C', 1],
  ]);
});

const formsByKey = (): Record<string, FakeForm> => {
  const ids = JSON.parse(world().scriptProps.getProperty('BANGKOM_FORMS') ?? '{}') as Record<string, string>;
  return Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, world().forms.get(id) as FakeForm]));
};

describe('Buat Formulir', () => {
  it('creates every form, links and names its response sheet, and publishes it', () => {
    buatFormulir();
    const forms = formsByKey();
    expect(Object.keys(forms).sort()).toEqual(FORM_DEFS.map((d) => d.key).sort());
    for (const def of FORM_DEFS) {
      const f = forms[def.key];
      expect(f?.title).toBe(def.title);
      expect(f?.published).toBe(true);
      expect(f?.accepting).toBe(true);
      expect(f?.destinationId).toBe('ss-bangkom');
      expect(f?.responseSheet?.name).toBe(def.responseSheet);
    }
    const kebutuhan = forms.kebutuhan;
    const titles = kebutuhan?.items.map((i) => i.title) ?? [];
    expect(titles[0]).toBe('NIP');
    expect(titles).toEqual(
      expect.arrayContaining(['M.01 Integritas', 'Bulan pelatihan yang diinginkan', 'Topik yang diminati']),
    );
    const nip = kebutuhan?.items[0];
    expect(nip?.validation).toMatchObject({ pattern: '^[0-9]{18}$' });
    const bulan = kebutuhan?.items.find((i) => i.title === 'Bulan pelatihan yang diinginkan');
    expect(bulan?.type).toBe('CHECKBOX');
    expect(bulan?.choices.map((c) => c.value)).toHaveLength(12);

    // SKM: nine elements with four answers each; units from the OPDs; no sign-in
    const skm = forms.skm;
    expect(skm?.items.filter((i) => /^U\d\./.test(i.title))).toHaveLength(9);
    expect(skm?.items[0]?.choices.map((c) => c.value)).toEqual(['Dinas Kesehatan']);
    expect(skm?.items[1]?.choices.map((c) => c.value)).toEqual([
      '1 – Tidak sesuai',
      '2 – Kurang sesuai',
      '3 – Sesuai',
      '4 – Sangat sesuai',
    ]);
    expect(skm?.requireLogin).toBe(false);

    // the quiz: points and correct answers from Bank Soal; a question whose key is not a choice is left out
    const tes = forms.tes;
    expect(tes?.quiz).toBe(true);
    const q1 = tes?.items.find((i) => i.title.startsWith('Asas pelayanan'));
    expect(q1?.points).toBe(2);
    expect(q1?.choices.filter((c) => c.correct).map((c) => c.value)).toEqual(['Keterbukaan']);
    expect(tes?.items.some((i) => i.title === 'Soal tanpa kunci yang sah')).toBe(false);
    expect(world().ui.alerts.at(-1)).toMatch(/Formulir siap dan diterbitkan/);
  });

  it('re-running updates the same forms instead of creating new ones', () => {
    buatFormulir();
    const first = formsByKey();
    const counts = Object.fromEntries(Object.entries(first).map(([k, f]) => [k, f.items.length]));
    const sheets = world().spreadsheet.sheets.length;
    // staff rename a question's help text; the dictionary gains a competency
    world().spreadsheet.addSheet('Kamus Kompetensi', [
      ['Kode', 'Nama', 'Kelompok'],
      ['M.01', 'Integritas', 'Manajerial'],
      ['T.01', 'Analisis Data', 'Teknis'],
    ]);
    buatFormulir();
    const second = formsByKey();
    expect(world().forms.size).toBe(FORM_DEFS.length);
    expect(Object.fromEntries(Object.entries(second).map(([k, f]) => [k, f.id]))).toEqual(
      Object.fromEntries(Object.entries(first).map(([k, f]) => [k, f.id])),
    );
    expect(world().spreadsheet.sheets.length).toBe(sheets + 1); // only the Kamus sheet is new
    // the new competency is added in its place; the old ones are kept, not doubled
    const titles = second.kebutuhan?.items.map((i) => i.title) ?? [];
    expect(titles.filter((t) => t === 'M.01 Integritas')).toHaveLength(1);
    expect(titles.indexOf('T.01 Analisis Data')).toBe(2);
    expect(second.reaksi?.items.length).toBe(counts.reaksi);
  });

  it('keeps questions staff added by hand; removes only the generated ones that are no longer asked', () => {
    world().spreadsheet.addSheet('Kamus Kompetensi', [
      ['Kode', 'Nama', 'Kelompok'],
      ['M.01', 'Integritas', 'Manajerial'],
      ['T.01', 'Analisis Data', 'Teknis'],
    ]);
    buatFormulir();
    const form = formsByKey().kebutuhan as FakeForm;
    expect(form.items.map((i) => i.title)).toContain('T.01 Analisis Data');
    // staff add their own question in the middle of the form
    const own = form.addParagraphTextItem().setTitle('Saran untuk BKPSDM');
    form.moveItem(own.getIndex(), 1);
    // T.01 leaves the dictionary (its row is emptied)
    const kamus = world().spreadsheet.sheet('Kamus Kompetensi');
    for (const c of [1, 2, 3]) kamus?.write(3, c, '');
    buatFormulir();
    const titles = form.items.map((i) => i.title);
    expect(titles).not.toContain('T.01 Analisis Data');
    expect(titles.filter((t) => t === 'Saran untuk BKPSDM')).toHaveLength(1);
    // the generated questions keep their order first; the hand-made one follows them
    expect(titles.indexOf('Saran untuk BKPSDM')).toBeGreaterThan(titles.indexOf('M.01 Integritas'));
    const made = getJson<Record<string, number[]>>(PROP.formItems, {}).kebutuhan ?? [];
    expect(made).not.toContain(own.getId());
    expect(made).toHaveLength(titles.length - 1);
  });

  it('asks only the competencies some position requires when Standar Kompetensi has rows', () => {
    world().spreadsheet.addSheet('Standar Kompetensi', [
      ['Jabatan', 'Kode Kompetensi', 'Level Standar'],
      ['Analis Kebijakan', 'M.03', 3],
      ['Analis Kebijakan', 'M.01', 3],
      ['Pengelola Data', 'M.03', 2],
    ]);
    buatFormulir();
    const titles = () => formsByKey().atasan?.items.map((i) => i.title) ?? [];
    expect(titles()).toEqual([
      'NIP Penilai',
      'NIP',
      'Jabatan pegawai yang dinilai',
      'Kompetensi jabatan (kelompok 1)',
      'M.01 Integritas (kelompok 1)',
      'M.03 Komunikasi (kelompok 1)',
      'Kompetensi jabatan (kelompok 2)',
      'M.03 Komunikasi (kelompok 2)',
    ]);
    // the standards change: the dropped competency leaves the form, the new one joins it
    world().spreadsheet.sheet('Standar Kompetensi')?.write(3, 2, 'M.05');
    buatFormulir();
    expect(titles()).toEqual([
      'NIP Penilai',
      'NIP',
      'Jabatan pegawai yang dinilai',
      'Kompetensi jabatan (kelompok 1)',
      'M.03 Komunikasi (kelompok 1)',
      'M.05 Pelayanan Publik (kelompok 1)',
      'Kompetensi jabatan (kelompok 2)',
      'M.03 Komunikasi (kelompok 2)',
    ]);
  });

  it('shows each respondent only the competencies of their position standard, answers in one sheet', () => {
    const standar: Record<string, string[]> = {
      'Analis Kebijakan': ['M.01', 'M.03', 'M.04', 'M.08'],
      'Pengelola Data': ['M.03', 'M.05'],
      'Pranata Komputer': ['M.03', 'M.05'],
      'Kepala Bidang': ['M.01', 'M.02', 'M.03', 'M.04', 'M.06', 'M.07', 'M.08', 'SK.01'],
    };
    world().spreadsheet.addSheet('Standar Kompetensi', [
      ['Jabatan', 'Kode Kompetensi', 'Level Standar'],
      ...Object.entries(standar).flatMap(([j, codes]) => codes.map((k) => [j, k, 3])),
    ]);
    buatFormulir();
    const forms = formsByKey();
    const competency = /^[A-Z]+\.\d+ /;
    for (const [key, nipTitles, jabatanTitle] of [
      ['kebutuhan', ['NIP'], 'Jabatan'],
      ['atasan', ['NIP Penilai', 'NIP'], 'Jabatan pegawai yang dinilai'],
    ] as const) {
      const form = forms[key] as FakeForm;
      for (const [jabatan, codes] of Object.entries(standar)) {
        const answers = {
          [jabatanTitle]: jabatan,
          ...Object.fromEntries(nipTitles.map((t) => [t, '198501012010011001'])),
        };
        const seen = form.visibleQuestions(answers).filter((i) => competency.test(i.title));
        // questions seen = competencies of the standard, in dictionary order
        expect(seen.map((i) => i.title.slice(0, i.title.indexOf(' ')))).toEqual(codes);
      }
      // one response sheet: one column per question, no column for a page break
      const header = form.responseSheet?.dump()[0]?.map(String) ?? [];
      expect(header.filter((h) => h.startsWith('Kompetensi jabatan'))).toEqual([]);
      expect(new Set(header).size).toBe(header.length);
    }
    // the self form ends with the preferences every respondent sees, whatever the position
    const prefs = forms.kebutuhan?.visibleQuestions({ Jabatan: 'Pengelola Data' }).map((i) => i.title) ?? [];
    expect(prefs.slice(-3)).toEqual([
      'Bulan pelatihan yang diinginkan',
      'Moda pelatihan yang diinginkan',
      'Topik yang diminati',
    ]);
    // a respondent cannot answer a section their position does not lead to
    expect(() =>
      forms.kebutuhan?.submit(
        { NIP: '198501012010011001', Jabatan: 'Analis Kebijakan', 'M.05 Pelayanan Publik (kelompok 3)': '3' },
        new Date(Date.UTC(2026, 2, 2, 1)),
      ),
    ).toThrow(/not on the pages this respondent sees/);
    // a level is a described behaviour, not a bare number
    const m03 = forms.kebutuhan?.items.find((i) => i.title === 'M.03 Komunikasi (kelompok 3)');
    expect(m03?.type).toBe('MULTIPLE_CHOICE');
    expect(m03?.choices.map((c) => c.value.slice(0, 4))).toEqual(['1 – ', '2 – ', '3 – ', '4 – ', '5 – ']);
    expect(m03?.choices[2]?.value).toBe(
      '3 – Menyampaikan gagasan yang rumit secara runtut dan meyakinkan kepada unit',
    );
  });

  it('maps a section answer to the Penilaian column of its competency', () => {
    const def = FORM_DEFS.find((d) => d.key === 'atasan');
    const ctx = {
      competencies: [
        { kode: 'M.01', nama: 'Integritas' },
        { kode: 'M.03', nama: 'Komunikasi' },
      ],
      units: [],
      quiz: [],
      groups: [
        { jabatan: ['Analis'], codes: ['M.01', 'M.03'] },
        { jabatan: ['Pengelola Data'], codes: ['M.03'] },
      ],
    };
    const rows = def?.toRows(
      {
        'NIP Penilai': '198501012010011001',
        NIP: '199001012023212001',
        'M.03 Komunikasi (kelompok 2)': '4 – Memengaruhi pihak lain',
      },
      { id: 'r1', waktu: null },
      ctx,
    );
    expect(rows?.[0]?.values).toMatchObject({
      'M.01 Integritas': null,
      'M.03 Komunikasi': 4,
      Sumber: 'Atasan',
    });
  });

  it('refuses what real Forms refuses: mixed navigation, navigation from a checkbox, answers on unseen pages', () => {
    const form = FormApp.create('Uji');
    const list = form.addListItem().setTitle('Pilih');
    const page = form.addPageBreakItem().setTitle('Halaman 2');
    expect(() => list.setChoices([list.createChoice('A', page), list.createChoice('B')])).toThrow(
      /cannot be combined/,
    );
    form.addCheckboxItem().setTitle('Kotak');
    // calls the typings already forbid, made on the fake itself: it refuses them as FormApp does
    const raw = world().forms.get(form.getId()) as FakeForm;
    const rawPage = raw.view(raw.items[1] as FakeForm['items'][number]);
    expect(() => raw.view(raw.items[2] as FakeForm['items'][number]).createChoice('A', rawPage)).toThrow(
      /CheckboxItem/,
    );
    expect(() => rawPage.setRequired(true)).toThrow(/not a function/);
    list.setChoices([
      list.createChoice('A', FormApp.PageNavigationType.SUBMIT),
      list.createChoice('B', page),
    ]);
    form.addTextItem().setTitle('Di halaman 2');
    const fake = raw;
    expect(fake.visibleQuestions({ Pilih: 'A' }).map((i) => i.title)).toEqual(['Pilih']);
    expect(fake.visibleQuestions({ Pilih: 'B' }).map((i) => i.title)).toEqual([
      'Pilih',
      'Kotak',
      'Di halaman 2',
    ]);
  });
});

describe('Buat Formulir in chunks', () => {
  it('stops at the time budget and the continuation trigger finishes the rest without duplicates', () => {
    // linking a form to the spreadsheet takes a minute
    world().clock.cost = (c) => (c.method === 'setDestination' ? 60_000 : 0);
    const first = buildForms(SpreadsheetApp.getActiveSpreadsheet(), {
      resume: false,
      budgetMs: 1.5 * 60_000,
    });
    expect(first.done).toBe(false);
    expect(first.lines).toHaveLength(2);
    expect(world().script.triggers.map((x) => [x.handler, x.afterMs])).toEqual([
      ['lanjutkanFormulir', 60_000],
    ]);

    world().clock.cost = () => 0;
    world().clock.newExecution();
    lanjutkanFormulir();
    expect(world().forms.size).toBe(FORM_DEFS.length);
    expect(Object.keys(formsByKey()).sort()).toEqual(FORM_DEFS.map((d) => d.key).sort());
    expect(world().script.triggers).toEqual([]);
    expect(world().scriptProps.getProperty('BANGKOM_FORMS_PROGRESS')).toBeNull();
  });

  it('keeps a large quiz key across several script properties', () => {
    const bank = world().spreadsheet.sheet('Bank Soal');
    const rows: unknown[][] = [['Pertanyaan', 'Pilihan', 'Kunci', 'Poin']];
    for (let i = 1; i <= 80; i++) {
      rows.push([
        `Soal nomor ${i}: manakah pernyataan yang paling tepat tentang pelayanan publik?`,
        'Pilihan A yang cukup panjang; Pilihan B yang cukup panjang; Pilihan C',
        'Pilihan C',
        1,
      ]);
    }
    bank?.clearContents().load(rows);
    buatFormulir();
    const head = JSON.parse(world().scriptProps.getProperty('BANGKOM_FORM_CONTEXT') ?? '{}');
    expect(head.__parts).toBeGreaterThan(1);
    expect(getJson<{ quiz: unknown[] }>(PROP.formContext, { quiz: [] }).quiz).toHaveLength(80);
    expect(formsByKey().tes?.items.filter((i) => i.points === 1)).toHaveLength(80);
  });
});

describe('response mapping', () => {
  it('reads codes, ratings, periods and quiz scores', () => {
    expect(codesIn('M.05 Pelayanan Publik, M.08 Pengambilan Keputusan, SK.01 Perekat Bangsa')).toBe(
      'M.05, M.08, SK.01',
    );
    expect(codesIn('')).toBe('');
    expect(leadingInt('3 – Sesuai')).toBe(3);
    expect(leadingInt(4)).toBe(4);
    expect(leadingInt('')).toBeNull();
    expect(leadingInt('tidak tahu')).toBe('tidak tahu'); // left for the core to reject
    expect(periodeOf(isoToSerial('2026-06-30T23:59:59'))).toBe('2026-S1');
    expect(periodeOf(isoToSerial('2026-07-01'))).toBe('2026-S2');
    const quiz = [
      { pertanyaan: 'A', pilihan: ['x', 'y'], kunci: 'x', poin: 2 },
      { pertanyaan: 'B', pilihan: ['x', 'y'], kunci: 'y', poin: 1 },
    ];
    expect(quizScore({ A: 'x', B: 'x' }, quiz)).toEqual({ skor: 2, maks: 3 });
    expect(SKM_ELEMENTS).toHaveLength(9);
  });

  it('a post-test fills Post on the row of the pre-test', () => {
    const def = FORM_DEFS.find((d) => d.key === 'tes');
    const ctx = {
      competencies: [],
      units: [],
      quiz: [{ pertanyaan: 'A', pilihan: ['x', 'y'], kunci: 'x', poin: 10 }],
    };
    const pre = def?.toRows(
      { 'ID Sesi': 'S1', NIP: '1', 'Jenis Tes': 'Pre-test', A: 'y' },
      { id: 'r1', waktu: null },
      ctx,
    );
    const post = def?.toRows(
      { 'ID Sesi': 'S1', NIP: '1', 'Jenis Tes': 'Post-test', A: 'x' },
      { id: 'r2', waktu: null },
      ctx,
    );
    expect(pre?.[0]?.values).toMatchObject({ Pre: 0, 'Skor Maks': 10 });
    expect(post?.[0]?.values).toMatchObject({ Post: 10, 'Skor Maks': 10 });
    expect(pre?.[0]?.key).toEqual(['ID Sesi', 'NIP']);
  });
});

describe('Buat Formulir against FormApp as strict as Google', () => {
  it('a re-run that must move questions does not crash, nor does the run after it', () => {
    buatFormulir();
    // a competency joins Kamus in the middle, and a question changes type: both must move
    world().spreadsheet.addSheet('Kamus Kompetensi', [
      ['Kode', 'Nama', 'Kelompok'],
      ['M.01', 'Integritas', 'Manajerial'],
      ['T.01', 'Analisis Data', 'Teknis'],
      ['M.02', 'Kerjasama', 'Manajerial'],
    ]);
    const kebutuhan = formsByKey().kebutuhan as FakeForm;
    const moda = kebutuhan.items.findIndex((i) => i.title === 'Moda pelatihan yang diinginkan');
    kebutuhan.deleteItem(moda);
    kebutuhan.addTextItem().setTitle('Moda pelatihan yang diinginkan');
    kebutuhan.moveItem(kebutuhan.items.length - 1, 0);
    expect(() => buatFormulir()).not.toThrow();
    expect(() => buatFormulir()).not.toThrow();
    const titles = kebutuhan.items.map((i) => i.title);
    expect(titles.slice(0, 4)).toEqual(['NIP', 'M.01 Integritas', 'T.01 Analisis Data', 'M.02 Kerjasama']);
    expect(kebutuhan.items.find((i) => i.title === 'Moda pelatihan yang diinginkan')?.type).toBe(
      'MULTIPLE_CHOICE',
    );
    expect(world().ui.alerts.at(-1)).toMatch(/Formulir siap dan diterbitkan/);
  });

  it('the fake refuses a typed item where FormApp wants an Item', () => {
    buatFormulir();
    const form = formsByKey().kebutuhan as FakeForm;
    const typed = form.addParagraphTextItem().setTitle('Saran');
    expect(() => form.moveItem(typed as never, 0)).toThrow(
      /The parameters \(FormApp\.ParagraphTextItem,number\) don't match the method signature for FormApp\.Form\.moveItem/,
    );
    expect(() => form.deleteItem(typed as never)).toThrow(/don't match the method signature/);
  });

  it('checks its time budget inside a form too: a large quiz is finished by the continuation', () => {
    const rows: unknown[][] = [['Pertanyaan', 'Pilihan', 'Kunci', 'Poin']];
    for (let i = 1; i <= 200; i++) rows.push([`Soal ${i}`, 'A; B; C', 'A', 1]);
    world().spreadsheet.sheet('Bank Soal')?.clearContents().load(rows);
    // every FormApp call takes half a second: the quiz alone outlasts the 4.5-minute budget
    world().clock.cost = (c) => (/^(Form|Item)/.test(c.target) ? 300 : 0);
    buatFormulir();
    expect(world().ui.alerts.at(-1)).toMatch(/dilanjutkan otomatis/);
    const tes = () => formsByKey().tes as FakeForm;
    expect(tes().items.length).toBeLessThan(203);
    expect(world().clock.elapsed()).toBeLessThan(6 * 60_000);
    for (
      let run = 0;
      run < 5 && world().script.triggers.some((t) => t.handler === 'lanjutkanFormulir');
      run++
    ) {
      world().clock.advance(60_000);
      world().clock.newExecution();
      lanjutkanFormulir();
      expect(world().clock.elapsed()).toBeLessThan(6 * 60_000);
    }
    expect(world().script.triggers).toEqual([]);
    expect(tes().items.filter((i) => /^Soal \d+$/.test(i.title))).toHaveLength(200);
    expect(new Set(tes().items.map((i) => i.title)).size).toBe(tes().items.length);
    expect(getJson<Record<string, number[]>>(PROP.formItems, {}).tes).toHaveLength(203);
  });

  it('does not say "diterbitkan" when the runtime cannot publish', () => {
    world().formRuntime.publishing = false;
    buatFormulir();
    const shown = world().ui.alerts.at(-1) ?? '';
    expect(shown).not.toMatch(/diterbitkan/);
    expect(shown).toMatch(/tidak dapat memastikan formulir berikut sudah terbit/);
    expect(shown).toContain('klik tombol Terbitkan');
    expect(Object.values(formsByKey()).every((f) => f.accepting)).toBe(true);
  });
});
