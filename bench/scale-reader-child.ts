/**
 * One read of a workbook for the reader comparison (bench/scale-reader.bench.ts), in a process of
 * its own so that its peak memory is its own:
 *   `tsx bench/scale-reader-child.ts bangkom|unzip|scan <workbook>`
 * - bangkom: readWorkbookFile, what `bangkom run` reads with (exceljs' streaming reader, the
 *   in-memory one when the stream cannot be trusted); counts the non-blank cells it returns;
 * - unzip: every zip entry inflated (node:zlib, streamed), nothing parsed: the floor of any reader;
 * - scan: unzip, and every worksheet's XML scanned for cell values (`<v>` and inline `<is>`), no
 *   tree, no types, no shared strings resolved: the floor of any streaming XML reader in JS.
 * Prints one JSON line: { seconds, peakMb, cells }.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { isBlankCell } from '@bangkom/core';
import { readWorkbookFile } from '../functions/src/adapters/workbook-file';

export interface ReaderResult {
  seconds: number;
  peakMb: number;
  /** cells with a value, as each reader counts them */
  cells: number;
}

interface Entry {
  name: string;
  method: number;
  offset: number;
  size: number;
}

/** The zip's entries from its central directory (no ZIP64: a workbook is far below 4 GB). */
function entries(fd: number): Entry[] {
  const size = fstatSync(fd).size;
  const tail = Buffer.alloc(Math.min(size, 65_557));
  readSync(fd, tail, 0, tail.length, size - tail.length);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('bukan berkas zip');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  const cd = Buffer.alloc(cdSize);
  readSync(fd, cd, 0, cdSize, cdOffset);
  const out: Entry[] = [];
  for (let p = 0, i = 0; i < count; i++) {
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const local = cd.readUInt32LE(p + 42);
    const head = Buffer.alloc(30);
    readSync(fd, head, 0, 30, local);
    out.push({
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      method: cd.readUInt16LE(p + 10),
      size: cd.readUInt32LE(p + 20),
      offset: local + 30 + head.readUInt16LE(26) + head.readUInt16LE(28),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Inflates one entry in pieces, handing each piece of XML to `onChunk`. */
async function inflate(fd: number, e: Entry, onChunk: (chunk: Buffer) => void): Promise<void> {
  const compressed = Buffer.alloc(e.size);
  readSync(fd, compressed, 0, e.size, e.offset);
  if (e.method === 0) {
    onChunk(compressed);
    return;
  }
  const inflater = createInflateRaw();
  const done = new Promise<void>((resolve, reject) => {
    inflater.on('data', (c: Buffer) => onChunk(c));
    inflater.on('end', resolve);
    inflater.on('error', reject);
  });
  inflater.end(compressed);
  await done;
}

const VALUE = Buffer.from('<v>');
const INLINE = Buffer.from('<is>');

/** Occurrences of `needle` in a stream of chunks (a match across two chunks counts once). */
function counter(needle: Buffer): { feed(chunk: Buffer): void; count(): number } {
  let carry: Buffer = Buffer.alloc(0);
  let n = 0;
  return {
    feed(chunk) {
      const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, i + needle.length)) n++;
      carry = buf.subarray(Math.max(0, buf.length - (needle.length - 1)));
    },
    count: () => n,
  };
}

async function raw(path: string, scan: boolean): Promise<number> {
  const fd = openSync(path, 'r');
  let cells = 0;
  try {
    for (const e of entries(fd)) {
      const sheet = scan && /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
      const values = counter(VALUE);
      const inline = counter(INLINE);
      await inflate(fd, e, (chunk) => {
        if (!sheet) return;
        values.feed(chunk);
        inline.feed(chunk);
      });
      cells += values.count() + inline.count();
    }
  } finally {
    closeSync(fd);
  }
  return cells;
}

async function bangkom(path: string): Promise<number> {
  const wb = await readWorkbookFile(path);
  let cells = 0;
  for (const rows of Object.values(wb)) {
    for (const row of rows) for (const c of row) if (!isBlankCell(c)) cells++;
  }
  return cells;
}

async function main(): Promise<void> {
  const [mode, path] = process.argv.slice(2);
  if (!path || !['bangkom', 'unzip', 'scan'].includes(mode ?? '')) {
    throw new Error('pakai: scale-reader-child.ts bangkom|unzip|scan <buku kerja>');
  }
  const t0 = performance.now();
  const cells = mode === 'bangkom' ? await bangkom(path) : await raw(path, mode === 'scan');
  const result: ReaderResult = {
    seconds: (performance.now() - t0) / 1000,
    peakMb: process.resourceUsage().maxRSS / 1024,
    cells,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
