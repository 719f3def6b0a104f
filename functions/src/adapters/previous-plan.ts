/**
 * The schedule stored by the previous run (Firestore `sessions`, as scheduleDocs wrote them):
 * the sessions of one year, for the re-plan that keeps the started and announced ones fixed
 * (core planSchedule `sebelumnya`). A stored session that no longer has the shape of a planned
 * session is left out and reported (Bahasa Indonesia), never used.
 */
import { COLLECTIONS, type PreviousSession } from '@bangkom/core';
import { z } from 'zod';
import type { TenantStore } from './firestore.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'bukan tanggal YYYY-MM-DD');

/** A planned session as Firestore `sessions` and `schedule --out`'s schedule.json hold it. */
export const plannedSessionSchema = z.object({
  id: z.string().min(1),
  kode: z.string().min(1),
  mulai: date,
  selesai: date,
  peserta: z.array(z.string()),
  ruang: z.string().nullable().optional(),
  pengajar: z.string().nullable().optional(),
});

const storedSession = plannedSessionSchema.extend({ tahun: z.number().int() });

export interface StoredPlan {
  /** the year's sessions, by id */
  sessions: PreviousSession[];
  /** stored sessions left out, with why */
  invalid: { id: string; message: string }[];
}

export async function storedPlan(store: TenantStore, tahun: number): Promise<StoredPlan> {
  const read = await store.readRecords(COLLECTIONS.sessions, storedSession);
  const sessions = read.records
    .filter((s) => s.tahun === tahun)
    .map(previousSession)
    .sort((a, b) => a.id.localeCompare(b.id));
  return { sessions, invalid: read.invalid };
}

/** A stored or printed session as the re-plan takes it (only the fields it reads). */
export function previousSession(s: z.infer<typeof plannedSessionSchema>): PreviousSession {
  return {
    id: s.id,
    kode: s.kode,
    mulai: s.mulai,
    selesai: s.selesai,
    peserta: s.peserta,
    ...(s.ruang !== undefined ? { ruang: s.ruang } : {}),
    ...(s.pengajar !== undefined ? { pengajar: s.pengajar } : {}),
  };
}
