/**
 * Hostile requests against every function, served by the Functions Framework itself
 * (getTestServer: its Express application, body parsers and all): each is answered with a
 * JSON error in Bahasa Indonesia and the right status, before the token is checked, with no
 * stack trace or JavaScript error text, and nothing is written.
 */
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { MAX_BODY_BYTES, MAX_DEPTH, MAX_ITEMS } from '../../functions/src/adapters/request-guard';
import { type Harness, ids, STAF, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const TARGETS = [
  'ingestResponse',
  'syncWorkbook',
  'computeGaps',
  'scheduleTrainings',
  'summarizeEvaluations',
  'readSummary',
  'runCycle',
  'runStatus',
  'refreshSummary',
] as const;

interface Answer {
  status: number;
  type: string;
  text: string;
}

/** What no answer may show: HTML, a stack, JavaScript's own error words, server paths. */
function expectCleanJsonError(a: Answer, status: number): void {
  expect({ status: a.status, type: a.type }).toEqual({
    status,
    type: expect.stringMatching(/^application\/json/),
  });
  const body = JSON.parse(a.text) as { error?: unknown };
  expect(typeof body.error).toBe('string');
  expect(a.text).not.toMatch(
    /<html|<pre|SyntaxError|RangeError|TypeError|Unexpected token|\bat [\w.]+ \(|node_modules|\/work\//i,
  );
}

const servers = new Map<string, Server>();
afterAll(() =>
  Promise.all([...servers.values()].map((s) => new Promise<void>((resolve) => s.close(() => resolve())))),
);

/** The framework's server for a target, listening on loopback (bytes go on the wire as given). */
async function serve(target: string): Promise<Server> {
  let server = servers.get(target);
  if (!server) {
    const s = getTestServer(target);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    servers.set(target, s);
    server = s;
  }
  return server;
}

async function post(
  target: string,
  type: string | undefined,
  body: string | Buffer,
  token = true,
): Promise<Answer> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const headers: Record<string, string> = { 'content-length': String(bytes.length) };
  if (type) headers['content-type'] = type;
  if (token) headers.authorization = `Bearer ${h.token(STAF)}`;
  return raw(await serve(target), headers, [bytes], false);
}

/** A raw request on a listening framework server: headers as given, the body as chunks. */
function raw(
  server: Server,
  headers: Record<string, string>,
  chunks: Buffer[],
  hold: boolean,
): Promise<Answer & { sent: number }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        text += d;
      });
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text, sent });
      });
    });
    req.on('error', reject);
    for (const c of chunks) {
      sent += c.length;
      req.write(c);
    }
    // hold: the rest of the declared body never comes; the answer must not wait for it
    if (!hold) req.end();
  });
}

async function runsOf(tenant: string): Promise<string[]> {
  return ids(h.db, tenant, 'runs');
}

describe('hostile requests: every function answers JSON in Bahasa Indonesia', () => {
  const bodies: [string, string | undefined, string | Buffer, number][] = [
    ['malformed JSON', 'application/json', '{"tenant": "sawahlunto", ', 400],
    ['a bare null', 'application/json', 'null', 400],
    ['a JSON array', 'application/json', '[{"tenant":"sawahlunto"}]', 400],
    ['a JSON string', 'application/json', '"sawahlunto"', 400],
    [
      'bytes that are not UTF-8',
      'application/json',
      Buffer.concat([Buffer.from('{"tenant":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      400,
    ],
    ['form-urlencoded', 'application/x-www-form-urlencoded', 'tenant=sawahlunto&runId=x', 415],
    ['text/plain holding JSON', 'text/plain', '{"tenant":"sawahlunto"}', 415],
    ['JSON in another charset', 'application/json; charset=latin1', '{"tenant":"sawahlunto"}', 415],
    ['cloudevents JSON', 'application/cloudevents+json', '{"tenant":"sawahlunto"}', 415],
    ['a body with no content type', undefined, '{"tenant":"sawahlunto"}', 415],
    ['a __proto__ key', 'application/json', '{"tenant":"sawahlunto","__proto__":{"polluted":true}}', 400],
    [
      'a nested constructor key',
      'application/json',
      '{"tenant":"sawahlunto","values":{"a":{"constructor":{"prototype":{"polluted":true}}}}}',
      400,
    ],
    [
      `nesting deeper than ${MAX_DEPTH}`,
      'application/json',
      `{"tenant":"sawahlunto","values":${'['.repeat(MAX_DEPTH)}1${']'.repeat(MAX_DEPTH)}}`,
      400,
    ],
    [
      'nesting 100.000 deep',
      'application/json',
      `{"tenant":"sawahlunto","values":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      400,
    ],
    [
      `a list of more than ${MAX_ITEMS} items`,
      'application/json',
      `{"tenant":"sawahlunto","submissions":[${Array(MAX_ITEMS + 1)
        .fill('0')
        .join(',')}]}`,
      413,
    ],
    [
      'an object with too many keys',
      'application/json',
      `{"tenant":"sawahlunto",${Array.from({ length: MAX_ITEMS + 1 }, (_, i) => `"k${i}":0`).join(',')}}`,
      413,
    ],
  ];

  it.each(TARGETS)(
    '%s: each hostile body refused with its status, with or without a token',
    async (target) => {
      const before = await runsOf('sawahlunto');
      for (const [what, type, body, status] of bodies) {
        for (const token of [true, false]) {
          const a = await post(target, type, body, token);
          try {
            expectCleanJsonError(a, status);
          } catch (err) {
            throw new Error(
              `${target}, ${what}, token ${token}: ${a.status} ${a.text.slice(0, 200)}\n${err}`,
            );
          }
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(await runsOf('sawahlunto')).toEqual(before);
    },
    60_000,
  );

  it('the messages name the fault in Bahasa Indonesia', async () => {
    const expectations: [string | undefined, string, RegExp][] = [
      ['application/json', '{"tenant": ', /bukan JSON yang sah/],
      ['application/json', 'null', /harus berupa objek JSON/],
      ['application/x-www-form-urlencoded', 'tenant=sawahlunto', /Content-Type: application\/json/],
      ['application/json', '{"__proto__":{}}', /Kunci "__proto__" tidak boleh/],
      ['application/json', `{"a":${'['.repeat(40)}${']'.repeat(40)}}`, /bersarang lebih dari 32 tingkat/],
      ['application/json', `{"a":[${Array(10_001).fill(0).join(',')}]}`, /lebih dari 10\.000 unsur/],
    ];
    for (const [type, body, message] of expectations) {
      const a = await post('ingestResponse', type, body);
      expect(JSON.parse(a.text).error).toMatch(message);
    }
  });

  it('a body just inside the limits reaches the function (and its own checks)', async () => {
    const depth = MAX_DEPTH - 2;
    const a = await post(
      'readSummary',
      'application/json; charset=UTF-8',
      `{"tenant":"sawahlunto","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    );
    // readSummary's schema ignores an unknown key: the call goes through to the function
    expect(a.status).toBe(200);
  });

  it.each(TARGETS)('%s: a method it does not take gets 405 as JSON', async (target) => {
    const res = await h
      .call(target)
      .put('/')
      .set('Authorization', `Bearer ${h.token(STAF)}`)
      .send({ tenant: 'sawahlunto' });
    expectCleanJsonError(
      { status: res.status, type: String(res.headers['content-type']), text: res.text },
      405,
    );
    expect(res.headers.allow).toMatch(/POST/);
  });

  it('health takes GET only', async () => {
    const res = await h.call('health').post('/').send({});
    expectCleanJsonError(
      { status: res.status, type: String(res.headers['content-type']), text: res.text },
      405,
    );
    expect((await h.call('health').get('/')).status).toBe(200);
  });
});

describe('oversized bodies are refused before they are read', () => {
  let server: Server;
  beforeAll(async () => {
    server = await serve('ingestResponse');
  });

  it('a declared length over the limit: 413 while the body is still unsent', async () => {
    const a = await raw(
      server,
      { 'content-type': 'application/json', 'content-length': String(500 * 1024 * 1024) },
      [Buffer.from('{"tenant":"sawahlunto","x":"')],
      true,
    );
    expectCleanJsonError(a, 413);
    expect(JSON.parse(a.text).error).toMatch(/lebih dari 8 MB/);
  });

  it('a chunked body is read only up to the limit: 413 while the sender is still sending', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const chunks = [
      Buffer.from('{"tenant":"sawahlunto","x":"'),
      ...Array(MAX_BODY_BYTES / chunk.length + 1).fill(chunk),
    ];
    const a = await raw(
      server,
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks,
      true,
    );
    expectCleanJsonError(a, 413);
  });

  it('a body of exactly the limit is read and judged on its content', async () => {
    const head = '{"tenant":"sawahlunto","x":"';
    const body = `${head}${'a'.repeat(MAX_BODY_BYTES - head.length - 2)}"}`;
    expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
    const a = await raw(server, { 'content-type': 'application/json' }, [Buffer.from(body)], false);
    // past the edge: the token check of the function itself answers
    expect(a.status).toBe(401);
  });
});
