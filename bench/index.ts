/**
 * `npm run bench`: runs every bench/*.bench.ts in turn and prints its figures.
 * Each bench module exports `name` and `run(): Promise<void>` and prints its own table.
 * `npm run bench -- schedule` runs only the benches whose file name contains "schedule".
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fmt } from './format';

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as { name: string; run: () => Promise<void> };
    console.log(`\n=== ${mod.name} (${file}) ===`);
    const t0 = performance.now();
    await mod.run();
    console.log(`(${fmt((performance.now() - t0) / 1000, 1)} detik)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
