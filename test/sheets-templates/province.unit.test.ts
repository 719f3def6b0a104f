import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import nock from 'nock';
import { generateProgram } from '../../sheets-templates/program';
import { cachedWorkbookPath, ensureProvinceWorkbook } from '../../sheets-templates/province';
import { normaliseSheet, readWorkbookXlsx } from '../../sheets-templates/xlsx';

let dir: string;
beforeAll(() => {
  nock.disableNetConnect();
  dir = mkdtempSync(join(tmpdir(), 'bangkom-cache-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  nock.enableNetConnect();
});

describe('ensureProvinceWorkbook (small size: the 50,000-ASN one is for the bench only)', () => {
  const options = { seed: 3, employees: 250, sessions: 2 };

  it('writes once, reuses the cache, and drops files of older generator versions', async () => {
    const stale = join(
      dir,
      `${basename(cachedWorkbookPath(options)).replace(/-v[0-9a-f]{10}\.xlsx$/, '')}-v0000000000.xlsx`,
    );
    const other = join(dir, 'program-asn999-seed3-kursusbawaan-v0000000000.xlsx');
    writeFileSync(stale, 'lama');
    writeFileSync(other, 'lain');
    const path = await ensureProvinceWorkbook({ options, dir });
    expect(path).toBe(cachedWorkbookPath(options, dir));
    const written = statSync(path).mtimeMs;
    expect(await ensureProvinceWorkbook({ options, dir })).toBe(path);
    expect(statSync(path).mtimeMs).toBe(written);
    expect(readdirSync(dir).sort()).toEqual([basename(other), basename(path)].sort());

    const back = await readWorkbookXlsx(path);
    const raw = generateProgram(options);
    expect(back.Pegawai).toEqual(normaliseSheet(raw.Pegawai ?? []));
  });
});
