/**
 * Apps Script bench: service calls per operation, counted in the call log of the in-memory
 * fakes (test/apps-script/fakes). Every call on SpreadsheetApp, a sheet, a range, FormApp, a
 * form, UrlFetchApp, MailApp, CalendarApp, PropertiesService, LockService, ScriptApp or
 * Utilities is one entry, as each is one round trip to Google's services in Apps Script.
 *
 *   npm run bench -- apps-script
 */
import { sendFollowUps } from '../apps-script/src/followup';
import { buatFormulir } from '../apps-script/src/forms';
import { kirimUndangan, sendInvitations } from '../apps-script/src/invite';
import { cobaUlangAntrian } from '../apps-script/src/retry';
import { prepareSheets } from '../apps-script/src/setup';
import { onFormSubmit } from '../apps-script/src/submit';
import { hitungSinkronkan } from '../apps-script/src/sync';
import { pasangPemicu } from '../apps-script/src/triggers';
import { validasiData } from '../apps-script/src/validate';
import type { FakeForm } from '../test/apps-script/fakes/forms';
import { createWorld, jakarta, type World } from '../test/apps-script/fakes/world';

export const name = 'Apps Script: panggilan layanan per operasi';

const NIP = {
  ani: '199001152015032001',
  budi: '198505202010011002',
  kepala: '197203101998031003',
} as const;

const PEGAWAI_HEADER = ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan', 'Jenis Jabatan', 'Email', 'NIP Atasan'];

/** A program workbook with `asn` employees under one head of office. */
function seed(w: World, asn: number): string[] {
  const rows: unknown[][] = [PEGAWAI_HEADER];
  rows.push([
    NIP.kepala,
    'Kepala Dinas',
    'PNS',
    'Dinas Kesehatan',
    'Kepala Dinas',
    'JPT Pratama',
    'kadis@sawahlunto.go.id',
    '',
  ]);
  const nips: string[] = [];
  for (let i = 0; i < asn; i++) {
    const nip = `1990011520150320${String(i).padStart(2, '0')}`;
    nips.push(nip);
    rows.push([
      nip,
      `Pegawai ${i + 1}`,
      'PNS',
      'Dinas Kesehatan',
      'Pengelola Data',
      'Pelaksana',
      `asn${i + 1}@sawahlunto.go.id`,
      NIP.kepala,
    ]);
  }
  w.spreadsheet.addSheet('Pegawai', rows);
  return nips;
}

interface Figure {
  operasi: string;
  /** every call on a service object */
  total: number;
  /** reads of cell contents (getValues and the like) */
  baca: number;
  /** writes of cell contents, formats, notes, rows and columns */
  tulis: number;
  /** UrlFetchApp.fetch / fetchAll */
  fetch: number;
  /** MailApp.sendEmail */
  surel: number;
  /** reads + writes + fetches: at most 12 per submission, whatever the number of competencies */
  berat: number;
}

const READ = /^(getValues|getValue|getDisplayValues|getFormulas|getNotes|getBackgrounds)$/;
const WRITE =
  /^(setValues|setValue|setNotes|setNote|setBackgrounds|setBackground|setFontWeight|setDataValidation|insertRowsAfter|insertColumnsAfter|appendRow|clearContent|clearContents|insertSheet|protect)$/;

function count(w: World, operasi: string, run: () => void): Figure {
  w.log.clear();
  run();
  const calls = w.log.calls;
  const sheet = (c: { target: string }) => /^(Spreadsheet|Sheet|Range)/.test(c.target);
  const baca = calls.filter((c) => sheet(c) && READ.test(c.method)).length;
  const tulis = calls.filter((c) => sheet(c) && WRITE.test(c.method)).length;
  const fetch = calls.filter((c) => c.target === 'UrlFetchApp').length;
  return {
    operasi,
    total: calls.length,
    baca,
    tulis,
    fetch,
    surel: calls.filter((c) => c.target === 'MailApp' && c.method === 'sendEmail').length,
    berat: baca + tulis + fetch,
  };
}

/** A valid answer for every question of a form, from its items (titles, types, choices). */
function answersFor(
  form: FakeForm,
  over: Record<string, string | string[]>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const item of form.items) {
    if (item.title in over) continue;
    if (item.type === 'SCALE') out[item.title] = '3';
    else if (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST')
      out[item.title] = item.choices[0]?.value ?? '';
    else if (item.type === 'CHECKBOX') out[item.title] = [item.choices[0]?.value ?? ''];
  }
  return { ...out, ...over };
}

function formOf(w: World, key: string): FakeForm {
  const ids = JSON.parse(w.scriptProps.getProperty('BANGKOM_FORMS') ?? '{}') as Record<string, string>;
  const f = w.forms.get(ids[key] ?? '');
  if (!f) throw new Error(`formulir ${key} tidak ada`);
  return f;
}

function silence<T>(fn: () => T): T {
  const { log, warn } = console;
  console.log = () => undefined;
  console.warn = () => undefined;
  try {
    return fn();
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

export async function run(): Promise<void> {
  const figures: Figure[] = [];
  // Google Workspace: 1,500 recipients a day
  const w = createWorld({ quota: 1500 });
  w.install();
  try {
    silence(() => {
      const nips = seed(w, 30);
      figures.push(count(w, 'Siapkan Lembar', () => prepareSheets(SpreadsheetApp.getActiveSpreadsheet())));
      figures.push(count(w, 'Buat Formulir (pertama)', () => buatFormulir()));
      figures.push(count(w, 'Buat Formulir (ulang)', () => buatFormulir()));
      figures.push(count(w, 'Validasi Data', () => validasiData()));

      const at = (h: number) => jakarta(2026, 4, 1, h);
      const submit = (label: string, key: string, over: Record<string, string | string[]>, h: number) => {
        const f = formOf(w, key);
        const e = f.submit(answersFor(f, over), at(h));
        figures.push(count(w, `onFormSubmit ${label}`, () => onFormSubmit(e)));
      };
      submit('kebutuhan', 'kebutuhan', { NIP: NIP.ani }, 8);
      submit('atasan', 'atasan', { NIP: NIP.ani, 'NIP Penilai': NIP.kepala }, 9);
      submit('reaksi', 'reaksi', { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, Saran: '' }, 10);
      submit('tes (pre)', 'tes', { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, 'Jenis Tes': 'Pre-test' }, 11);
      submit('tes (post)', 'tes', { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, 'Jenis Tes': 'Post-test' }, 12);
      submit(
        'perilaku (9 kompetensi)',
        'perilaku',
        { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, 'NIP Penilai': NIP.kepala },
        13,
      );
      submit('skm', 'skm', { Saran: '' }, 14);
      submit(
        'kehadiran',
        'kehadiran',
        { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, Kehadiran: 'Hadir', Alasan: '' },
        15,
      );

      // 60 due entries in Antrian: the server was down for 60 submissions, now it answers
      w.fetch.handler = () => ({ code: 503, body: '{"error":"sedang sibuk"}' });
      const reaksi = formOf(w, 'reaksi');
      for (let i = 0; i < 60; i++) {
        const e = reaksi.submit(
          answersFor(reaksi, {
            'ID Sesi': `S-2026-${String(i + 2).padStart(2, '0')}`,
            NIP: nips[i % nips.length] ?? NIP.budi,
            Saran: '',
          }),
          jakarta(2026, 4, 2, 8, i),
        );
        onFormSubmit(e);
      }
      w.fetch.handler = () => ({ code: 200, body: '{"ok":true}' });
      figures.push(count(w, 'Coba ulang antrian (60 entri)', () => cobaUlangAntrian()));

      // one session with 30 participants
      // Siapkan Lembar made Jadwal; the server writes it
      const jadwal = w.spreadsheet.sheet('Jadwal') ?? w.spreadsheet.addSheet('Jadwal');
      jadwal.clearContents().load([
        ['ID Sesi', 'Kode', 'Judul', 'Mulai', 'Selesai', 'Lokasi', 'Peserta'],
        [
          'S-2030-01',
          'PL-01',
          'Pelayanan Prima',
          jakarta(2030, 3, 10, 8),
          jakarta(2030, 3, 11, 16),
          'Aula',
          nips.join(', '),
        ],
      ]);
      figures.push(count(w, 'Kirim Undangan (30 peserta)', () => kirimUndangan()));
      // the session moves a day: one event updated, 30 change notices
      jadwal.write(2, 4, jakarta(2030, 3, 11, 8));
      jadwal.write(2, 5, jakarta(2030, 3, 12, 16));
      figures.push(count(w, 'Kirim Undangan (jadwal berubah)', () => kirimUndangan()));
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      figures.push(
        count(w, 'Pengingat undangan H-3', () => {
          sendInvitations(ss, { now: jakarta(2030, 3, 8, 6) });
        }),
      );
      figures.push(
        count(w, 'Pengingat L3 (30 atasan)', () => {
          sendFollowUps(ss, jakarta(2030, 6, 15, 7));
        }),
      );

      // responses whose runs were stopped before they wrote a Status: the daily sweep finds them
      const kebutuhan = formOf(w, 'kebutuhan');
      for (let i = 0; i < 10; i++)
        kebutuhan.submit(answersFor(kebutuhan, { NIP: nips[i] ?? NIP.budi }), jakarta(2026, 4, 3, 8, i));
      figures.push(count(w, 'Sapuan respons terlewat (10)', () => cobaUlangAntrian()));
      figures.push(count(w, 'Pasang Pemicu', () => pasangPemicu()));

      // the cycle takes three polls (15 s) at the server
      let polls = 0;
      w.fetch.handler = (call) => {
        if (call.url.endsWith('/runCycle'))
          return { code: 202, body: JSON.stringify({ runId: 'r-1', status: 'berjalan' }) };
        if (call.url.endsWith('/runStatus'))
          return {
            code: 200,
            body: JSON.stringify(
              ++polls < 3
                ? { status: 'berjalan', langkah: 'Analisis kesenjangan' }
                : { status: 'selesai', hasil: {} },
            ),
          };
        return { code: 200, body: '{"ok":true}' };
      };
      figures.push(count(w, 'Hitung & Sinkronkan', () => hitungSinkronkan()));
    });
  } finally {
    w.restore();
  }
  console.table(figures);
}
