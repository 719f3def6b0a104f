/**
 * Reader comparison (part of `npm run bench -- scale`): the program workbook at 2,500 (the
 * Sawahlunto sample), 10,000 and 50,000 ASN, read by
 * - bangkom's reader (readWorkbookFile: exceljs streaming, what `bangkom run` uses);
 * - Python openpyxl in read-only mode with cached values (`load_workbook(read_only=True,
 *   data_only=True)`, every row's values), what an analyst would use on the same file;
 * - the raw floor: unzip alone, and unzip plus a scan of each worksheet's XML for its values
 *   (no tree, no types, no shared strings resolved: no reader that keeps types can be faster).
 * Each read in a process of its own under `nice`, one at a time: seconds, peak RSS and the cells
 * with a value each one counted. openpyxl needs `python3-openpyxl` (Debian); without it, its row
 * says so. `BENCH_SCALE=2500,10000` picks sizes, as for the scale bench.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { num } from '../functions/src/cli/format';
import { benchSizes, load, workbookFor } from './scale.bench';
import type { ReaderResult } from './scale-reader-child';

export const name = 'Skala: pembaca buku kerja (bangkom, openpyxl, batas bawah unzip dan pindai XML)';

const OPENPYXL = `
import json, resource, sys, time
t0 = time.perf_counter()
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], read_only=True, data_only=True)
cells = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for v in row:
            if v is not None and v != '':
                cells += 1
wb.close()
print(json.dumps({"seconds": time.perf_counter() - t0,
                  "peakMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "cells": cells}))
`;

/** A Python with openpyxl (pyenv's python3 may lack the Debian package), or undefined. */
function python(): string | undefined {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import openpyxl'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

function nodeRead(mode: 'bangkom' | 'unzip' | 'scan', workbook: string): ReaderResult {
  const args = ['-n', '10', process.execPath, '--import', 'tsx', join(__dirname, 'scale-reader-child.ts')];
  const printed = execFileSync('nice', [...args, mode, workbook], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(printed.trim().split('\n').at(-1) ?? '{}') as ReaderResult;
}

function pythonRead(py: string, workbook: string): ReaderResult {
  const printed = execFileSync('nice', ['-n', '10', py, '-c', OPENPYXL, workbook], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(printed.trim().split('\n').at(-1) ?? '{}') as ReaderResult;
}

export async function run(): Promise<void> {
  const sizes = benchSizes();
  const py = python();
  for (const asn of sizes) {
    const workbook = await workbookFor(asn);
    const before = load();
    const rows: [string, ReaderResult | undefined][] = [
      ['bangkom (exceljs streaming)', nodeRead('bangkom', workbook)],
      ['openpyxl read-only (Python)', py ? pythonRead(py, workbook) : undefined],
      ['batas bawah: unzip + pindai XML', nodeRead('scan', workbook)],
      ['batas bawah: unzip saja', nodeRead('unzip', workbook)],
    ];
    const base = rows[0]?.[1]?.seconds ?? 0;
    console.log(`\n${num(asn)} ASN (beban ${before} -> ${load()}):`);
    const head = ['Pembaca', 'detik', 'x bangkom', 'RSS puncak (MB)', 'sel bernilai'];
    const body = rows.map(([label, r]) =>
      r
        ? [
            label,
            num(r.seconds, 1, true),
            num(r.seconds / base, 2, true),
            num(r.peakMb),
            r.cells > 0 ? num(r.cells) : '–',
          ]
        : [label, 'tidak tersedia (apt-get install python3-openpyxl)', '', '', ''],
    );
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
    console.log(line(head));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of body) console.log(line(r));
  }
}
