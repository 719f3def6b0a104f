/**
 * Bundles apps-script/src into one plain script for Apps Script (V8): an IIFE that keeps
 * every helper private, plus one generated top-level function per export of src/index.ts
 * (`function onOpen(){ return Lib.onOpen.apply(this, arguments) }`), which is all the
 * trigger picker and the menu can see. The shared core comes from core/src, as in functions.
 *
 *   npx tsx apps-script/build.ts      (or: npm run build -w apps-script)
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

export const GLOBAL_NAME = 'Lib';
const ROOT = __dirname;

/** `@bangkom/core` -> the core's sources, so both runtimes run the same code. */
const coreSources: Plugin = {
  name: 'bangkom-core',
  setup(b) {
    b.onResolve({ filter: /^@bangkom\/core$/ }, () => ({
      path: path.join(ROOT, '..', 'core', 'src', 'index.ts'),
    }));
  },
};

const ZOD_SHIM = path.join(ROOT, 'zod-named.ts');

/** `zod` -> zod-named.ts (named imports only), except inside the shim itself. */
const zodByName: Plugin = {
  name: 'zod-by-name',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, (args) => (args.importer === ZOD_SHIM ? undefined : { path: ZOD_SHIM }));
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** Every `z.member(` the core calls must be one the shim exports, or the script would fail at run time. */
export function checkZodMembers(coreDir = path.join(ROOT, '..', 'core', 'src')): void {
  const shim = readFileSync(ZOD_SHIM, 'utf8');
  const provided = new Set(
    (/export const z = \{([^}]*)\}/.exec(shim)?.[1] ?? '')
      .split(',')
      .map((m) => m.split(':')[0]?.trim() ?? ''),
  );
  const missing = new Set<string>();
  for (const file of sourceFiles(coreDir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bz\s*\.\s*([A-Za-z_$][\w$]*)\s*\(/g)) {
      if (m[1] && !provided.has(m[1])) missing.add(`${m[1]} (${path.relative(coreDir, file)})`);
    }
  }
  if (missing.size > 0) {
    throw new Error(
      `apps-script/zod-named.ts belum menyediakan: ${[...missing].join(', ')}. Tambahkan ke objek z.`,
    );
  }
}

export interface BuildResult {
  file: string;
  bytes: number;
  exports: string[];
}

/** Export names of src/index.ts, as esbuild sees them. */
async function exportNames(entry: string): Promise<string[]> {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
    platform: 'neutral',
    plugins: [coreSources, zodByName],
    logLevel: 'silent',
  });
  const out = Object.values(r.metafile.outputs).find((o) => o.entryPoint !== undefined);
  return [...(out?.exports ?? [])].sort();
}

export function wrappers(names: readonly string[]): string {
  return names
    .map((n) => `function ${n}() {\n  return ${GLOBAL_NAME}.${n}.apply(this, arguments);\n}`)
    .join('\n');
}

export async function buildAppsScript(opts: { outDir?: string; quiet?: boolean } = {}): Promise<BuildResult> {
  const entry = path.join(ROOT, 'src', 'index.ts');
  const outDir = opts.outDir ?? path.join(ROOT, 'dist');
  const file = path.join(outDir, 'Code.js');
  mkdirSync(outDir, { recursive: true });
  checkZodMembers();
  const names = await exportNames(entry);
  const bad = names.filter((n) => !/^[A-Za-z_$][\w$]*$/.test(n) || n === 'default');
  if (bad.length > 0)
    throw new Error(`Ekspor tidak dapat menjadi fungsi global Apps Script: ${bad.join(', ')}`);
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2019',
    // Apps Script's V8 runtime has BigInt (the core's exact IKM arithmetic uses it)
    supported: { bigint: true },
    platform: 'neutral',
    mainFields: ['module', 'main'],
    treeShaking: true,
    charset: 'utf8',
    legalComments: 'none',
    outfile: file,
    plugins: [coreSources, zodByName],
    banner: { js: '// Dibangun dari apps-script/src oleh build.ts. Jangan diubah langsung.' },
    footer: { js: wrappers(names) },
    logLevel: 'warning',
  });
  copyFileSync(path.join(ROOT, 'appsscript.json'), path.join(outDir, 'appsscript.json'));
  const bytes = statSync(file).size;
  if (!opts.quiet)
    console.log(`apps-script/dist/Code.js  ${(bytes / 1024).toFixed(1)} KiB, ${names.length} fungsi global`);
  return { file, bytes, exports: names };
}

if (require.main === module) {
  buildAppsScript().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
