/**
 * Builds the deployable Cloud Functions source: one esbuild bundle of functions/src/index.ts
 * (with @bangkom/core, which is not on npm, inlined) plus a package.json listing only the
 * runtime dependencies left external. Usage: `npx tsx functions/bundle.ts [outDir]`
 * (default functions/dist/deploy, ignored by git), then
 * `gcloud functions deploy ... --source=functions/dist/deploy`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** Loaded from node_modules at run time: native/wasm assets, or large and shared. */
const EXTERNAL = [
  '@google-cloud/functions-framework',
  '@googleapis/sheets',
  'date-holidays',
  'firebase-admin',
  'google-auth-library',
  'highs',
] as const;

/** Development-only packages: a deployed function must never load them (see emulator-loader.ts). */
const FORBIDDEN = ['@firestore-emulator/server'] as const;

/** Fails the build when the functions' entry reaches a development-only package. */
const forbidDevPackages: Plugin = {
  name: 'forbid-dev-packages',
  setup(b) {
    const filter = new RegExp(`^(${FORBIDDEN.map((n) => n.replace(/[/.]/g, '\\$&')).join('|')})(/|$)`);
    b.onResolve({ filter }, (args) => ({
      errors: [
        { text: `${args.path} adalah dependensi pengembangan; ${args.importer} tidak boleh memuatnya` },
      ],
    }));
  },
};

/** Writes index.js (+ map) and package.json into `out`. */
export async function buildBundle(out: string): Promise<void> {
  const here = __dirname;
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
    external: [...EXTERNAL],
    plugins: [forbidDevPackages],
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
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? join(__dirname, 'dist', 'deploy'));
  buildBundle(out).then(
    () => console.log(`Paket fungsi siap di ${out} (index.js + package.json).`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
