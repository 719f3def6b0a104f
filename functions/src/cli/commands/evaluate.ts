import { type EvaluationReport, evaluate } from '@bangkom/core';
import type { CommandModule } from '../context.js';
import { exitFor } from '../context.js';
import { heading, num, table } from '../format.js';
import { blocks, errorsText, inputJson, inputNotes, validityLine } from '../render.js';

/** `bangkom evaluate`: reaction index (L1), N-gain (L2) and behaviour change (L3) per session. */
export const command: CommandModule = {
  name: 'evaluate',
  summary: 'evaluasi pelatihan per sesi: reaksi, N-gain, dan perubahan perilaku',
  async execute(ctx) {
    const { validation } = await ctx.load();
    const report = evaluate(validation.data);
    return {
      json: { ...report, errors: validation.errors, ...inputJson(validation) },
      text: blocks(
        evaluationText(report),
        errorsText(validation.errors),
        validityLine(validation.errors),
        inputNotes(validation),
      ),
      exitCode: exitFor(validation.errors),
    };
  },
};

export function evaluationText(report: EvaluationReport): string {
  if (report.sessions.length === 0) {
    return blocks(
      heading('Evaluasi pelatihan'),
      'Tidak ada data evaluasi (Evaluasi Reaksi, Tes, Evaluasi Perilaku).',
    );
  }
  return blocks(
    heading('Evaluasi pelatihan per sesi'),
    table(
      [
        { header: 'Sesi' },
        { header: 'Peserta', right: true },
        { header: 'Indeks Reaksi', right: true },
        { header: 'N-gain', right: true },
        { header: 'Kategori N-gain' },
        { header: 'Perubahan Perilaku', right: true },
      ],
      report.sessions.map((s) => [
        s.sesi,
        num(s.peserta),
        num(s.reaksi, 1, true),
        num(s.nGain, 2, true),
        s.kategoriNGain ?? '–',
        s.perilaku === null ? '–' : `${s.perilaku > 0 ? '+' : ''}${num(s.perilaku, 2, true)}`,
      ]),
    ),
  );
}
