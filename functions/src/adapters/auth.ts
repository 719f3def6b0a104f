/**
 * Who may call. Apps Script sends `Authorization: Bearer <ScriptApp.getIdentityToken()>`;
 * we verify that Google-signed OIDC token (signature against the published certs, issuer,
 * audience = our OAuth client id, expiry, verified email) with google-auth-library, then
 * map the email to a role in the requested tenant.
 *
 * Membership lives in Firestore, next to the tenant's data:
 *   tenants/{tenantId}/members/{email lower-cased}  { role: 'staf' | 'pimpinan', nama? }
 *   tenants/{tenantId}/spreadsheets/{spreadsheetId}  { spreadsheetId, didaftarkan }
 * `staf` may write and read; `pimpinan` may only read summaries. Clients never touch
 * Firestore (firestore.rules deny all), so only an administrator with the Admin SDK (the
 * `members` script, see DEPLOY.md) can grant membership.
 */
import { docId } from '@bangkom/core';
import type { Firestore } from 'firebase-admin/firestore';
import { OAuth2Client } from 'google-auth-library';
import { z } from 'zod';
import { assertTenantId, tenantCollectionPath } from './firestore.js';

export const ROLES = ['staf', 'pimpinan'] as const;
export type Role = (typeof ROLES)[number];
/** what a handler needs: `write` (staf only) or `read` (staf and pimpinan) */
export type Access = 'write' | 'read';

/** An error that becomes an HTTP status and an Indonesian message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface Identity {
  email: string;
  subject: string;
}

export interface Caller extends Identity {
  tenant: string;
  role: Role;
}

export interface IdentityVerifier {
  /** The caller's identity from the Authorization header; HttpError 401 when it is not acceptable. */
  verify(authorization: string | undefined): Promise<Identity>;
}

export interface TokenVerifierOptions {
  /** accepted `aud` values */
  audiences: readonly string[];
  /** PEM certificates as Google publishes them: { kid: pem } */
  certsUrl: string;
  issuers: readonly string[];
  /** jest: `(u, i) => fetch(u, i)` */
  fetchImplementation?: typeof fetch;
  /** clock for the verified-token cache (ms) */
  now?: () => number;
}

/** Verified tokens remembered per instance (oldest forgotten first). */
const MAX_VERIFIED = 1000;

export function createTokenVerifier(opts: TokenVerifierOptions): IdentityVerifier {
  const client = new OAuth2Client({
    endpoints: { oauth2FederatedSignonPemCertsUrl: opts.certsUrl },
    ...(opts.fetchImplementation
      ? { transporterOptions: { fetchImplementation: opts.fetchImplementation } }
      : {}),
  });
  // A verified token stays valid until it expires: an Apps Script run reuses its token for
  // every call, so the signature is checked once, not per form submission.
  const verified = new Map<string, { identity: Identity; expMs: number }>();
  const now = opts.now ?? Date.now;
  return {
    async verify(authorization) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!m?.[1]) {
        throw new HttpError(
          401,
          'Token identitas tidak ada. Kirim header "Authorization: Bearer <token>" dari ScriptApp.getIdentityToken().',
        );
      }
      const hit = verified.get(m[1]);
      if (hit) {
        if (hit.expMs > now()) return hit.identity;
        verified.delete(m[1]);
      }
      let certs: Awaited<ReturnType<OAuth2Client['getFederatedSignonCertsAsync']>>;
      try {
        certs = await client.getFederatedSignonCertsAsync(); // cached per Cache-Control
      } catch (err) {
        throw new HttpError(
          503,
          `Sertifikat penanda tangan token tidak dapat diambil: ${(err as Error).message}`,
        );
      }
      let payload: Record<string, unknown> | undefined;
      try {
        const ticket = await client.verifySignedJwtWithCertsAsync(
          m[1],
          certs.certs,
          [...opts.audiences],
          [...opts.issuers],
        );
        payload = ticket.getPayload() as Record<string, unknown> | undefined;
      } catch (err) {
        throw new HttpError(401, `Token identitas tidak sah: ${tokenReason(err)}`);
      }
      const email = typeof payload?.email === 'string' ? payload.email.trim().toLowerCase() : '';
      if (!email)
        throw new HttpError(
          401,
          'Token identitas tidak memuat email. Minta cakupan "email" di appsscript.json.',
        );
      if (payload?.email_verified !== true && payload?.email_verified !== 'true') {
        throw new HttpError(401, `Email ${email} pada token belum terverifikasi.`);
      }
      const identity = { email, subject: String(payload?.sub ?? '') };
      if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
      verified.set(m[1], { identity, expMs: Number(payload?.exp) * 1000 });
      return identity;
    },
  };
}

/** google-auth-library's English reasons, in the callers' language (details kept for the log). */
function tokenReason(err: unknown): string {
  const msg = (err as Error)?.message ?? String(err);
  if (/too late|expired/i.test(msg)) return 'token sudah kedaluwarsa.';
  if (/too early/i.test(msg)) return 'token belum berlaku.';
  if (/audience/i.test(msg)) return 'audiens (client ID) token tidak sesuai.';
  if (/issuer/i.test(msg)) return 'penerbit token tidak dikenal.';
  if (/signature/i.test(msg)) return 'tanda tangan token tidak valid.';
  if (/no pem found|certificate/i.test(msg)) return 'kunci penanda tangan tidak dikenal.';
  return `format token salah (${msg.slice(0, 120)}).`;
}

// ---- membership ------------------------------------------------------------------------

export const memberSchema = z.object({
  role: z.enum(ROLES),
  nama: z.string().optional(),
});
export type Member = z.infer<typeof memberSchema>;

export const MEMBERS = 'members';

export interface MembershipLookup {
  roleOf(tenant: string, email: string): Promise<Role | null>;
  /**
   * Whether the spreadsheet is registered to the tenant. The service account can open every
   * tenant's spreadsheet, so a spreadsheet id from a request is only used once it is known to
   * be the caller's tenant's.
   */
  ownsSpreadsheet(tenant: string, spreadsheetId: string): Promise<boolean>;
}

/** tenants/{tenant}/spreadsheets/{spreadsheetId}: the program spreadsheets a tenant may use. */
export const SPREADSHEETS = 'spreadsheets';

/** A Google spreadsheet id: the part of its URL between /d/ and /edit. */
export const SPREADSHEET_ID = /^[A-Za-z0-9_-]{10,200}$/;

/** Member document id: the email, lower-cased, Firestore-safe. */
export function memberId(email: string): string {
  return docId(email.trim().toLowerCase());
}

/**
 * Reads tenants/{t}/members/{email}, caching answers (also "not a member") for ttlMs per
 * instance, so a burst of submissions costs one read. Revoking takes effect within ttlMs.
 */
export function firestoreMembership(
  db: Firestore,
  ttlMs: number,
  now: () => number = Date.now,
): MembershipLookup {
  const cache = new Map<string, { role: Role | null; until: number }>();
  const sheets = new Map<string, { owned: boolean; until: number }>();
  return {
    async roleOf(tenant, email) {
      const key = `${tenant}\u0000${email}`;
      const hit = cache.get(key);
      if (hit && hit.until > now()) return hit.role;
      const snap = await db.collection(tenantCollectionPath(tenant, MEMBERS)).doc(memberId(email)).get();
      const parsed = snap.exists ? memberSchema.safeParse(snap.data()) : null;
      const role = parsed?.success ? parsed.data.role : null;
      if (ttlMs > 0) cache.set(key, { role, until: now() + ttlMs });
      return role;
    },
    async ownsSpreadsheet(tenant, spreadsheetId) {
      const key = `${tenant}\u0000${spreadsheetId}`;
      const hit = sheets.get(key);
      if (hit && hit.until > now()) return hit.owned;
      const snap = await db
        .collection(tenantCollectionPath(tenant, SPREADSHEETS))
        .doc(docId(spreadsheetId))
        .get();
      const owned = snap.exists;
      if (ttlMs > 0) sheets.set(key, { owned, until: now() + ttlMs });
      return owned;
    },
  };
}

/** Registers a program spreadsheet to a tenant (the members script, the dev server and tests). */
export async function putSpreadsheet(
  db: Firestore,
  tenant: string,
  spreadsheetId: string,
  registeredAt: Date = new Date(),
): Promise<void> {
  assertTenantId(tenant);
  if (!SPREADSHEET_ID.test(spreadsheetId)) {
    throw new Error(
      `ID spreadsheet tidak sah: "${spreadsheetId}" (salin bagian URL di antara /d/ dan /edit).`,
    );
  }
  await db
    .collection(tenantCollectionPath(tenant, SPREADSHEETS))
    .doc(docId(spreadsheetId))
    .set({ spreadsheetId, didaftarkan: registeredAt.toISOString() });
}

/** Grants (or changes) a membership. Used by the members script, the dev server and tests. */
export async function putMember(db: Firestore, tenant: string, email: string, member: Member): Promise<void> {
  assertTenantId(tenant);
  const data = memberSchema.parse(member);
  await db
    .collection(tenantCollectionPath(tenant, MEMBERS))
    .doc(memberId(email))
    .set({ ...data, email: email.trim().toLowerCase() });
}

/**
 * Checks the caller belongs to the tenant with a role that allows the access, and that the
 * spreadsheet the request names (if any) is registered to that tenant.
 */
export async function authorize(
  identity: Identity,
  tenant: string,
  access: Access,
  membership: MembershipLookup,
  spreadsheetId?: string,
): Promise<Caller> {
  const role = await membership.roleOf(tenant, identity.email);
  if (!role) throw new HttpError(403, `Akun ${identity.email} bukan anggota tenant "${tenant}".`);
  if (access === 'write' && role !== 'staf') {
    throw new HttpError(
      403,
      `Peran ${role} hanya boleh membaca ringkasan; perubahan data memerlukan peran staf.`,
    );
  }
  if (spreadsheetId !== undefined && !(await membership.ownsSpreadsheet(tenant, spreadsheetId))) {
    throw new HttpError(
      403,
      `Spreadsheet ${spreadsheetId} tidak terdaftar untuk tenant "${tenant}". Administrator mendaftarkannya ` +
        `dengan: members spreadsheet ${tenant} ${spreadsheetId} (lihat functions/DEPLOY.md).`,
    );
  }
  return { ...identity, tenant, role };
}
