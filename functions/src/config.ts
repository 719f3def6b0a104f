/**
 * Environment of the Cloud Functions, validated once at start-up. A missing or malformed
 * variable stops the instance with a message that names it (in Bahasa Indonesia: the
 * operators who deploy read it in the logs).
 */
import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from './time.js';

const csv = (what: string) =>
  z
    .string({ error: `${what} wajib diisi` })
    .trim()
    .min(1, `${what} wajib diisi`)
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1, `${what} wajib diisi`));

const url = (what: string) => z.url({ error: `${what} harus berupa URL lengkap (http:// atau https://)` });

export const envSchema = z.object({
  GOOGLE_CLOUD_PROJECT: z
    .string({ error: 'GOOGLE_CLOUD_PROJECT wajib diisi: ID proyek Google Cloud tempat Firestore berada' })
    .trim()
    .min(1, 'GOOGLE_CLOUD_PROJECT wajib diisi: ID proyek Google Cloud tempat Firestore berada'),
  /** the OAuth client id(s) the identity tokens are issued for (the Apps Script's GCP project) */
  BANGKOM_OAUTH_CLIENT_ID: csv(
    'BANGKOM_OAUTH_CLIENT_ID (client ID OAuth proyek Apps Script, boleh beberapa dipisah koma)',
  ),
  BANGKOM_CERTS_URL: url('BANGKOM_CERTS_URL').default('https://www.googleapis.com/oauth2/v1/certs'),
  BANGKOM_TOKEN_ISSUERS: csv('BANGKOM_TOKEN_ISSUERS').default([
    'accounts.google.com',
    'https://accounts.google.com',
  ]),
  BANGKOM_SHEETS_ROOT_URL: url('BANGKOM_SHEETS_ROOT_URL').optional(),
  BANGKOM_FIRESTORE_DATABASE: z.string().trim().min(1).default('(default)'),
  /** how long a membership lookup is cached in an instance */
  BANGKOM_MEMBER_CACHE_SECONDS: z.coerce
    .number({ error: 'BANGKOM_MEMBER_CACHE_SECONDS harus angka detik' })
    .int('BANGKOM_MEMBER_CACHE_SECONDS harus bilangan bulat')
    .min(0, 'BANGKOM_MEMBER_CACHE_SECONDS tidak boleh negatif')
    .default(60),
  /** the users' time zone: decides "this year" when the workbook sets no Tahun */
  BANGKOM_TIME_ZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'BANGKOM_TIME_ZONE bukan zona waktu IANA yang dikenal (mis. Asia/Jakarta)')
    .default(DEFAULT_TIME_ZONE),
  FIRESTORE_EMULATOR_HOST: z
    .string()
    .regex(/^[^:/\s]+:\d+$/, 'FIRESTORE_EMULATOR_HOST harus berbentuk host:port, mis. 127.0.0.1:8080')
    .optional(),
});

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    const msg = i.message.includes(key) || !key ? i.message : `${key}: ${i.message}`;
    return `- ${msg}`;
  });
  throw new ConfigError(
    `Konfigurasi lingkungan bangkom tidak sah, fungsi tidak dapat dijalankan:\n${lines.join('\n')}\n` +
      'Lihat functions/DEPLOY.md untuk daftar variabel lingkungan.',
  );
}
