/**
 * Request bodies of the functions (validated at the edge with zod; messages in Bahasa
 * Indonesia because the Apps Script shows them to staff).
 */
import { FORM_SHEETS } from '@bangkom/core';
import { z } from 'zod';
import { SPREADSHEET_ID } from '../adapters/auth.js';
import { TENANT_ID } from '../adapters/firestore.js';

// zod's own messages (a wrong type, a value fitting none of a union's shapes) in Bahasa
// Indonesia too: they reach callers in 400 answers and staff in quarantine entries
z.config(z.locales.id());

export const tenantSchema = z
  .string({ error: 'tenant wajib diisi (ID pemerintah daerah, mis. "sawahlunto")' })
  .regex(TENANT_ID, 'tenant hanya boleh huruf kecil, angka, - atau _ (mis. "sawahlunto")');

export const spreadsheetIdSchema = z
  .string({ error: 'spreadsheetId wajib diisi (ID spreadsheet program, dari URL-nya)' })
  .regex(SPREADSHEET_ID, 'spreadsheetId tidak sah: salin bagian URL di antara /d/ dan /edit');

const tahunSchema = z.coerce
  .number({ error: 'tahun harus angka' })
  .int('tahun harus bilangan bulat')
  .min(2000, 'tahun paling awal 2000')
  .max(2100, 'tahun paling akhir 2100');

const plainAnswer = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** One answer: a value, a checkbox list, or a grid (a list of rows of values). */
const answerSchema = z.union([plainAnswer, z.array(z.union([plainAnswer, z.array(plainAnswer)]))]);

export const submissionSchema = z.object({
  /** the contract sheet the form feeds */
  sheet: z.enum(FORM_SHEETS, { error: `sheet harus salah satu dari: ${FORM_SHEETS.join(', ')}` }),
  /** FormResponse.getId(): the document id, so a replayed submission is stored once */
  responseId: z
    .string({ error: 'responseId wajib diisi (FormResponse.getId())' })
    .trim()
    .min(1, 'responseId wajib diisi (FormResponse.getId())')
    .max(500, 'responseId terlalu panjang'),
  /** FormResponse.getTimestamp() as ISO 8601 (with zone), or the sheet's local YYYY-MM-DDTHH:MM:SS */
  timestamp: z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
      'timestamp harus ISO 8601, mis. 2026-03-01T09:30:00+07:00',
    )
    .optional(),
  /** the Apps Script's name for timestamp: local wall-clock YYYY-MM-DDTHH:MM:SS (Asia/Jakarta) */
  submittedAt: z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
      'submittedAt harus YYYY-MM-DDTHH:MM:SS',
    )
    .optional(),
  /** answers by sheet header (question title = column header); checkbox answers as arrays */
  values: z.record(z.string(), answerSchema, { error: 'values wajib berupa objek {"Judul kolom": jawaban}' }),
});
export type IngestSubmission = z.output<typeof submissionSchema>;

/**
 * Most submissions in one call. A call's writes go into one commit of at most 500
 * (Firestore's limit): each submission is one write (its record or its quarantine entry) and
 * the run document one more. 249 is the limit callers were given when a stored submission
 * also cost a delete; it is kept, which leaves a call's commit room to share with others.
 */
export const MAX_BATCH = 249;

/**
 * The envelope of a call. A submission inside it is checked on its own (submissionSchema):
 * one that does not fit is quarantined with its reasons like any invalid answer, so neither it
 * nor the rest of its batch is turned away. Only the envelope can make a call fail with 400.
 */
export const ingestBatchSchema = z.object({
  tenant: tenantSchema,
  submissions: z
    .array(z.unknown(), { error: 'submissions harus berupa daftar respons' })
    .min(1, 'submissions tidak boleh kosong')
    .max(MAX_BATCH, `paling banyak ${MAX_BATCH} respons per panggilan`),
});
export const ingestSingleSchema = z.looseObject({ tenant: tenantSchema });
/**
 * One submission (`{ tenant, sheet, responseId, ... }`), or `{ tenant, submissions: [...] }`.
 * The shape picks the schema, so the reasons given are those of the shape the caller meant (a
 * plain union would only say "invalid input").
 */
export const ingestRequestSchema = z
  .looseObject({})
  .transform((raw, ctx): z.output<typeof ingestBatchSchema> | z.output<typeof ingestSingleSchema> => {
    const result =
      'submissions' in raw ? ingestBatchSchema.safeParse(raw) : ingestSingleSchema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  });

export const syncSchema = z.object({ tenant: tenantSchema, spreadsheetId: spreadsheetIdSchema });

/** runCycle: the whole cycle on the spreadsheet (what the Apps Script's "Hitung & Sinkronkan" calls). */
export const cycleSchema = z.object({
  tenant: tenantSchema,
  spreadsheetId: spreadsheetIdSchema,
  tahun: tahunSchema.optional(),
  /** true: answer at once (202, runId) and go on; progress in runs/{runId} (runStatus) */
  mulai: z.boolean({ error: 'mulai harus true atau false' }).optional(),
});

/** runStatus: where a run stands (polled by "Hitung & Sinkronkan"). */
export const runStatusSchema = z.object({
  tenant: tenantSchema,
  runId: z
    .string({ error: 'runId wajib diisi (dari jawaban runCycle)' })
    .regex(/^[0-9A-Za-z-]{1,64}$/, 'runId tidak sah'),
});

/** computeGaps, scheduleTrainings, summarizeEvaluations: sheets are written when spreadsheetId is given. */
export const computeSchema = z.object({
  tenant: tenantSchema,
  spreadsheetId: spreadsheetIdSchema.optional(),
  tahun: tahunSchema.optional(),
});

export const summarySchema = z.object({ tenant: tenantSchema, tahun: tahunSchema.optional() });

/** refreshSummary: rewrite the leaders' spreadsheet from what Firestore holds ("Perbarui Ringkasan Pimpinan"). */
export const refreshSchema = z.object({ tenant: tenantSchema, tahun: tahunSchema.optional() });
