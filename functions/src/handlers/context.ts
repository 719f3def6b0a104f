/**
 * What every handler shares: its dependencies, and `endpoint()`, which wraps a handler's
 * work in the same steps: method -> identity (401) -> body (zod, 400) -> tenant membership
 * and role (403) -> work -> the runs/{runId} audit document -> JSON answer.
 * Nothing is written before the caller is known to belong to the tenant with the right role.
 */
import {
  COLLECTIONS,
  type GapsReport,
  type IkmReport,
  type LeaderSummary,
  type PreviousSession,
  type ProgramData,
  type ScheduleReport,
} from '@bangkom/core';
import type { HttpFunction, Request, Response } from '@google-cloud/functions-framework';
import type { Firestore } from 'firebase-admin/firestore';
import type { z } from 'zod';
import {
  type Access,
  authorize,
  type Caller,
  HttpError,
  type Identity,
  type IdentityVerifier,
  type MembershipLookup,
} from '../adapters/auth.js';
import {
  createStore,
  inputChecksum,
  newRunId,
  type PathWrite,
  RUN_ERROR_SAMPLE,
  type RunRecord,
  type RunStatus,
  stripUndefined,
  TENANT_ID,
  type TenantStore,
  tenantCollectionPath,
  type WriteCoalescer,
  WriteTooLargeError,
} from '../adapters/firestore.js';
import { errorStatus, isRetryable, type SheetsGateway } from '../adapters/sheets.js';

/** The scheduler adapter (functions/src/adapters/scheduler.ts), when installed. */
export interface SchedulerModule {
  planSchedule(
    data: ProgramData,
    gaps: GapsReport,
    opts: {
      tahun: number;
      now: Date;
      timeZone: string;
      /** the stored schedule of the year: a re-plan keeps its started and announced sessions */
      sebelumnya?: readonly PreviousSession[];
    },
  ): Promise<ScheduleReport>;
}

export interface Deps {
  db: Firestore;
  verifier: IdentityVerifier;
  membership: MembershipLookup;
  /** the program spreadsheet through the Sheets API */
  sheets(spreadsheetId: string): SheetsGateway;
  /** small writes of concurrent requests share commits */
  writer: WriteCoalescer;
  now(): Date;
  /** the users' time zone (Asia/Jakarta): "this year" when the workbook sets none */
  timeZone: string;
  /** the scheduler, loaded on first use (HiGHS and date-holidays are large) */
  scheduler(): Promise<SchedulerModule>;
}

export interface RunContext<B> {
  caller: Caller;
  body: B;
  /** the request body as received (functions-framework keeps it), when there was one */
  rawBody?: Buffer;
  store: TenantStore;
  runId: string;
  startedAt: Date;
  deps: Deps;
}

export interface Outcome {
  /** the JSON answer (runId is added) */
  body: Record<string, unknown>;
  /** HTTP status, default 200 */
  httpStatus?: number;
  /** collection or sheet -> documents or rows */
  counts: Record<string, number>;
  errors: readonly unknown[];
  status?: RunStatus;
  /** written atomically with the run document, in one (shared) commit; data null = delete */
  writes?: readonly { collection: string; id: string; data: Record<string, unknown> | null }[];
  /** what the checksum is taken of (default: the parsed request body; bytes are hashed as they are) */
  checksumOf?: unknown;
  /**
   * Work that goes on after the answer (a call that starts and returns, status `berjalan`),
   * begun once the run document is written; it keeps that document up to date itself.
   */
  after?: () => Promise<void>;
  /** what a step computed that a later step of the same cycle renders (never sent) */
  reports?: { summary?: LeaderSummary; ikm?: IkmReport; schedule?: ScheduleReport };
}

export interface EndpointDef<S extends z.ZodType<{ tenant: string }>> {
  name: string;
  access: Access;
  methods: readonly ('GET' | 'POST')[];
  schema: S;
  /** false: a read that leaves no run document (polling a run's progress) */
  audit?: boolean;
}

/** zod issues as `field: message` lines, Bahasa Indonesia from the schemas. */
export function describeIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({
    field: i.path.map(String).join('.') || '(isi permintaan)',
    message: i.message,
  }));
}

function send(res: Response, status: number, body: unknown): void {
  res.status(status).set('Cache-Control', 'no-store').json(body);
}

/** Wraps a handler's work with auth, parsing and the audit run document. */
export function endpoint<S extends z.ZodType<{ tenant: string }>>(
  deps: Deps,
  def: EndpointDef<S>,
  work: (ctx: RunContext<z.output<S>>) => Promise<Outcome>,
): HttpFunction {
  return async (req: Request, res: Response) => {
    try {
      if (!def.methods.includes(req.method as 'GET' | 'POST')) {
        res.set('Allow', def.methods.join(', '));
        send(res, 405, {
          error: `Metode ${req.method} tidak didukung; gunakan ${def.methods.join(' atau ')}.`,
        });
        return;
      }
      const identity = await deps.verifier.verify(req.get('authorization'));
      const raw: unknown = req.method === 'GET' ? req.query : req.body;
      if (raw === null || typeof raw !== 'object' || Buffer.isBuffer(raw)) {
        throw new HttpError(400, 'Isi permintaan harus JSON (Content-Type: application/json).');
      }
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) {
        const refused = new HttpError(400, 'Isi permintaan tidak sah.', describeIssues(parsed.error));
        await auditRefused(deps, def, identity, raw, refused, res);
        return;
      }
      const body = parsed.data;
      // a spreadsheet named in the request must be the tenant's own (checked before any read or write)
      const spreadsheetId = (body as { spreadsheetId?: unknown }).spreadsheetId;
      const caller = await authorize(
        identity,
        body.tenant,
        def.access,
        deps.membership,
        typeof spreadsheetId === 'string' ? spreadsheetId : undefined,
      );
      const rawBody = (req as { rawBody?: unknown }).rawBody;
      const ctx = { caller, body, ...(Buffer.isBuffer(rawBody) ? { rawBody } : {}) };
      if (def.audit === false) {
        const store = createStore(deps.db, caller.tenant);
        const outcome = await work({ ...ctx, store, runId: '', startedAt: deps.now(), deps });
        send(res, outcome.httpStatus ?? 200, outcome.body);
        return;
      }
      await runAndAudit(deps, def.name, ctx, work, res);
    } catch (err) {
      const { status, message, details } = toHttp(err);
      send(res, status, { error: message, ...(details === undefined ? {} : { details }) });
    }
  };
}

/**
 * A malformed request is answered 400 with its reasons. When it names a tenant the caller may
 * write to, the refusal is audited there too (a `gagal` run document), so staff can find why a
 * call of theirs did nothing; otherwise nothing is written (as for 401 and 403).
 */
async function auditRefused(
  deps: Deps,
  def: EndpointDef<z.ZodType<{ tenant: string }>>,
  identity: Identity,
  raw: object,
  refused: HttpError,
  res: Response,
): Promise<void> {
  const tenant = (raw as { tenant?: unknown }).tenant;
  if (typeof tenant !== 'string' || !TENANT_ID.test(tenant)) throw refused;
  // not the caller's tenant (403, thrown to the endpoint): the refusal is not the tenant's to keep
  const caller = await authorize(identity, tenant, def.access, deps.membership);
  const startedAt = deps.now().toISOString();
  const base: RunBase = {
    runId: newRunId(startedAt),
    kind: def.name,
    caller: caller.email,
    tenant,
    startedAt,
    inputChecksum: inputChecksum(raw),
  };
  await failRun(deps, res, base, 400, { message: refused.message, details: refused.details });
}

/** What a run document says of the call before its outcome is known. */
type RunBase = Pick<RunRecord, 'runId' | 'kind' | 'caller' | 'tenant' | 'startedAt' | 'inputChecksum'>;

/**
 * A call that failed: its `gagal` run document, written on its own, then the answer. The
 * failure is answered even when its audit cannot be written (e.g. Firestore is down).
 * `recorded`: what the run document says, when it differs from what the caller is told.
 */
async function failRun(
  deps: Deps,
  res: Response,
  base: RunBase,
  status: number,
  answer: { message: string; details?: unknown },
  recorded: { message: string; details?: unknown } = answer,
): Promise<void> {
  const failed: RunRecord = {
    ...base,
    finishedAt: deps.now().toISOString(),
    status: 'gagal',
    counts: {},
    errorCount: 1,
    errors: [stripUndefined(recorded)],
    message: answer.message,
  };
  await deps.writer
    .write([
      {
        path: `${tenantCollectionPath(base.tenant, COLLECTIONS.runs)}/${base.runId}`,
        data: failed as unknown as Record<string, unknown>,
      },
    ])
    .catch((auditErr: unknown) => console.error(`run ${base.runId}: audit document not written`, auditErr));
  send(res, status, {
    runId: base.runId,
    error: answer.message,
    ...(answer.details === undefined ? {} : { details: answer.details }),
  });
}

async function runAndAudit<B>(
  deps: Deps,
  name: string,
  request: Pick<RunContext<B>, 'caller' | 'body' | 'rawBody'>,
  work: (ctx: RunContext<B>) => Promise<Outcome>,
  res: Response,
): Promise<void> {
  const { caller, body } = request;
  const startedAt = deps.now();
  const runId = newRunId(startedAt.toISOString());
  const store = createStore(deps.db, caller.tenant);
  const base = {
    runId,
    kind: name,
    caller: caller.email,
    tenant: caller.tenant,
    startedAt: startedAt.toISOString(),
  };
  const runPath = `${tenantCollectionPath(caller.tenant, COLLECTIONS.runs)}/${runId}`;
  let outcome: Outcome;
  try {
    outcome = await work({ ...request, store, runId, startedAt, deps });
  } catch (err) {
    const { status, message, details } = toHttp(err);
    return failRun(deps, res, { ...base, inputChecksum: inputChecksum(body) }, status, { message, details });
  }
  const run: RunRecord = {
    ...base,
    finishedAt: outcome.status === 'berjalan' ? '' : deps.now().toISOString(),
    inputChecksum: inputChecksum(outcome.checksumOf ?? body),
    status: outcome.status ?? (outcome.errors.length > 0 ? 'selesai dengan galat' : 'selesai'),
    counts: outcome.counts,
    firestore: store.tally(),
    errorCount: outcome.errors.length,
    errors: stripUndefined([...outcome.errors.slice(0, RUN_ERROR_SAMPLE)]),
  };
  const writes: PathWrite[] = (outcome.writes ?? []).map((w) => ({
    path: `${tenantCollectionPath(caller.tenant, w.collection)}/${w.id}`,
    data: w.data,
  }));
  writes.push({ path: runPath, data: run as unknown as Record<string, unknown> });
  try {
    await deps.writer.write(writes);
  } catch (err) {
    // nothing of the call was stored: say so in its own audit document and answer 5xx
    const { status, message, details } = toHttp(err);
    return failRun(
      deps,
      res,
      { ...base, inputChecksum: run.inputChecksum },
      status,
      { message, details },
      {
        message: 'Penyimpanan ke Firestore gagal; tidak ada data panggilan ini yang tersimpan.',
      },
    );
  }
  send(res, outcome.httpStatus ?? 200, { runId, ...outcome.body });
  outcome.after?.().catch((err: unknown) => console.error(`run ${runId}: work after the answer failed`, err));
}

/** Any failure -> status and an Indonesian message (details of server faults go to the log). */
export function toHttp(err: unknown): { status: number; message: string; details?: unknown } {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      message: err.message,
      ...(err.details === undefined ? {} : { details: err.details }),
    };
  }
  if (err instanceof WriteTooLargeError) {
    return {
      status: 413,
      message: `${err.message} Kirim dalam beberapa panggilan yang lebih kecil, atau periksa jawaban yang sangat panjang.`,
    };
  }
  const upstream = errorStatus(err);
  if (upstream !== undefined && (err as { config?: unknown }).config !== undefined) {
    // a Google API call failed (gaxios error)
    if (upstream === 403 || upstream === 404) {
      return {
        status: 502,
        message:
          'Spreadsheet tidak dapat dibuka oleh layanan: pastikan ID-nya benar dan spreadsheet dibagikan ' +
          '(Editor) kepada akun layanan Cloud Functions.',
      };
    }
    return { status: 502, message: `Google Sheets API menjawab HTTP ${upstream}; coba lagi nanti.` };
  }
  if ((err as { config?: unknown })?.config !== undefined && isRetryable(err)) {
    // a Google API call without an answer: no connection, or none in time (retries spent)
    return {
      status: 504,
      message: 'Google Sheets API tidak dapat dihubungi atau tidak menjawab; coba lagi nanti.',
    };
  }
  // the details stay in the log: an internal message is no answer for a caller
  console.error(err);
  return {
    status: 500,
    message: 'Terjadi galat pada server; coba lagi nanti. Rinciannya tercatat di log layanan.',
  };
}
