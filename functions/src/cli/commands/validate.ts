import type { CommandModule } from '../context.js';
import { exitFor } from '../context.js';
import { heading } from '../format.js';
import { blocks, countsText, errorsText, inputNotes, validityLine } from '../render.js';

/** `bangkom validate`: every error with sheet, row, column, value and message; counts per sheet. */
export const command: CommandModule = {
  name: 'validate',
  summary: 'periksa isian setiap lembar dan laporkan setiap kesalahan',
  async execute(ctx) {
    const { validation } = await ctx.load();
    const { valid, errors, counts, ignoredSheets, ignoredColumns } = validation;
    return {
      json: { valid, errors, counts, ignoredSheets, ignoredColumns },
      text: blocks(
        heading('Pemeriksaan buku kerja'),
        countsText(counts),
        errorsText(errors),
        validityLine(errors),
        inputNotes(validation),
      ),
      exitCode: exitFor(errors),
    };
  },
};
