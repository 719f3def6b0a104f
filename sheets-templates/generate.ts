/**
 * `npm run templates`: regenerates the committed workbooks of this folder.
 *   template-bangkom.xlsx   blank template from the core's SHEET_SPECS (+ Petunjuk)
 *   sampel-sawahlunto.xlsx  deterministic Kota Sawahlunto sample (SAMPLE_OPTIONS)
 * Both are byte-for-byte reproducible. `--province` also (re)builds the cached 50,000-ASN
 * bench workbook under bench/.cache/.
 *
 * `--advance-year` writes the sample one year on instead (advance.ts): `sampel-sawahlunto-2027.xlsx`
 * beside the sample (not committed), so a second `bangkom run` on it, with the same `.bangkom`
 * data folder, shows the trend of two cycles.
 */
import { join } from 'node:path';
import { advanceYear } from './advance.js';
import { generateProgramDetailed, SAMPLE_OPTIONS } from './program.js';
import { ensureProvinceWorkbook } from './province.js';
import { writeTemplateXlsx } from './template.js';
import { writeWorkbookXlsx } from './xlsx.js';

export const TEMPLATE_PATH = join(__dirname, 'template-bangkom.xlsx');
export const SAMPLE_PATH = join(__dirname, 'sampel-sawahlunto.xlsx');

/** The advanced sample's file: named after its realisation year (Tahun JP). */
export function advancedSamplePath(tahunJp: number): string {
  return join(__dirname, `sampel-sawahlunto-${tahunJp}.xlsx`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--advance-year')) {
    const tahunJp = (SAMPLE_OPTIONS.tahunJp ?? 2026) + 1;
    const raw = advanceYear(generateProgramDetailed(SAMPLE_OPTIONS).raw, SAMPLE_OPTIONS.seed);
    const path = advancedSamplePath(tahunJp);
    await writeWorkbookXlsx(raw, path);
    console.log(`Sampel setahun kemudian (Tahun JP ${tahunJp}) ditulis: ${path}`);
    return;
  }
  await writeTemplateXlsx(TEMPLATE_PATH);
  console.log(`Templat ditulis: ${TEMPLATE_PATH}`);
  const sample = generateProgramDetailed(SAMPLE_OPTIONS);
  await writeWorkbookXlsx(sample.raw, SAMPLE_PATH);
  const rows = Object.entries(sample.raw)
    .map(([name, sheet]) => `${name} ${sheet.length - 1}`)
    .join(', ');
  console.log(`Sampel ditulis: ${SAMPLE_PATH} (${rows}; ${sample.invalid.length} baris sengaja tidak sah)`);
  if (process.argv.includes('--province')) {
    const path = await ensureProvinceWorkbook({ force: true });
    console.log(`Buku kerja provinsi ditulis: ${path}`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
