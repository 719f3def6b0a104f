/**
 * Builds the deployable Cloud Functions source: one esbuild bundle of functions/src/index.ts
 * (with @bangkom/core, which is not on npm, inlined) plus a package.json listing only the
 * runtime dependencies left external. Usage: `npx tsx functions/bundle.ts [outDir]`
 * (default functions/dist/deploy, ignored by git), then
 * `gcloud functions deploy ... --source=functions/dist/deploy`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/** Loaded from node_modules at run time: native/wasm assets, or large and shared. */
const EXTERNAL = [
  '@google-cloud/functions-framework',
  '@googleapis/sheets',
  'date-holidays',
  'firebase-admin',
  'google-auth-library',
  'highs',
] as const;

async function main(): Promise<void> {
  const here = __dirname;
  const out = resolve(process.argv[2] ?? join(here, 'dist', 'deploy'));
  mkdirSync(out, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  await build({
    entryPoints: [join(here, 'src', 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: join(out, 'index.js'),
    external: [...EXTERNAL, '@firestore-emulator/server'],
    sourcemap: true,
    logLevel: 'warning',
  });
  const dependencies = Object.fromEntries(
    EXTERNAL.map((name) => {
      const version = pkg.dependencies[name];
      if (!version) throw new Error(`${name} is not a dependency of functions/package.json`);
      return [name, version];
    }),
  );
  writeFileSync(
    join(out, 'package.json'),
    `${JSON.stringify(
      {
        name: 'bangkom-functions',
        private: true,
        main: 'index.js',
        engines: { node: '20' },
        dependencies,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Paket fungsi siap di ${out} (index.js + package.json).`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
