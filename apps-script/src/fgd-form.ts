/**
 * The note-taker's form of a focus-group discussion (FGD): the FGD's date, OPD, size and
 * facilitator, then its needs in ranked order, each a dictionary competency or a free topic with
 * a note. One response becomes one `Diskusi Kelompok` row per ranked need (docs/lembar-kerja.md),
 * written to the sheet only (the Cloud Functions read it at the next Hitung & Sinkronkan); staff
 * may later map a free topic to a code in the sheet.
 */
import { SHEET } from '@bangkom/core';
import {
  codesIn,
  compTitle,
  type FormDef,
  leadingInt,
  type Question,
  type TargetRow,
  text,
} from './form-defs.js';

/** Ranked needs a note-taker can record in one response. */
export const FGD_RANKS = 5;

const F = {
  tanggal: 'Tanggal FGD',
  opd: 'OPD atau kelompok',
  peserta: 'Jumlah peserta',
  fasilitator: 'Fasilitator',
} as const;

const kode = (i: number) => `Peringkat ${i}: kompetensi`;
const topik = (i: number) => `Peringkat ${i}: topik bebas`;
const catatan = (i: number) => `Peringkat ${i}: catatan`;

/** `Diskusi Kelompok` key: one row per FGD (date, OPD) and competency or topic. */
const FGD_KEY = ['Tanggal', 'OPD', 'Kode Kompetensi', 'Topik'] as const;

export const FGD_FORM: FormDef = {
  key: 'fgd',
  title: 'Catatan Diskusi Kelompok Terpumpun (FGD)',
  description:
    'Diisi notulis setelah FGD kebutuhan pengembangan kompetensi: urutkan kebutuhan yang disepakati, ' +
    'peringkat 1 = paling dibutuhkan. Pilih kompetensi dari kamus, atau tulis topik bebas bila tidak ada.',
  responseSheet: 'Respons Catatan FGD',
  quiz: false,
  questions: (ctx) => [
    {
      title: F.tanggal,
      type: 'text',
      required: false,
      help: 'DD/MM/YYYY; kosongkan bila FGD berlangsung hari ini.',
    },
    ctx.units.length > 0
      ? { title: F.opd, type: 'list', required: true, choices: ctx.units }
      : { title: F.opd, type: 'text', required: true, help: 'Nama OPD seperti di lembar Pegawai.' },
    { title: F.peserta, type: 'text', required: false, help: 'Angka, mis. 15.' },
    { title: F.fasilitator, type: 'text', required: false },
    ...Array.from({ length: FGD_RANKS }, (_, n): Question[] => [
      { title: kode(n + 1), type: 'list', required: n === 0, choices: ctx.competencies.map(compTitle) },
      { title: topik(n + 1), type: 'text', required: false, help: 'Bila kebutuhannya tidak ada di daftar.' },
      { title: catatan(n + 1), type: 'paragraph', required: false },
    ]).flat(),
  ],
  toRows: (a, meta) => {
    const typed = text(a[F.tanggal]);
    // blank: the day of the submission (local wall-clock serial), as Presensi records it
    const tanggal = typed !== '' ? typed : meta.waktu === null ? '' : Math.floor(meta.waktu);
    const rows: TargetRow[] = [];
    for (let i = 1; i <= FGD_RANKS; i++) {
      const code = codesIn(a[kode(i)]);
      const free = text(a[topik(i)]);
      if (code === '' && free === '') continue;
      rows.push({
        sheet: SHEET.fgd,
        kind: 'fgd',
        key: FGD_KEY,
        suffix: `~fgd${i}`,
        values: {
          Tanggal: tanggal,
          OPD: text(a[F.opd]),
          Peserta: leadingInt(a[F.peserta]),
          Fasilitator: text(a[F.fasilitator]),
          'Kode Kompetensi': code,
          Topik: free,
          Peringkat: i,
          Catatan: text(a[catatan(i)]),
        },
      });
    }
    return rows;
  },
};
