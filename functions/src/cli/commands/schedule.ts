/**
 * `bangkom schedule`: the training plan and calendar of the fiscal year within each OPD's Pagu
 * (docs/rumus.md, "Penjadwalan"). JSON per docs/cli.md: `{ sessions, objective, bound, budget }` plus extensions.
 * With --out, the schedule sheets also go to `<out>/jadwal-pelatihan.xlsx`.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { computeGaps, resolveTahun, type ScheduleReport, sessionCost } from '@bangkom/core';
import ExcelJS from 'exceljs';
import { addScheduleSheets } from '../../adapters/schedule-sheets.js';
import { planSchedule } from '../../adapters/scheduler.js';
import { yearIn } from '../../time.js';
import type { CommandModule } from '../context.js';
import { exitFor } from '../context.js';
import { heading, more, num, pct, rupiah, table } from '../format.js';
import { blocks, errorsText, inputJson, inputNotes, validityLine } from '../render.js';
import { readPreviousPlan, replanText } from './schedule-ulang.js';

export const SCHEDULE_FILE = 'jadwal-pelatihan.xlsx';
const SESSIONS_SHOWN = 25;

export const command: CommandModule = {
  name: 'schedule',
  summary: 'susun jadwal pelatihan dan rencana pengembangan dalam pagu',
  async execute(ctx) {
    const { validation } = await ctx.load();
    const data = validation.data;
    const tahun = resolveTahun(data, ctx.options.tahun, yearIn(ctx.startedAt));
    const gaps = computeGaps(data);
    const p = ctx.log.progress();
    p.start(`Menyusun jadwal pelatihan tahun ${tahun}`, 0);
    // --ulang: before anything is written, read the plan the last --out left
    const sebelumnya = ctx.options.ulang ? await readPreviousPlan(ctx.io.cwd, ctx.options.out) : undefined;
    let report: ScheduleReport;
    try {
      report = await planSchedule(data, gaps, {
        tahun,
        now: ctx.startedAt,
        ...(sebelumnya ? { sebelumnya } : {}),
      });
    } finally {
      p.stop();
    }
    if (ctx.options.out !== undefined) {
      const dir = resolve(ctx.io.cwd, ctx.options.out);
      await mkdir(dir, { recursive: true });
      const wb = new ExcelJS.Workbook();
      addScheduleSheets(wb, report);
      const file = join(dir, SCHEDULE_FILE);
      await wb.xlsx.writeFile(file);
      ctx.log.info(`Jadwal pelatihan disimpan di ${file}`);
    }
    return {
      json: { ...report, errors: validation.errors, ...inputJson(validation) },
      text: blocks(
        scheduleText(report),
        replanText(report),
        errorsText(validation.errors),
        validityLine(validation.errors),
        inputNotes(validation),
      ),
      exitCode: exitFor(validation.errors),
    };
  },
};

/** `Belum terpenuhi menurut batas: batas-jp 637, anggaran 77, ...`, most first; empty when all are met. */
function unmetByLimit(r: ScheduleReport): string {
  const count = new Map<string, number>();
  for (const u of r.unmet) if (u.batas) count.set(u.batas, (count.get(u.batas) ?? 0) + 1);
  if (count.size === 0) return '';
  const parts = [...count]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([batas, n]) => `${batas} ${num(n)}`);
  return `Belum terpenuhi menurut batas: ${parts.join(', ')}.`;
}

export function scheduleText(r: ScheduleReport): string {
  // the Pengajar column only when the workbook has trainers (some session names one), the
  // session's cost only when some course has a Biaya per Angkatan
  const withTrainers = r.sessions.some((s) => s.pengajar);
  const withCost = r.sessions.some((s) => (s.biayaPerAngkatan ?? 0) > 0);
  const sessionRows = r.sessions
    .slice(0, SESSIONS_SHOWN)
    .map((s) => [
      s.id,
      s.judul,
      s.mulai,
      s.selesai,
      s.ruang ?? (s.moda === 'Daring' ? 'Daring' : '–'),
      ...(withTrainers ? [s.pengajar ?? '–'] : []),
      num(s.peserta.length),
      ...(withCost ? [rupiah(sessionCost(s))] : []),
    ]);
  const budgetRows = r.budget
    .filter((b) => b.pagu > 0 || b.terpakai > 0)
    .map((b) => [
      b.opd,
      rupiah(b.pagu),
      rupiah(b.terpakai),
      pct(b.pagu > 0 ? (b.terpakai / b.pagu) * 100 : null),
      num(b.peserta),
    ]);
  const mutu = r.bound > 0 ? (r.objective / r.bound) * 100 : 100;
  const memenuhi = r.individu.filter((i) => i.memenuhiTarget).length;
  const s = r.stats;
  const notes = [
    `Objektif ${num(r.objective, 3, true)}; batas atas ${num(r.bound, 3, true)} (${pct(mutu, 2)} dari batas atas; ${s.status === 'optimal' ? 'optimal' : 'layak'}, metode ${s.metode}${s.statusMilp ? `, HiGHS: ${s.statusMilp}` : ''}).`,
    `${num(s.peserta)} pendaftaran dalam ${num(r.sessions.length)} sesi untuk ${num(s.pegawaiBerkebutuhan)} ASN berkebutuhan; ${num(memenuhi)} ASN mencapai ${num(r.target)} JP dengan rencana ini.`,
    `${num(r.unmet.length)} kebutuhan belum terpenuhi${s.gagalDijadwalkan > 0 ? `; ${num(s.gagalDijadwalkan)} pendaftaran tidak muat di kalender` : ''}. Hari kerja tahun ${r.tahun}: ${num(s.hariKerja)}.`,
    unmetByLimit(r),
    s.preferensiBulan.total > 0
      ? `Preferensi bulan terpenuhi ${num(s.preferensiBulan.dihormati)} dari ${num(s.preferensiBulan.total)}; preferensi moda ${num(s.preferensiModa.dihormati)} dari ${num(s.preferensiModa.total)}.`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  const warnings =
    r.peringatan.length > 0
      ? blocks(
          heading(`Peringatan penjadwalan (${num(r.peringatan.length)})`),
          table(
            [
              { header: 'Lembar' },
              { header: 'Baris', right: true },
              { header: 'Kolom' },
              { header: 'Keterangan' },
            ],
            r.peringatan.map((w) => [w.sheet, w.row > 0 ? num(w.row) : '–', w.column, w.message]),
          ),
        )
      : '';
  return blocks(
    heading(`Jadwal pelatihan tahun ${r.tahun}`),
    r.sessions.length > 0
      ? table(
          [
            { header: 'ID Sesi' },
            { header: 'Judul' },
            { header: 'Mulai' },
            { header: 'Selesai' },
            { header: 'Ruang' },
            ...(withTrainers ? [{ header: 'Pengajar' }] : []),
            { header: 'Peserta', right: true },
            ...(withCost ? [{ header: 'Biaya Sesi', right: true }] : []),
          ],
          sessionRows,
        )
      : 'Tidak ada sesi yang dapat dijadwalkan.',
    more(Math.min(SESSIONS_SHOWN, r.sessions.length), r.sessions.length),
    heading('Anggaran per OPD'),
    table(
      [
        { header: 'OPD' },
        { header: 'Pagu', right: true },
        { header: 'Terpakai', right: true },
        { header: 'Serapan', right: true },
        { header: 'Peserta', right: true },
      ],
      budgetRows,
    ),
    notes,
    warnings,
  );
}
