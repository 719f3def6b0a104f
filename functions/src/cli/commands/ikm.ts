import { computeIkm, type IkmReport } from '@bangkom/core';
import type { CommandModule } from '../context.js';
import { exitFor } from '../context.js';
import { heading, num, table } from '../format.js';
import { blocks, errorsText, inputJson, inputNotes, validityLine } from '../render.js';

/** `bangkom ikm`: the public-satisfaction index per service unit and period (PermenPAN-RB 14/2017). */
export const command: CommandModule = {
  name: 'ikm',
  summary: 'hitung Indeks Kepuasan Masyarakat per unit layanan dan periode',
  async execute(ctx) {
    const { validation } = await ctx.load();
    const report = computeIkm(validation.data.skm);
    return {
      json: { ...report, errors: validation.errors, ...inputJson(validation) },
      text: blocks(
        ikmText(report),
        errorsText(validation.errors),
        validityLine(validation.errors),
        inputNotes(validation),
      ),
      exitCode: exitFor(validation.errors),
    };
  },
};

export function ikmText(report: IkmReport): string {
  if (report.units.length === 0 && !report.tanpaJawaban?.length) {
    return blocks(heading('Indeks Kepuasan Masyarakat (IKM)'), 'Tidak ada jawaban SKM.');
  }
  const main = table(
    [
      { header: 'Unit Layanan' },
      { header: 'Periode' },
      { header: 'Responden', right: true },
      { header: 'IKM', right: true },
      { header: 'Konversi', right: true },
      { header: 'Mutu' },
      { header: 'Kinerja' },
    ],
    report.units.map((u) => [
      u.unit,
      u.periode,
      num(u.responden),
      num(u.ikm, 3, true),
      num(u.konversi, 2, true),
      u.mutu,
      u.kinerja,
    ]),
  );
  const nrr = table(
    [
      { header: 'Unit Layanan' },
      { header: 'Periode' },
      ...Array.from({ length: 9 }, (_, i) => ({ header: `U${i + 1}`, right: true })),
    ],
    report.units.map((u) => [u.unit, u.periode, ...u.nrr.map((v) => num(v, 2, true))]),
  );
  const empty =
    report.tanpaJawaban && report.tanpaJawaban.length > 0
      ? `Tanpa jawaban sama sekali (IKM tidak dapat dihitung): ${report.tanpaJawaban.map((t) => `${t.unit} ${t.periode}`).join(', ')}.`
      : '';
  return blocks(
    heading('Indeks Kepuasan Masyarakat (IKM)'),
    main,
    heading('Nilai rata-rata per unsur (NRR)'),
    nrr,
    empty,
  );
}
