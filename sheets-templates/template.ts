/**
 * The blank program workbook (`template-bangkom.xlsx`), generated from the core's SHEET_SPECS
 * so it can never drift from the parsers: one sheet per spec with the spec's headers (plus the
 * repeating columns expanded), and a `Petunjuk` sheet in Bahasa Indonesia.
 */
import {
  DEFAULT_DICTIONARY,
  DEFAULT_LEVEL_DESCRIPTIONS,
  DEFAULT_SETTINGS,
  type RawSheet,
  SHEET,
  SHEET_SPECS,
  type SheetSpec,
} from '@bangkom/core';
import type ExcelJS from 'exceljs';
import { addStyledSheet, competencyNotes, finishWorkbook, newWorkbookWriter } from './xlsx.js';

/** Empty rows of each sheet prepared with dropdowns and range checks. */
export const TEMPLATE_ROWS = 1000;

/** Evaluasi Reaksi questions R1..R10 (Level 1, Kirkpatrick): the template's default form. */
export const REACTION_QUESTIONS: readonly string[] = [
  'Materi sesuai dengan kebutuhan tugas saya.',
  'Materi tersusun runtut dan mudah dipahami.',
  'Pengajar menguasai materi.',
  'Pengajar menyampaikan materi dengan jelas dan menarik.',
  'Metode pembelajaran mendorong peserta aktif.',
  'Waktu pelatihan memadai.',
  'Bahan ajar dan media pembelajaran membantu.',
  'Sarana dan prasarana (atau platform daring) mendukung.',
  'Panitia melayani peserta dengan baik.',
  'Secara keseluruhan, pelatihan ini bermanfaat bagi pekerjaan saya.',
];

/** The header row of a sheet as the template writes it (repeating columns expanded). */
export function templateHeaders(spec: SheetSpec): string[] {
  const fixed = spec.columns.map((c) => c.header);
  if (spec.name === SHEET.penilaian)
    return [...fixed, ...DEFAULT_DICTIONARY.map((d) => `${d.kode} ${d.nama}`)];
  if (spec.name === SHEET.reaksi) return [...fixed, ...REACTION_QUESTIONS.map((_, i) => `R${i + 1}`)];
  return fixed;
}

/** Rows the template fills in: the default dictionary and the default settings. */
function prefilled(spec: SheetSpec): RawSheet {
  if (spec.name === SHEET.kamus)
    return DEFAULT_DICTIONARY.map((d) => [
      d.kode,
      d.nama,
      d.kelompok,
      ...(DEFAULT_LEVEL_DESCRIPTIONS[d.kode] ?? []),
    ]);
  if (spec.name === SHEET.pengaturan) {
    return [
      ['Target JP', DEFAULT_SETTINGS.targetJp],
      ['Bobot Asesmen', DEFAULT_SETTINGS.bobot.Asesmen],
      ['Bobot Atasan', DEFAULT_SETTINGS.bobot.Atasan],
      ['Bobot Diri', DEFAULT_SETTINGS.bobot.Diri],
    ];
  }
  return [];
}

const reactionNotes = (): Record<string, string> =>
  Object.fromEntries(
    REACTION_QUESTIONS.map((q, i) => [
      `R${i + 1}`,
      `${q} Nilai 1–4 (1 tidak setuju … 4 sangat setuju), kosong bila tidak dijawab.`,
    ]),
  );

/** The `Petunjuk` sheet: what each sheet holds, which columns are required, general rules. */
export function petunjukRows(): RawSheet {
  const rows: RawSheet = [
    ['Petunjuk Pengisian Buku Kerja bangkom'],
    [
      'Buku kerja ini dipakai untuk merencanakan, menganalisis, menjadwalkan, dan mengevaluasi pengembangan kompetensi ASN.',
    ],
    [],
    ['Aturan umum'],
    [
      '1. Baris pertama setiap lembar adalah judul kolom. Jangan mengubah nama judul; urutan kolom boleh diubah dan kolom tambahan boleh ditambahkan (akan diabaikan).',
    ],
    [
      '2. Judul berwarna biru tua wajib diisi; biru muda boleh dikosongkan. Arahkan tetikus ke judul kolom untuk membaca catatannya.',
    ],
    [
      '3. NIP ditulis sebagai teks 18 digit (kolom sudah berformat teks) agar angka nol dan digit terakhir tidak hilang.',
    ],
    ['4. Tanggal boleh berupa tanggal lembar kerja, teks YYYY-MM-DD, atau DD/MM/YYYY.'],
    [
      '5. Baris yang tidak sah tidak dibuang: baris itu dilaporkan (lembar, baris, kolom, alasan) dan dikarantina, sedangkan baris lain tetap diproses.',
    ],
    [
      '6. Jawaban Google Formulir boleh ditempel langsung: kolom "Stempel waktu" dibaca sebagai Waktu, dan judul seperti "[M.01] Integritas" dikenali sebagai kompetensi M.01.',
    ],
    [
      '7. Bentuk pengembangan kompetensi memakai kode Peraturan LAN 10/2018: KL01–KL12 (klasikal, mis. pelatihan, seminar, workshop, kursus, bimbingan teknis) dan NKL01–NKL13 (nonklasikal, mis. coaching, mentoring, e-learning, magang, belajar mandiri).',
    ],
    ['8. Target JP bawaan 20 JP per pegawai per tahun (PP 17/2020 Pasal 203 ayat 4).'],
    [],
    ['Lembar', 'Wajib ada', 'Isi', 'Kolom wajib', 'Kolom pilihan'],
  ];
  for (const spec of SHEET_SPECS) {
    const required = spec.columns.filter((c) => c.required).map((c) => c.header);
    const optional = spec.columns.filter((c) => !c.required).map((c) => c.header);
    if (spec.repeating) {
      optional.push(
        spec.name === SHEET.penilaian
          ? 'satu kolom per kompetensi, mis. "M.01 Integritas" atau "[M.01] Integritas"'
          : 'R1, R2, … satu kolom per pertanyaan',
      );
    }
    rows.push([
      spec.name,
      spec.optional ? 'Tidak' : 'Ya',
      spec.note,
      required.join(', '),
      optional.join(', '),
    ]);
  }
  return rows;
}

function addPetunjuk(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Petunjuk');
  ws.columns = [{ width: 24 }, { width: 11 }, { width: 70 }, { width: 40 }, { width: 50 }];
  const rows = petunjukRows();
  rows.forEach((values, i) => {
    const row = ws.addRow(values);
    const first = String(values[0] ?? '');
    if (i === 0) row.font = { bold: true, size: 14 };
    else if (first === 'Aturan umum' || first === 'Lembar') row.font = { bold: true };
    row.alignment = { wrapText: i > 0 && values.length > 1, vertical: 'top' };
    row.commit();
  });
  ws.commit();
}

/** Writes the template workbook: `Petunjuk` first, then every sheet of SHEET_SPECS. */
export async function writeTemplateXlsx(path: string): Promise<void> {
  const writer = newWorkbookWriter();
  addPetunjuk(writer.wb);
  const notes = { ...competencyNotes(DEFAULT_DICTIONARY), ...reactionNotes() };
  for (const spec of SHEET_SPECS) {
    const rows: RawSheet = [templateHeaders(spec), ...prefilled(spec)];
    addStyledSheet(writer.wb, spec.name, rows, { validatedRows: TEMPLATE_ROWS }, notes);
  }
  await finishWorkbook(writer, path);
}
