/**
 * The built script in a bare V8 context, as Apps Script runs it: only the generated
 * wrappers and `Lib` become globals, and onOpen / onFormSubmit work against the fakes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import nock from 'nock';
import ts from 'typescript';
import { type BuildResult, buildAppsScript } from '../../apps-script/build';
import { MENU_ITEMS } from '../../apps-script/src/menu';
import { TRIGGERS } from '../../apps-script/src/triggers';
import { createWorld, FUNCTIONS_URL, jakarta, type World } from './fakes/world';
import { NIP, pegawaiRows } from './helpers';

let out: string;
let built: BuildResult;
let code: string;

beforeAll(async () => {
  nock.disableNetConnect();
  out = mkdtempSync(path.join(tmpdir(), 'bangkom-gas-'));
  built = await buildAppsScript({ outDir: out, quiet: true });
  code = readFileSync(built.file, 'utf8');
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  nock.enableNetConnect();
});

/** Syntax newer than ES2019 (`??`, `?.`, logical assignment, class fields) found in a script. */
function newerThanEs2019(source: string): string[] {
  const file = ts.createSourceFile('Code.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: string[] = [];
  const newer = new Set([
    ts.SyntaxKind.QuestionQuestionToken,
    ts.SyntaxKind.QuestionQuestionEqualsToken,
    ts.SyntaxKind.BarBarEqualsToken,
    ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ]);
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && newer.has(node.operatorToken.kind))
      found.push(node.getText(file).slice(0, 60));
    if (
      (ts.isPropertyAccessExpression(node) ||
        ts.isElementAccessExpression(node) ||
        ts.isCallExpression(node)) &&
      node.questionDotToken
    ) {
      found.push(node.getText(file).slice(0, 60));
    }
    if (ts.isPropertyDeclaration(node) || ts.isClassStaticBlockDeclaration(node))
      found.push(node.getText(file).slice(0, 60));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function load(): { ctx: vm.Context; world: World; logs: string[] } {
  const ctx = vm.createContext({});
  const CtxDate = vm.runInContext('Date', ctx) as DateConstructor;
  const world = createWorld({ Date: CtxDate });
  const logs: string[] = [];
  Object.assign(ctx, world.globals, {
    console: {
      log: (m: string) => logs.push(m),
      warn: (m: string) => logs.push(m),
      error: (m: string) => logs.push(m),
    },
  });
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  return { ctx, world, logs };
}

describe('the built bundle', () => {
  it('is one ES2019 script with the manifest beside it', () => {
    expect(built.bytes).toBeGreaterThan(10_000);
    expect(code).toMatch(/^\/\/ .*\n"use strict";\nvar Lib = \(\(\) => \{/);
    expect(newerThanEs2019('x = a ?? b?.c; class K { f = 1 }')).toHaveLength(3); // the detector works
    expect(newerThanEs2019(code)).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(out, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ timeZone: 'Asia/Jakarta', runtimeVersion: 'V8' });
  });

  it('exposes exactly the exports of src/index.ts as globals', () => {
    const { ctx, world } = load();
    const given = new Set([...Object.keys(world.globals), 'console']);
    const added = Object.keys(ctx).filter((k) => !given.has(k));
    // functions are what the trigger picker and the menu see: exactly the exports
    expect(added.filter((k) => typeof ctx[k] === 'function').sort()).toEqual([...built.exports].sort());
    // besides Lib, only zod's own registry objects (zod 4 keeps them on globalThis)
    expect(added.filter((k) => typeof ctx[k] !== 'function' && k !== 'Lib' && !/^__zod_/.test(k))).toEqual(
      [],
    );
    expect(typeof ctx.Lib).toBe('object');
    for (const name of built.exports) expect(typeof ctx[name]).toBe('function');
    // helpers stay inside the IIFE
    expect(ctx.processSubmission).toBeUndefined();
    expect(ctx.validateSpreadsheet).toBeUndefined();
  });

  it('every menu item and trigger names a global of the bundle', () => {
    const { ctx } = load();
    for (const fn of [...MENU_ITEMS.map((m) => m.fn), ...TRIGGERS.map((t) => t.fn)]) {
      expect(typeof ctx[fn]).toBe('function');
    }
  });

  it('onOpen adds the Bangkom menu', () => {
    const { ctx, world } = load();
    vm.runInContext('onOpen()', ctx);
    expect(world.ui.menus).toHaveLength(1);
    const menu = world.ui.menus[0];
    expect(menu?.title).toBe('Bangkom');
    expect(
      menu?.items.filter((i) => i !== 'separator').map((i) => (typeof i === 'string' ? i : i.label)),
    ).toEqual([
      'Siapkan Lembar',
      'Buat Formulir',
      'Validasi Data',
      'Hitung & Sinkronkan',
      'Perbarui Ringkasan Pimpinan',
      'Kirim Undangan',
      'Halaman Presensi',
      'Ekspor SIASN',
      'Pasang Pemicu',
      'Lepas Pemicu (serah terima)',
    ]);
  });

  it('every global runs in the bare context: menu items say how they ended, triggers log it', () => {
    const { ctx, world, logs } = load();
    world.spreadsheet.addSheet('Pegawai', pegawaiRows());
    world.fetch.handler = (call) =>
      call.url.endsWith('/runCycle')
        ? { code: 202, body: JSON.stringify({ runId: 'r-1', status: 'berjalan' }) }
        : call.url.endsWith('/runStatus')
          ? { code: 200, body: JSON.stringify({ status: 'selesai', hasil: {} }) }
          : { code: 200, body: '{"ok":true}' };
    const menu = new Set(MENU_ITEMS.map((m) => m.fn));
    // the order staff follow: sheets and forms first, the daily runs after
    const order = [
      'siapkanLembar',
      'buatFormulir',
      'lanjutkanFormulir',
      'validasiData',
      'hitungSinkronkan',
      'perbaruiRingkasan',
      'kirimUndangan',
      'halamanPresensi',
      'eksporSiasn',
      'lanjutkanUndangan',
      'pengingatUndangan',
      'pengingatPerilaku',
      'cobaUlangAntrian',
      'pasangPemicu',
      'lepasPemicu',
    ];
    // onOpen and onFormSubmit have their own tests above
    expect([...order, 'onOpen', 'onFormSubmit'].sort()).toEqual([...built.exports].sort());
    for (const fn of order) {
      const alerts = world.ui.alerts.length;
      const toasts = world.spreadsheet.toasts.length;
      const logged = logs.length;
      expect(() => vm.runInContext(`${fn}()`, ctx)).not.toThrow();
      const said = [...world.ui.alerts.slice(alerts), ...logs.slice(logged)].join('\n');
      // a menu item says how it ended: an alert, or (Validasi Data) a toast
      const shown = world.ui.alerts.length - alerts + (world.spreadsheet.toasts.length > toasts ? 1 : 0);
      if (menu.has(fn)) expect([fn, shown > 0]).toEqual([fn, true]);
      // nothing failed for want of a global, a realm or a service: no raw or general error
      expect([fn, said]).not.toEqual([
        fn,
        expect.stringMatching(/Exception|Error|galat tak terduga|tidak selesai/),
      ]);
    }
    expect(world.ui.alerts.join('\n')).toContain('pemicu terpasang');
    expect(world.script.triggers).toEqual([]); // Lepas Pemicu took them away again
  });

  it('Halaman Presensi draws its QR codes inside the bundle', () => {
    const { ctx, world } = load();
    const CtxDate = vm.runInContext('Date', ctx) as DateConstructor;
    world.spreadsheet.addSheet('Pegawai', pegawaiRows());
    world.spreadsheet.addSheet('Jadwal', [
      ['ID Sesi', 'Kode', 'Judul', 'Mulai', 'Selesai', 'Lokasi', 'Peserta'],
      [
        'S-2099-01',
        'PL-01',
        'Pelayanan Prima',
        jakarta(2099, 3, 10, 8, 0, 0, CtxDate),
        jakarta(2099, 3, 11, 16, 0, 0, CtxDate),
        'Aula',
        NIP.ani,
      ],
    ]);
    vm.runInContext('buatFormulir()', ctx);
    vm.runInContext('halamanPresensi()', ctx);
    const images = world.spreadsheet.sheet('Presensi Sesi')?.images ?? [];
    expect(images.map((im) => String.fromCharCode(...im.blob.getBytes().slice(0, 3)))).toEqual(['GIF']);
    expect(world.ui.alerts.at(-1)).toMatch(/^Lembar "Presensi Sesi" berisi 1 sesi/);
  });

  it('Kirim Undangan leaves an Undangan the bundled core reads back as announced invitations', () => {
    const { ctx, world } = load();
    const CtxDate = vm.runInContext('Date', ctx) as DateConstructor;
    world.spreadsheet.addSheet('Pegawai', pegawaiRows());
    world.spreadsheet.addSheet('Jadwal', [
      ['ID Sesi', 'Kode', 'Judul', 'Mulai', 'Selesai', 'Lokasi', 'Peserta'],
      [
        'S-2099-02',
        'PL-01',
        'Pelayanan Prima',
        jakarta(2099, 3, 10, 8, 0, 0, CtxDate),
        jakarta(2099, 3, 11, 16, 0, 0, CtxDate),
        'Aula',
        `${NIP.ani}, ${NIP.budi}`,
      ],
    ]);
    vm.runInContext('buatFormulir()', ctx);
    vm.runInContext('kirimUndangan()', ctx);
    type Summary = {
      errors: { sheet: string; row: number; column: string }[];
      data: { invitations: { sesi: string; nip: string; status?: string }[] };
    };
    const read = () => vm.runInContext('validasiData()', ctx) as Summary;
    const ok = read();
    expect(ok.errors.filter((e) => e.sheet === 'Undangan')).toEqual([]);
    expect(ok.data.invitations.map((u) => [u.sesi, u.nip, u.status])).toEqual([
      ['S-2099-02', NIP.ani, 'Diundang'],
      ['S-2099-02', NIP.budi, 'Diundang'],
    ]);
    // a Status no one wrote is named, the row left out
    world.spreadsheet.sheet('Undangan')?.write(3, 7, 'Entah');
    const bad = read();
    expect(bad.errors.filter((e) => e.sheet === 'Undangan').map((e) => [e.row, e.column])).toEqual([
      [3, 'Status'],
    ]);
    expect(bad.data.invitations.map((u) => u.nip)).toEqual([NIP.ani]);
  });

  it('onFormSubmit records, validates and forwards a response', () => {
    const { ctx, world } = load();
    world.spreadsheet.addSheet('Pegawai', pegawaiRows());
    vm.runInContext('buatFormulir()', ctx);
    const ids = JSON.parse(world.scriptProps.getProperty('BANGKOM_FORMS') ?? '{}') as Record<string, string>;
    const form = world.forms.get(ids.reaksi ?? '');
    if (!form) throw new Error('reaction form missing');
    const at = jakarta(2026, 5, 20, 15, 45, 0, vm.runInContext('Date', ctx) as DateConstructor);
    ctx.event = form.submit(
      {
        'ID Sesi': 'S-2026-07',
        NIP: NIP.ani,
        'R1. Materi pelatihan sesuai dengan kebutuhan pekerjaan saya.': '4',
        'R8. Pelatihan ini bermanfaat untuk meningkatkan kinerja saya.': '3',
      },
      at,
    );
    vm.runInContext('onFormSubmit(event)', ctx);

    const sheet = world.spreadsheet.sheet('Respons Evaluasi Reaksi')?.dump() ?? [];
    const header = (sheet[0] ?? []).map(String);
    expect(sheet[1]?.[header.indexOf('Status')]).toBe('Terkirim');
    const [body] = world.fetch.bodies('ingestResponse');
    expect(world.fetch.requests[0]?.url).toBe(`${FUNCTIONS_URL}/ingestResponse`);
    expect(body).toMatchObject({
      kind: 'reaction',
      submittedAt: '2026-05-20T15:45:00',
      sheet: 'Evaluasi Reaksi',
      valid: true,
      values: { 'ID Sesi': 'S-2026-07', NIP: NIP.ani, R1: 4, R8: 3, R2: null },
    });
    expect(world.lock.released).toBe(world.lock.acquired);
  });
});
