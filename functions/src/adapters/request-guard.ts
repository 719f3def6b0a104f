/**
 * The functions' edge, in front of the Functions Framework's own body parsers.
 *
 * The framework (5.x) parses a body of any type up to 1 GB before a function runs, and answers
 * its parsers' errors with Express's error page (HTML, with the stack trace and paths outside
 * production); it offers no hook to change either. So
 * `installRequestGuard()` puts `screen` in front of the framework's Express application: every
 * request passes it before any parser, token check or function.
 *   - a body that is not `application/json` (UTF-8) -> 415, before it is read;
 *   - a declared length over MAX_BODY_BYTES -> 413, before it is read; a body of undeclared
 *     length (chunked) is read only up to that limit;
 *   - bytes that are not UTF-8, not JSON, or JSON that is not an object -> 400;
 *   - nesting deeper than MAX_DEPTH, or a key `__proto__`, `constructor`, `prototype` -> 400;
 *   - more than MAX_ITEMS in one list or object, or MAX_VALUES values in all -> 413.
 * The body it accepts is handed on parsed (`req.body`, and the bytes as `req.rawBody`, as the
 * framework would): the framework's parsers find the request read and leave it alone. Any error
 * raised later in the framework's pipeline is answered as JSON in Bahasa Indonesia too, never
 * with its text. Methods stay with each function (405 from `endpoint()`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';

export const MAX_BODY_BYTES = 8 * 1024 * 1024;
export const MAX_DEPTH = 32;
export const MAX_ITEMS = 10_000;
const MAX_VALUES = 500_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const fmt = (n: number) => n.toLocaleString('id-ID');

/** Why a request is turned away at the edge: HTTP status and an Indonesian message. */
interface Refusal {
  status: number;
  message: string;
}

const TOO_LARGE: Refusal = {
  status: 413,
  message: `Isi permintaan lebih dari ${fmt(MAX_BODY_BYTES / 1024 / 1024)} MB; kirim dalam beberapa panggilan yang lebih kecil.`,
};
const NOT_JSON_TYPE: Refusal = {
  status: 415,
  message: 'Jenis isi permintaan tidak diterima: kirim JSON dengan Content-Type: application/json (UTF-8).',
};

function sendJson(res: ServerResponse, status: number, body: Record<string, unknown>, close = false): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  if (close) res.setHeader('Connection', 'close');
  res.end(JSON.stringify(body));
}

/** Whether the request carries a body (as body-parser decides: a length header or chunks). */
function carriesBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && Number(length) > 0;
}

/** `application/json`, optionally with `charset=utf-8`; nothing else. */
function isJsonType(header: string | undefined): boolean {
  if (!header) return false;
  const [type = '', ...params] = header.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

/** The body's bytes, read up to `limit`; a 413 refusal once the limit is passed (reading stops). */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | Refusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | Refusal) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(TOO_LARGE);
      } else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onError = () =>
      finish({ status: 400, message: 'Isi permintaan terputus sebelum selesai dikirim.' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Depth, sizes and keys of a parsed body, walked without recursion. */
function inspectJson(value: unknown): Refusal | undefined {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  let values = 0;
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    values += 1;
    if (values > MAX_VALUES) {
      return { status: 413, message: `Isi permintaan memuat lebih dari ${fmt(MAX_VALUES)} nilai.` };
    }
    const { v, depth } = top;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      return { status: 400, message: `Isi permintaan bersarang lebih dari ${fmt(MAX_DEPTH)} tingkat.` };
    }
    const children = Array.isArray(v) ? v : Object.values(v);
    if (children.length > MAX_ITEMS) {
      return {
        status: 413,
        message: `Sebuah daftar atau objek dalam isi permintaan memuat lebih dari ${fmt(MAX_ITEMS)} unsur.`,
      };
    }
    if (!Array.isArray(v)) {
      const bad = Object.keys(v).find((k) => FORBIDDEN_KEYS.has(k));
      if (bad !== undefined) {
        return { status: 400, message: `Kunci "${bad}" tidak boleh dipakai dalam isi permintaan.` };
      }
    }
    for (const child of children) stack.push({ v: child, depth: depth + 1 });
  }
  return undefined;
}

/** The bytes as one JSON object, or why not. */
function parseBody(bytes: Buffer): { body: object } | Refusal {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { status: 400, message: 'Isi permintaan bukan teks UTF-8 yang sah.' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      status: 400,
      message: 'Isi permintaan bukan JSON yang sah; periksa tanda kutip, koma dan kurung.',
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { status: 400, message: 'Isi permintaan harus berupa objek JSON ({ ... }).' };
  }
  const refused = inspectJson(value);
  if (refused) return refused;
  return { body: value };
}

/** What the framework's parsers would have set, so they leave the request alone. */
interface ParsedRequest extends IncomingMessage {
  body?: unknown;
  rawBody?: Buffer;
}

/**
 * Screens one request: true when it may go on (its body, if any, parsed onto it); false when it
 * has been answered.
 */
async function screen(req: ParsedRequest, res: ServerResponse): Promise<boolean> {
  if (!carriesBody(req)) return true;
  if (!isJsonType(req.headers['content-type'])) {
    sendJson(res, NOT_JSON_TYPE.status, { error: NOT_JSON_TYPE.message }, true);
    return false;
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    sendJson(res, TOO_LARGE.status, { error: TOO_LARGE.message }, true);
    return false;
  }
  const bytes = await readLimited(req, MAX_BODY_BYTES);
  if (!Buffer.isBuffer(bytes)) {
    sendJson(res, bytes.status, { error: bytes.message }, true);
    return false;
  }
  const parsed = parseBody(bytes);
  if ('status' in parsed) {
    sendJson(res, parsed.status, { error: parsed.message });
    return false;
  }
  req.body = parsed.body;
  req.rawBody = bytes;
  return true;
}

/** An error the framework's pipeline passed on: JSON in Bahasa Indonesia, never its text. */
function answerPipelineError(err: unknown, req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  if (err === undefined) {
    sendJson(res, 404, { error: 'Alamat ini tidak melayani fungsi apa pun.' });
    return;
  }
  const declared = typeof err === 'object' && err !== null ? Reflect.get(err, 'status') : undefined;
  const status = typeof declared === 'number' && declared >= 400 && declared < 600 ? declared : 500;
  if (status === 413 || status === 415) {
    const refusal = status === 413 ? TOO_LARGE : NOT_JSON_TYPE;
    sendJson(res, status, { error: refusal.message }, true);
  } else if (status < 500) {
    sendJson(res, status, { error: 'Permintaan tidak sah.' });
  } else {
    console.error(err);
    sendJson(res, 500, {
      error: 'Terjadi galat pada server; coba lagi nanti. Rinciannya tercatat di log layanan.',
    });
  }
}

type Next = (err?: unknown) => void;
type Handle = (this: unknown, req: IncomingMessage, res: ServerResponse, next?: Next) => void;
interface Application {
  handle: Handle;
}

function isApplication(value: unknown): value is Application {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'handle') === 'function';
}

const guarded = new WeakSet<Application>();

/**
 * Puts `screen` in front of every Express application the Functions Framework creates from now
 * on (its express, resolved from its own folder: the copy it uses). Call it before the framework
 * builds its server (index.ts, at load time, is). Idempotent.
 */
export function installRequestGuard(): void {
  const frameworkRequire = createRequire(require.resolve('@google-cloud/functions-framework'));
  const express: unknown = frameworkRequire('express');
  const application: unknown =
    typeof express === 'function' ? Reflect.get(express, 'application') : undefined;
  if (!isApplication(application)) {
    throw new Error('functions-framework: Express application prototype not found');
  }
  if (guarded.has(application)) return;
  guarded.add(application);
  const original = application.handle;
  application.handle = function guardedHandle(req, res, next) {
    // a mounted sub-application: the application it is mounted on screened the request
    if (next) return original.call(this, req, res, next);
    screen(req, res).then(
      (go) => {
        if (go) original.call(this, req, res, (err) => answerPipelineError(err, req, res));
      },
      (err: unknown) => answerPipelineError(err, req, res),
    );
  };
}
