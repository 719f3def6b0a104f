import { computeJp, type JpReport, resolveTahunJp } from '@bangkom/core';
import { yearIn } from '../../time.js';
import type { CommandModule } from '../context.js';
import { exitFor } from '../context.js';
import { heading, num, pct, table } from '../format.js';
import { blocks, errorsText, inputJson, inputNotes, validityLine } from '../render.js';

/** `bangkom jp`: JP per ASN in the year and 20-JP compliance per OPD (PP 17/2020 art. 203). */
export const command: CommandModule = {
  name: 'jp',
  summary: 'hitung JP per ASN dalam setahun dan kepatuhan 20 JP per OPD (--tahun)',
  async execute(ctx) {
    const { validation } = await ctx.load();
    const tahun = resolveTahunJp(validation.data, ctx.options.tahun, yearIn(ctx.startedAt));
    const report = computeJp(validation.data, tahun);
    return {
      json: { ...report, errors: validation.errors, ...inputJson(validation) },
      text: blocks(
        jpText(report),
        errorsText(validation.errors),
        validityLine(validation.errors),
        inputNotes(validation),
      ),
      exitCode: exitFor(validation.errors),
    };
  },
};

export function jpText(report: JpReport): string {
  const rows = report.opd.map((o) => [
    o.opd,
    num(o.pegawai),
    num(o.memenuhi),
    num(o.pegawai - o.memenuhi),
    pct(o.persen),
  ]);
  const pegawai = report.opd.reduce((a, o) => a + o.pegawai, 0);
  const memenuhi = report.opd.reduce((a, o) => a + o.memenuhi, 0);
  rows.push([
    'Jumlah',
    num(pegawai),
    num(memenuhi),
    num(pegawai - memenuhi),
    pct(pegawai > 0 ? (memenuhi / pegawai) * 100 : null),
  ]);
  const totalJp = report.employees.reduce((a, e) => a + e.jp, 0);
  const notes = [
    `Rata-rata ${num(report.employees.length > 0 ? totalJp / report.employees.length : null, 1)} JP per pegawai; ${num(report.employees.length - memenuhi)} pegawai belum mencapai ${num(report.target)} JP.`,
    report.nipTidakDikenal && report.nipTidakDikenal.length > 0
      ? `${num(report.nipTidakDikenal.length)} NIP di Riwayat Pelatihan tahun ${report.tahun} tidak ada di lembar Pegawai (tidak dihitung).`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return blocks(
    heading(`Jam pelajaran (JP) tahun ${report.tahun}, target ${num(report.target)} JP per pegawai`),
    table(
      [
        { header: 'OPD' },
        { header: 'Pegawai', right: true },
        { header: 'Memenuhi', right: true },
        { header: 'Belum', right: true },
        { header: '% Memenuhi', right: true },
      ],
      rows,
    ),
    notes,
  );
}
