/**
 * The tenant's leaders' spreadsheet: tenants/{tenant}/konfigurasi/ringkasanPimpinan
 * { spreadsheetId, didaftarkan }. One per tenant, registered by an administrator (`members
 * spreadsheet-pimpinan`). BKPSDM shares it view-only (Viewer) with the `pimpinan` and as Editor
 * with the functions' service account only; the program spreadsheet, with personal data,
 * stays with staff. The functions write nothing but the leaders' summary into it.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { SPREADSHEET_ID } from './auth.js';
import { tenantCollectionPath } from './firestore.js';

export const TENANT_CONFIG = 'konfigurasi';
export const LEADERS_DOC = 'ringkasanPimpinan';

const ref = (db: Firestore, tenant: string) =>
  db.collection(tenantCollectionPath(tenant, TENANT_CONFIG)).doc(LEADERS_DOC);

export async function putLeadersSpreadsheet(
  db: Firestore,
  tenant: string,
  spreadsheetId: string,
  registeredAt: Date = new Date(),
): Promise<void> {
  if (!SPREADSHEET_ID.test(spreadsheetId)) {
    throw new Error(
      `ID spreadsheet tidak sah: "${spreadsheetId}" (salin bagian URL di antara /d/ dan /edit).`,
    );
  }
  await ref(db, tenant).set({ spreadsheetId, didaftarkan: registeredAt.toISOString() });
}

export async function removeLeadersSpreadsheet(db: Firestore, tenant: string): Promise<boolean> {
  const r = ref(db, tenant);
  if (!(await r.get()).exists) return false;
  await r.delete();
  return true;
}

/** The registered leaders' spreadsheet id, or null. */
export async function leadersSpreadsheetOf(db: Firestore, tenant: string): Promise<string | null> {
  const id = (await ref(db, tenant).get()).data()?.spreadsheetId;
  return typeof id === 'string' && SPREADSHEET_ID.test(id) ? id : null;
}
