/**
 * Who belongs to which tenant, with which role: tenants/{tenant}/members/{email}.
 * An administrator runs it with Application Default Credentials (gcloud auth
 * application-default login) and GOOGLE_CLOUD_PROJECT set, or against an emulator with
 * FIRESTORE_EMULATOR_HOST:
 *   npx tsx functions/src/members.ts tambah <tenant> <email> <staf|pimpinan> [nama]
 *   npx tsx functions/src/members.ts hapus  <tenant> <email>
 *   npx tsx functions/src/members.ts spreadsheet <tenant> <spreadsheetId>
 *   npx tsx functions/src/members.ts lepas-spreadsheet <tenant> <spreadsheetId>
 *   npx tsx functions/src/members.ts spreadsheet-pimpinan <tenant> <spreadsheetId>
 *   npx tsx functions/src/members.ts lepas-spreadsheet-pimpinan <tenant>
 *   npx tsx functions/src/members.ts daftar <tenant>
 * With BANGKOM_FIRESTORE_DATABASE set, that database (as the functions use it).
 */

import { docId } from '@bangkom/core';
import type { Firestore } from 'firebase-admin/firestore';
import {
  MEMBERS,
  memberId,
  putMember,
  putSpreadsheet,
  ROLES,
  type Role,
  SPREADSHEET_ID,
  SPREADSHEETS,
} from './adapters/auth.js';
import { assertTenantId, tenantCollectionPath } from './adapters/firestore.js';
import { closeFirestoreConnections, connectFirestore } from './adapters/firestore-connection.js';
import {
  leadersSpreadsheetOf,
  putLeadersSpreadsheet,
  removeLeadersSpreadsheet,
} from './adapters/leaders-spreadsheet.js';

const USAGE = [
  'Penggunaan:',
  '  members tambah <tenant> <email> <staf|pimpinan> [nama]',
  '  members hapus  <tenant> <email>',
  '  members spreadsheet <tenant> <spreadsheetId>        (spreadsheet program milik tenant)',
  '  members lepas-spreadsheet <tenant> <spreadsheetId>',
  '  members spreadsheet-pimpinan <tenant> <spreadsheetId>   (ringkasan pimpinan; bagikan sebagai Pelihat)',
  '  members lepas-spreadsheet-pimpinan <tenant>',
  '  members daftar <tenant>',
].join('\n');

export async function members(
  db: Firestore,
  args: readonly string[],
  out: (line: string) => void,
): Promise<number> {
  const [command, tenant = '', email = '', role = '', ...nama] = args;
  if (!command || !tenant) {
    out(USAGE);
    return 2;
  }
  assertTenantId(tenant);
  const col = db.collection(tenantCollectionPath(tenant, MEMBERS));
  switch (command) {
    case 'tambah': {
      if (!email.includes('@') || !(ROLES as readonly string[]).includes(role)) {
        out(`Email dan peran (staf atau pimpinan) wajib diisi.\n${USAGE}`);
        return 2;
      }
      await putMember(db, tenant, email, {
        role: role as Role,
        ...(nama.length > 0 ? { nama: nama.join(' ') } : {}),
      });
      out(`${email.toLowerCase()} kini ${role} di tenant ${tenant}.`);
      return 0;
    }
    case 'hapus': {
      const ref = col.doc(memberId(email));
      if (!(await ref.get()).exists) {
        out(`${email} bukan anggota tenant ${tenant}.`);
        return 1;
      }
      await ref.delete();
      out(`${email.toLowerCase()} dihapus dari tenant ${tenant} (berlaku paling lama 1 menit kemudian).`);
      return 0;
    }
    case 'spreadsheet': {
      const id = email;
      if (!SPREADSHEET_ID.test(id)) {
        out(`ID spreadsheet tidak sah: "${id}" (salin bagian URL di antara /d/ dan /edit).\n${USAGE}`);
        return 2;
      }
      await putSpreadsheet(db, tenant, id);
      out(`Spreadsheet ${id} kini terdaftar untuk tenant ${tenant}.`);
      return 0;
    }
    case 'lepas-spreadsheet': {
      const ref = db.collection(tenantCollectionPath(tenant, SPREADSHEETS)).doc(docId(email));
      if (!(await ref.get()).exists) {
        out(`Spreadsheet ${email} tidak terdaftar untuk tenant ${tenant}.`);
        return 1;
      }
      await ref.delete();
      out(`Spreadsheet ${email} dilepas dari tenant ${tenant} (berlaku paling lama 1 menit kemudian).`);
      return 0;
    }
    case 'spreadsheet-pimpinan': {
      const id = email;
      if (!SPREADSHEET_ID.test(id)) {
        out(`ID spreadsheet tidak sah: "${id}" (salin bagian URL di antara /d/ dan /edit).\n${USAGE}`);
        return 2;
      }
      await putLeadersSpreadsheet(db, tenant, id);
      out(
        `Spreadsheet ${id} kini menjadi ringkasan pimpinan tenant ${tenant}. Bagikan kepada pimpinan sebagai ` +
          'Pelihat (Viewer) dan kepada akun layanan Cloud Functions sebagai Editor; jangan isi data pribadi di sana.',
      );
      return 0;
    }
    case 'lepas-spreadsheet-pimpinan': {
      if (!(await removeLeadersSpreadsheet(db, tenant))) {
        out(`Tenant ${tenant} belum punya spreadsheet ringkasan pimpinan.`);
        return 1;
      }
      out(`Spreadsheet ringkasan pimpinan dilepas dari tenant ${tenant}.`);
      return 0;
    }
    case 'daftar': {
      const snap = await col.get();
      if (snap.empty) out(`Tenant ${tenant} belum punya anggota.`);
      for (const d of snap.docs)
        out(`${d.data().email ?? d.id}\t${d.data().role}${d.data().nama ? `\t${d.data().nama}` : ''}`);
      const sheets = await db.collection(tenantCollectionPath(tenant, SPREADSHEETS)).get();
      if (sheets.empty) out(`Tenant ${tenant} belum punya spreadsheet terdaftar.`);
      for (const d of sheets.docs) out(`spreadsheet\t${d.data().spreadsheetId ?? d.id}`);
      const leaders = await leadersSpreadsheetOf(db, tenant);
      if (leaders) out(`spreadsheet-pimpinan\t${leaders}`);
      return 0;
    }
    default:
      out(`Perintah tidak dikenal: ${command}\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  const projectId = process.env.GOOGLE_CLOUD_PROJECT;
  if (!projectId) {
    console.error('GOOGLE_CLOUD_PROJECT wajib diisi (dan FIRESTORE_EMULATOR_HOST untuk emulator).');
    process.exit(2);
  }
  const databaseId = process.env.BANGKOM_FIRESTORE_DATABASE;
  const db = connectFirestore({ projectId, ...(databaseId ? { databaseId } : {}) });
  members(db, process.argv.slice(2), (line) => console.log(line))
    .then(async (code) => {
      await closeFirestoreConnections();
      process.exitCode = code;
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
