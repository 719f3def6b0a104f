/**
 * The `Perubahan Jadwal` sheet (staff only: it names ASN by NIP): what a re-plan changed against
 * the previous schedule, one row per change: sessions kept, released, added, moved, with another
 * trainer and cancelled, then participants added and removed. Written by "Hitung & Sinkronkan"
 * (scheduleTrainings) and into the staff workbook of `bangkom run`; empty (header only) when
 * there was no previous schedule of the year. Dates in `Keterangan` read dd/mm/yyyy.
 */
import { announcements } from './announced.js';
import type { PreviousSession } from './schedule/replan.js';
import type { ScheduleReport } from './schedule-report.js';
import type { ProgramData } from './types.js';

export const PERUBAHAN_JADWAL_HEADER = ['Perubahan', 'ID Sesi', 'Kode', 'NIP', 'Nama', 'Keterangan'] as const;

export type ReplanRow = [string, string, string, string, string, string];

/** How many changes of each kind (numbers only: what the Apps Script dialog shows). */
export interface ReplanCounts {
  tetap: number;
  dilepas: number;
  baru: number;
  pindah: number;
  /** sessions whose trainer changed */
  pengajar: number;
  batal: number;
  masuk: number;
  keluar: number;
}

export function replanCounts(report: Pick<ScheduleReport, 'ulang'>): ReplanCounts | null {
  const u = report.ulang;
  if (!u) return null;
  return {
    tetap: u.tetap.length,
    dilepas: u.dilepas.length,
    baru: u.sesiBaru.length,
    pindah: u.sesiPindah.length,
    pengajar: u.pengajarGanti.length,
    batal: u.sesiBatal.length,
    masuk: u.pesertaMasuk.length,
    keluar: u.pesertaKeluar.length,
  };
}

const when = (s: { mulai: string; selesai: string; ruang?: string | null | undefined }) =>
  `${s.mulai} s.d. ${s.selesai}${s.ruang ? `, ${s.ruang}` : ''}`;

/** ISO dates inside a note as staff read them: 2027-03-01 → 01/03/2027. */
const tanggalId = (text: string): string => text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');

/** The sheet's rows (header excluded), in the order above; none when the report is not a re-plan. */
export function replanRows(
  report: Pick<ScheduleReport, 'ulang' | 'sessions'>,
  previous: readonly PreviousSession[],
  data: Pick<ProgramData, 'employees' | 'attendance' | 'invitations'>,
): ReplanRow[] {
  const u = report.ulang;
  if (!u) return [];
  const before = new Map(previous.map((s) => [s.id, s] as const));
  const after = new Map(report.sessions.map((s) => [s.id, s] as const));
  const kode = (id: string) => after.get(id)?.kode ?? before.get(id)?.kode ?? '';
  const nama = new Map(data.employees.map((e) => [e.nip, e.nama] as const));
  const declined = announcements(data).declined;
  const released = new Set(u.dilepas.map((d) => d.id));
  const cancelled = new Set(u.sesiBatal);
  const rows: ReplanRow[] = [];
  const session = (label: string, id: string, note: string) =>
    rows.push([label, id, kode(id), '', '', tanggalId(note)]);
  for (const id of u.tetap) {
    const s = after.get(id) ?? before.get(id);
    session('Sesi tetap', id, `Sudah dimulai atau diumumkan; tetap ${s ? when(s) : ''}`.trim());
  }
  for (const d of u.dilepas) session('Sesi dilepas', d.id, d.alasan);
  for (const id of u.sesiBaru) {
    const s = after.get(id);
    session('Sesi baru', id, s ? `${when(s)}; ${s.peserta.length} peserta` : '');
  }
  for (const m of u.sesiPindah) session('Sesi dipindah', m.id, `${m.dari} → ${m.ke}`);
  const trainer = (nama: string | null) => nama ?? 'tanpa pengajar';
  for (const g of u.pengajarGanti)
    session('Pengajar berganti', g.id, `Pengajar ${trainer(g.dari)} → ${trainer(g.ke)}`);
  for (const id of u.sesiBatal)
    session(
      'Sesi dibatalkan',
      id,
      released.has(id) ? 'Dilepas (lihat baris Sesi dilepas).' : 'Tidak ada lagi di jadwal baru.',
    );
  const person = (label: string, sesi: string, nip: string, note: string) =>
    rows.push([label, sesi, kode(sesi), nip, nama.get(nip) ?? '', note]);
  for (const p of u.pesertaMasuk) person('Peserta masuk', p.sesi, p.nip, '');
  for (const p of u.pesertaKeluar)
    person(
      'Peserta keluar',
      p.sesi,
      p.nip,
      declined.get(p.sesi)?.has(p.nip)
        ? 'Menjawab Tidak Hadir.'
        : cancelled.has(p.sesi)
          ? 'Sesinya dibatalkan.'
          : '',
    );
  return rows;
}
