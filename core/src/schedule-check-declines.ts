/**
 * The checker's rule for declines after a re-plan (`report.ulang` set). Like schedule-check.ts it
 * shares no code with the scheduler: it reads the workbook itself.
 *
 * Whoever answered `Tidak Hadir` to a session (a `Daftar Hadir` row without Tanggal, or an
 * `Undangan` row with Status Tidak Hadir) is in no session of its Kode whose dates overlap it,
 * itself included. The declined session's Kode and dates come from the report when it was kept
 * (`ulang.tetap`: same id, same dates), else from `ctx.sebelumnya` (the previous plan) when the
 * caller has it. A released session's id may name a new session on other dates: that one is not
 * the declined session.
 */
import { UNDANGAN_STATUS } from './invitation-sheet.js';
import type { CheckContext, ScheduleViolation } from './schedule-check.js';
import type { ScheduleReport } from './schedule-report.js';

interface Span {
  id: string;
  kode: string;
  mulai: string;
  selesai: string;
}

export function checkDeclines(report: ScheduleReport, ctx: CheckContext): ScheduleViolation[] {
  if (!report.ulang) return [];
  // per session id, the NIPs who declined it
  const declined = new Map<string, Set<string>>();
  const decline = (sesi: string, nip: string) => {
    const set = declined.get(sesi) ?? new Set<string>();
    set.add(nip);
    declined.set(sesi, set);
  };
  for (const a of ctx.data.attendance)
    if (a.tanggal === undefined && a.status === 'Tidak Hadir') decline(a.sesi, a.nip);
  for (const u of ctx.data.invitations) if (u.status === UNDANGAN_STATUS.tidakHadir) decline(u.sesi, u.nip);
  if (declined.size === 0) return [];

  const spanOf = new Map<string, Span>();
  for (const s of ctx.sebelumnya ?? []) spanOf.set(s.id, s);
  const kept = new Set(report.ulang.tetap);
  for (const s of report.sessions) if (kept.has(s.id)) spanOf.set(s.id, s);
  // per NIP, the declined sessions' Kode and dates
  const refused = new Map<string, Span[]>();
  for (const [sesi, nips] of declined) {
    const span = spanOf.get(sesi);
    if (!span) continue;
    for (const nip of nips) {
      const list = refused.get(nip) ?? [];
      list.push(span);
      refused.set(nip, list);
    }
  }

  const out: ScheduleViolation[] = [];
  for (const s of report.sessions)
    for (const nip of s.peserta)
      for (const d of refused.get(nip) ?? []) {
        if (d.kode !== s.kode || d.mulai > s.selesai || s.mulai > d.selesai) continue;
        out.push({
          kind: 'menolak',
          sesi: s.id,
          nip,
          message:
            d.id === s.id
              ? `Sesi ${s.id}: NIP ${nip} menjawab Tidak Hadir untuk sesi ini tetapi masih tercantum sebagai peserta.`
              : `Sesi ${s.id}: NIP ${nip} menolak sesi ${d.id} (${d.kode}, ${d.mulai} s.d. ${d.selesai}) tetapi ditempatkan lagi di ${s.kode} pada tanggal yang beririsan (${s.mulai} s.d. ${s.selesai}).`,
        });
      }
  return out;
}
