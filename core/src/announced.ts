/**
 * Which sessions of a previous plan were announced, and what each participant answered
 * (docs/rumus.md, "Menyusun ulang"): a session is announced once a `Daftar Hadir` row names it
 * (an RSVP answer or attendance) or Kirim Undangan sent one of its invitations (`Undangan`,
 * Status Diundang, Tidak Hadir or, in rows older than that column, empty). A re-plan keeps an
 * announced session's dates, room and invitees.
 *
 * Per session and NIP:
 * - declined: a `Daftar Hadir` answer `Tidak Hadir` (no Tanggal), or `Undangan` Status
 *   `Tidak Hadir` (the script gave the seat to the waiting list);
 * - invited: `Undangan` Status Diundang (or empty): told to come, also when the previous plan did
 *   not list them (a seat Kirim Undangan gave to the waiting list);
 * - withdrawn: `Undangan` Status Dibatalkan: told not to come.
 * A `Gagal` invitation (the mail was refused) tells nobody anything and counts for nothing.
 */
import { UNDANGAN_STATUS } from './invitation-sheet.js';
import type { ProgramData } from './types.js';

export interface Announcements {
  /** ids of the sessions announced */
  sessions: Set<string>;
  /** per session, the NIPs who declined it */
  declined: Map<string, Set<string>>;
  /** per session, the NIPs invited and not (yet) declined, in sheet order */
  invited: Map<string, string[]>;
  /** per session, the NIPs told their invitation was cancelled */
  withdrawn: Map<string, Set<string>>;
}

function add(map: Map<string, Set<string>>, sesi: string, nip: string): void {
  const set = map.get(sesi);
  if (set) set.add(nip);
  else map.set(sesi, new Set([nip]));
}

/** The announcements of `Daftar Hadir` and `Undangan` (see the file comment). */
export function announcements(data: Pick<ProgramData, 'attendance' | 'invitations'>): Announcements {
  const out: Announcements = {
    sessions: new Set(),
    declined: new Map(),
    invited: new Map(),
    withdrawn: new Map(),
  };
  for (const a of data.attendance) {
    out.sessions.add(a.sesi);
    if (a.tanggal === undefined && a.status === 'Tidak Hadir') add(out.declined, a.sesi, a.nip);
  }
  for (const u of data.invitations) {
    const status = u.status ?? UNDANGAN_STATUS.diundang;
    if (status === UNDANGAN_STATUS.gagal) continue;
    if (status === UNDANGAN_STATUS.dibatalkan) {
      add(out.withdrawn, u.sesi, u.nip);
      continue;
    }
    out.sessions.add(u.sesi);
    if (status === UNDANGAN_STATUS.tidakHadir) add(out.declined, u.sesi, u.nip);
    else {
      const list = out.invited.get(u.sesi);
      if (list) list.push(u.nip);
      else out.invited.set(u.sesi, [u.nip]);
    }
  }
  // an answer Tidak Hadir outweighs the invitation it answers
  for (const [sesi, list] of out.invited) {
    const no = out.declined.get(sesi);
    if (no)
      out.invited.set(
        sesi,
        list.filter((nip) => !no.has(nip)),
      );
  }
  return out;
}

/**
 * Who stays in an announced session: its participants in the previous plan, then those invited
 * since (in sheet order), less whoever declined or was told not to come.
 */
export function invitees(a: Announcements, sesi: string, peserta: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  eachInvitee(a, sesi, peserta, (nip) => {
    if (seen.has(nip)) return;
    seen.add(nip);
    out.push(nip);
  });
  return out;
}

/**
 * `invitees` without its de-duplication: `visit` gets each NIP of the participants, then of those
 * invited since, less whoever declined or was told not to come; a NIP in both lists comes twice.
 * For callers that de-duplicate on something of their own (the re-plan: on the ASN a NIP is).
 */
export function eachInvitee(
  a: Announcements,
  sesi: string,
  peserta: readonly string[],
  visit: (nip: string) => void,
): void {
  const no = a.declined.get(sesi);
  const gone = a.withdrawn.get(sesi);
  for (const list of [peserta, a.invited.get(sesi) ?? NO_NIPS])
    for (const nip of list) if (!no?.has(nip) && !gone?.has(nip)) visit(nip);
}

/** No NIPs (a session nobody was invited to since). */
const NO_NIPS: readonly string[] = [];
