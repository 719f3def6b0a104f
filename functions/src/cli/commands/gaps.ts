import { computeGaps, type GapsReport, gapConfidence, type ProgramData } from '@bangkom/core';
import type { CommandModule } from '../context.js';
import { exitFor } from '../context.js';
import { heading, more, num, pct, table } from '../format.js';
import { blocks, errorsText, inputJson, inputNotes, validityLine } from '../render.js';

/** How many (employee, competency) pairs of highest priority the text report lists. */
const TOP_PAIRS = 20;

/** `bangkom gaps`: actual level, gap and priority per ASN and competency; mean gap per OPD. */
export const command: CommandModule = {
  name: 'gaps',
  summary: 'hitung level aktual, kesenjangan, dan prioritas per ASN dan per OPD',
  async execute(ctx) {
    const { validation } = await ctx.load();
    const report = computeGaps(validation.data);
    return {
      json: { ...report, errors: validation.errors, ...inputJson(validation) },
      text: blocks(
        gapsText(report, validation.data),
        errorsText(validation.errors),
        validityLine(validation.errors),
        inputNotes(validation),
      ),
      exitCode: exitFor(validation.errors),
    };
  },
};

export function gapsText(report: GapsReport, data: ProgramData): string {
  const opdRows = report.opd.map((o) => [
    o.opd,
    num(o.pegawai),
    num(o.dinilai),
    pct(o.pegawai > 0 ? (o.dinilai / o.pegawai) * 100 : null),
    num(o.rataGap, 2, true),
    o.kompetensi
      .filter((k) => k.rataGap > 0)
      .slice(0, 3)
      .map((k) => `${k.kode} (${num(k.rataGap, 2, true)})`)
      .join(', ') || '–',
  ]);
  const pegawai = report.opd.reduce((a, o) => a + o.pegawai, 0);
  const dinilai = report.opd.reduce((a, o) => a + o.dinilai, 0);
  opdRows.push([
    'Jumlah',
    num(pegawai),
    num(dinilai),
    pct(pegawai > 0 ? (dinilai / pegawai) * 100 : null),
    '',
    '',
  ]);
  const opdTable = table(
    [
      { header: 'OPD' },
      { header: 'Pegawai', right: true },
      { header: 'Dinilai', right: true },
      { header: '% Dinilai', right: true },
      { header: 'Rata-rata Kesenjangan', right: true },
      { header: 'Kesenjangan Tertinggi' },
    ],
    opdRows,
  );

  const names = new Map(data.employees.map((e) => [e.nip, e.nama]));
  const pairs: {
    nip: string;
    opd: string;
    kode: string;
    standar: number;
    aktual: number;
    gap: number;
    prioritas: number;
    keyakinan: string;
  }[] = [];
  let unknown = 0;
  for (const e of report.employees) {
    for (const c of e.competencies) {
      if (c.gap === null || c.aktual === null || c.prioritas === null) unknown++;
      else if (c.prioritas > 0)
        pairs.push({
          nip: e.nip,
          opd: e.opd,
          kode: c.kode,
          standar: c.standar,
          aktual: c.aktual,
          gap: c.gap,
          prioritas: c.prioritas,
          keyakinan: gapConfidence(c),
        });
    }
  }
  pairs.sort(
    (a, b) => b.prioritas - a.prioritas || b.gap - a.gap || (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0),
  );
  const top = pairs.slice(0, TOP_PAIRS);
  const pairTable = table(
    [
      { header: 'NIP' },
      { header: 'Nama' },
      { header: 'OPD' },
      { header: 'Kompetensi' },
      { header: 'Standar', right: true },
      { header: 'Aktual', right: true },
      { header: 'Kesenjangan', right: true },
      { header: 'Prioritas', right: true },
      { header: 'Keyakinan' },
    ],
    top.map((p) => [
      p.nip,
      names.get(p.nip) ?? '',
      p.opd,
      p.kode,
      num(p.standar),
      num(p.aktual, 2),
      num(p.gap, 2),
      num(p.prioritas, 2),
      p.keyakinan,
    ]),
  );
  const notes = [
    `${num(report.employees.length)} pegawai; ${num(pairs.length)} pasangan (pegawai, kompetensi) dengan kesenjangan, ${num(unknown)} belum dinilai (kesenjangan tidak diketahui).`,
    report.jabatanTanpaStandar && report.jabatanTanpaStandar.length > 0
      ? `Jabatan tanpa standar kompetensi (${num(report.jabatanTanpaStandar.length)}): ${report.jabatanTanpaStandar.join(', ')}.`
      : '',
    report.penilaianTidakSah && report.penilaianTidakSah.length > 0
      ? `${num(report.penilaianTidakSah.length)} penilaian dari formulir tidak dihitung karena penilainya tidak berhak (lihat penilaianTidakSah).`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return blocks(
    heading('Kesenjangan kompetensi per OPD'),
    opdTable,
    heading(`Prioritas tertinggi (${num(top.length)} dari ${num(pairs.length)})`),
    top.length > 0 ? pairTable : 'Tidak ada kesenjangan yang diketahui.',
    more(top.length, pairs.length),
    notes,
  );
}
