/**
 * `bangkom export-siasn`: the year's completed courses in the fields of SIASN's riwayat kursus
 * service (docs/rumus.md, *Ekspor SIASN*), as CSV, xlsx and JSON in --out (default `out`).
 *
 * Completers of `Daftar Hadir` are first added to `Riwayat Pelatihan` (as `bangkom run` counts
 * them); the rows written get today's date in `Diekspor SIASN`, in the workbook itself, so a
 * second export of the year writes only what is new (`--semua`: everything again). Exit 1 when
 * some rows were left out (each with its reason) or the input has invalid rows.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { attendanceLoop, resolveTahunJp, siasnExport, type TrainingRecord } from '@bangkom/core';
import { writeBackRiwayat } from '../../adapters/riwayat-writeback.js';
import { writeSiasnFiles } from '../../adapters/siasn-files.js';
import { localDate, yearIn } from '../../time.js';
import type { CommandModule } from '../context.js';
import { heading, more, num, table } from '../format.js';
import { blocks, errorsText, inputJson, inputNotes, validityLine } from '../render.js';

/** Rows left out listed in the text before "gunakan --json". */
const SHOWN = 20;

export const command: CommandModule = {
  name: 'export-siasn',
  summary: 'ekspor riwayat kursus tahun itu untuk SIASN (CSV, xlsx, JSON; --tahun, --semua)',
  async execute(ctx) {
    const input = await ctx.load();
    const { validation } = input;
    const tahun = resolveTahunJp(validation.data, ctx.options.tahun, yearIn(ctx.startedAt));
    const loop = attendanceLoop(validation.data, tahun);
    const out = siasnExport(loop.data, { tahun, semua: ctx.options.semua });
    const dir = resolve(ctx.io.cwd, ctx.options.out ?? 'out');
    await mkdir(dir, { recursive: true });
    // nothing new: no file (an earlier export's files stay as they are)
    const files =
      out.rows.length > 0 ? await writeSiasnFiles(dir, tahun, localDate(ctx.startedAt), out.rows) : null;

    // mark what was written: sheet rows by number, rows made from Daftar Hadir appended
    const tanggal = localDate(ctx.startedAt);
    const exported = new Set<TrainingRecord>(out.sources);
    const append = loop.records.map((t) => (exported.has(t) ? { ...t, dieksporSiasn: tanggal } : t));
    const mark = out.sources.filter((t) => t.row > 0).map((t) => t.row);
    await writeBackRiwayat(input.path, { append, mark, tanggal });

    const json = {
      tahun,
      files,
      rows: out.rows.length,
      riwayatBaru: loop.records.length,
      sudahDiekspor: out.sudahDiekspor,
      tidakDiekspor: out.tidakDiekspor,
      errors: validation.errors,
      ...inputJson(validation),
    };
    const left = out.tidakDiekspor;
    return {
      json,
      text: blocks(
        heading(`Ekspor SIASN riwayat kursus tahun ${tahun}`),
        [
          files
            ? `${num(out.rows.length)} baris ditulis ke ${files.csv}, ${files.xlsx} dan ${files.json}.`
            : 'Tidak ada baris baru untuk diekspor; tidak ada berkas yang ditulis.',
          `${num(loop.records.length)} baris Riwayat Pelatihan baru dari Daftar Hadir ditambahkan ke buku kerja.`,
          `${num(out.sudahDiekspor)} baris sudah diekspor sebelumnya (kolom Diekspor SIASN) dan tidak ditulis lagi${ctx.options.semua ? '' : '; --semua untuk menulis semuanya'}.`,
          left.length > 0
            ? `${num(left.length)} baris tidak dapat diekspor:`
            : 'Semua baris tahun ini dapat diekspor.',
        ].join('\n'),
        left.length > 0
          ? table(
              [
                { header: 'Baris', right: true },
                { header: 'NIP' },
                { header: 'Pelatihan' },
                { header: 'Alasan' },
              ],
              left
                .slice(0, SHOWN)
                .map((x) => [x.row > 0 ? String(x.row) : 'baru', x.nip, x.namaPelatihan, x.alasan]),
            )
          : '',
        left.length > SHOWN ? more(SHOWN, left.length) : '',
        errorsText(validation.errors),
        validityLine(validation.errors),
        inputNotes(validation),
      ),
      exitCode: left.length > 0 || validation.errors.length > 0 ? 1 : 0,
    };
  },
};
