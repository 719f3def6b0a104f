/**
 * `bangkom schedule --ulang`: the previous plan is `<out>/schedule.json` (what `bangkom schedule
 * --out DIR` wrote last time); the re-plan keeps its sessions already started or announced and
 * reports the change (docs/cli.md).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PreviousSession, ScheduleReport } from '@bangkom/core';
import { z } from 'zod';
import { plannedSessionSchema, previousSession } from '../../adapters/previous-plan.js';
import { heading, more, num, table } from '../format.js';
import { blocks } from '../render.js';

const DIFF_SHOWN = 25;

const previousSchema = z.object({ sessions: z.array(plannedSessionSchema) });

/** The previous plan's sessions from `<out>/schedule.json`; an Indonesian error when it cannot be used. */
export async function readPreviousPlan(cwd: string, out: string | undefined): Promise<PreviousSession[]> {
  if (out === undefined)
    throw new Error(
      '--ulang memerlukan --out DIR: jadwal sebelumnya dibaca dari DIR/schedule.json yang ditulis bangkom schedule --out DIR.',
    );
  const file = join(resolve(cwd, out), 'schedule.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(
      `Jadwal sebelumnya ${file} tidak ditemukan. Jalankan dulu bangkom schedule dengan --out yang sama.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Jadwal sebelumnya ${file} bukan JSON yang sah.`);
  }
  const result = previousSchema.safeParse(parsed);
  if (!result.success)
    throw new Error(
      `Jadwal sebelumnya ${file} tidak berisi daftar sesi (id, kode, mulai, selesai, peserta) seperti keluaran bangkom schedule.`,
    );
  return result.data.sessions.map(previousSession);
}

/** The change against the previous plan, as text (empty when the report is not a re-plan). */
export function replanText(r: ScheduleReport): string {
  const u = r.ulang;
  if (!u) return '';
  const rows: string[][] = [
    ...u.sesiBaru.map((id) => ['baru', id, '']),
    ...u.sesiPindah.map((m) => ['pindah', m.id, `${m.dari} → ${m.ke}`]),
    ...u.pengajarGanti.map((g) => [
      'pengajar',
      g.id,
      `${g.dari ?? 'tanpa pengajar'} → ${g.ke ?? 'tanpa pengajar'}`,
    ]),
    ...u.sesiBatal.map((id) => ['batal', id, '']),
    ...u.dilepas.map((d) => ['dilepas', d.id, d.alasan]),
  ];
  const summary = [
    `${num(u.tetap.length)} sesi tetap (sudah dimulai atau diumumkan), ${num(u.sesiBaru.length)} sesi baru, ${num(u.sesiPindah.length)} dipindah, ${num(u.pengajarGanti.length)} berganti pengajar, ${num(u.sesiBatal.length)} dibatalkan.`,
    `${num(u.pesertaMasuk.length)} peserta ditambahkan, ${num(u.pesertaKeluar.length)} dikeluarkan.`,
  ].join('\n');
  return blocks(
    heading('Perubahan dari jadwal sebelumnya'),
    summary,
    rows.length > 0
      ? table(
          [{ header: 'Perubahan' }, { header: 'ID Sesi' }, { header: 'Keterangan' }],
          rows.slice(0, DIFF_SHOWN),
        )
      : '',
    more(Math.min(DIFF_SHOWN, rows.length), rows.length),
  );
}
