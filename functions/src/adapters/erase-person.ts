/**
 * Deleting one person's data from a tenant's Firestore on request (UU 27/2022; `bangkom
 * hapus-data`, SECURITY.md). Every collection the product writes (core's COLLECTIONS) is read
 * whole and every document that mentions the NIP is dealt with:
 *   - the person's own documents (the NIP is a part of the id, or the `nip` field) and
 *     quarantined rows that hold it are deleted;
 *   - any other document that mentions it (a session's participant list, another employee's
 *     `nipAtasan`, a rater's `nipPenilai`, a run's sample error) is scrubbed: list items and
 *     keys equal to the NIP are removed, fields equal to it emptied, text holding it masked.
 * Planning reads only; applying it is idempotent (a second run finds nothing to do).
 */
import { createHash } from 'node:crypto';
import { COLLECTIONS } from '@bangkom/core';
import type { Firestore } from 'firebase-admin/firestore';
import { stripUndefined, tenantCollectionPath } from './firestore.js';

/** What replaces the NIP inside a text that is kept (a run's sample error, a message). */
export const NIP_MASK = '[NIP dihapus]';

export interface ErasureStep {
  collection: string;
  id: string;
  action: 'hapus' | 'bersihkan';
  /** the scrubbed document, for `bersihkan` */
  data?: Record<string, unknown>;
}

/** A pseudonym of the person for the audit: the NIP never appears in clear. */
export function subjectHash(tenant: string, nip: string): string {
  return createHash('sha256').update(`bangkom-hapus-data:${tenant}:${nip}`).digest('hex');
}

function mentions(value: unknown, nip: string): boolean {
  if (typeof value === 'string') return value.includes(nip);
  if (Array.isArray(value)) return value.some((v) => mentions(v, nip));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k.includes(nip) || mentions(v, nip));
  }
  return false;
}

/** The value without the NIP: list items and keys equal to it dropped, text masked. */
function scrub(value: unknown, nip: string): unknown {
  if (typeof value === 'string') {
    if (value.trim() === nip) return '';
    return value.split(nip).join(NIP_MASK);
  }
  if (Array.isArray(value)) {
    return value.filter((v) => !(typeof v === 'string' && v.trim() === nip)).map((v) => scrub(v, nip));
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.trim() === nip) continue;
      out[k.split(nip).join(NIP_MASK)] = scrub(v, nip);
    }
    return out;
  }
  // Timestamps and other Firestore values hold no NIP
  return value;
}

/** Whether the document is the person's own (deleted whole) rather than one that names them. */
function ownDocument(collection: string, id: string, data: Record<string, unknown>, nip: string): boolean {
  if (collection === COLLECTIONS.quarantine) return true;
  if (id.split('~').includes(nip)) return true;
  return typeof data.nip === 'string' && data.nip.trim() === nip;
}

/** Reads every collection of the tenant and says what to delete and what to scrub. */
export async function planErasure(db: Firestore, tenant: string, nip: string): Promise<ErasureStep[]> {
  const steps: ErasureStep[] = [];
  for (const collection of Object.values(COLLECTIONS)) {
    const snap = await db.collection(tenantCollectionPath(tenant, collection)).get();
    for (const doc of snap.docs) {
      const data = doc.data();
      if (!doc.id.includes(nip) && !mentions(data, nip)) continue;
      // a run's audit is kept (without the NIP): it is the record of what was done
      if (collection !== COLLECTIONS.runs && ownDocument(collection, doc.id, data, nip)) {
        steps.push({ collection, id: doc.id, action: 'hapus' });
      } else {
        steps.push({
          collection,
          id: doc.id,
          action: 'bersihkan',
          data: scrub(data, nip) as Record<string, unknown>,
        });
      }
    }
  }
  return steps;
}

/** Applies the plan, in commits of at most 500 writes. */
export async function applyErasure(
  db: Firestore,
  tenant: string,
  steps: readonly ErasureStep[],
): Promise<void> {
  for (let i = 0; i < steps.length; i += 500) {
    const batch = db.batch();
    for (const s of steps.slice(i, i + 500)) {
      const ref = db.collection(tenantCollectionPath(tenant, s.collection)).doc(s.id);
      if (s.action === 'hapus') batch.delete(ref);
      else batch.set(ref, stripUndefined(s.data ?? {}));
    }
    await batch.commit();
  }
}

/** Documents per collection and action, for the report. */
export function tallyErasure(
  steps: readonly ErasureStep[],
): Record<string, { hapus: number; bersihkan: number }> {
  const out: Record<string, { hapus: number; bersihkan: number }> = {};
  for (const s of steps) {
    const t = out[s.collection] ?? { hapus: 0, bersihkan: 0 };
    t[s.action]++;
    out[s.collection] = t;
  }
  return out;
}
