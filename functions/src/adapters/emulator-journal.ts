/**
 * The local store's journal (`firestore.bkdb.jurnal` beside `firestore.bkdb`): documents added
 * after the store was saved, so that a rerun that changed nothing but its run audit neither
 * loads nor rewrites a store of hundreds of megabytes to add one document.
 *
 * File, JSON lines:
 *   line 1  `bangkom-firestore-jurnal`   magic
 *   line 2  { format, base }             base: the `savedAt` of the store it extends
 *   then    documents in the store's line form ({ p, c, u, f }); a later line replaces an earlier
 * The next full save folds the journal into the store and removes it. A journal whose base is not
 * the store's `savedAt` belongs to an earlier store (a save that stopped before removing it) and
 * is ignored. A last line without its line break is an append cut short and is ignored; any other
 * unreadable line makes the store damaged, as in the store itself.
 */
import { closeSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FirestoreState } from '@firestore-emulator/server';
import { fromEncodedFields } from './emulator-plain.js';
import {
  type CollectionNode,
  damaged,
  eachDocument,
  type Line,
  lineText,
  MetadataCache,
  place,
  readStoreHeader,
  STORE_FILE,
  STORE_FORMAT,
  StoreError,
} from './emulator-store.js';

export const JOURNAL_FILE = `${STORE_FILE}.jurnal`;
const MAGIC = 'bangkom-firestore-jurnal';

interface JournalHeader {
  format: number;
  base: string;
}

/**
 * Reads the journal in `dir` into `state` (already loaded from the store saved at `base`).
 * Returns the documents it added (not already in the store) and its size.
 */
export function loadJournal(
  dir: string,
  state: FirestoreState,
  base: string | undefined,
): { added: number; bytes: number } {
  const path = join(dir, JOURNAL_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { added: 0, bytes: 0 };
    throw new StoreError(
      `Data lokal ${path} tidak dapat dibaca (${(err as NodeJS.ErrnoException).code ?? 'galat'}).`,
    );
  }
  const lines = text.split('\n');
  // the piece after the last line break: empty, or an append cut short
  lines.pop();
  const header = journalHeader(lines, path);
  if (base === undefined || header.base !== base) return { added: 0, bytes: 0 };
  const collections = new Map<string, CollectionNode>();
  const metadata = new MetadataCache();
  let added = 0;
  for (let i = 2; i < lines.length; i++) {
    let line: Line;
    try {
      line = JSON.parse(lines[i] as string) as Line;
      if (place(state, collections, line, fromEncodedFields(line.f), metadata)) added++;
    } catch {
      throw damaged(path, i + 1);
    }
  }
  return { added, bytes: Buffer.byteLength(text) };
}

function journalHeader(lines: readonly string[], path: string): JournalHeader {
  if (lines[0] !== MAGIC) throw damaged(path, 1);
  let header: JournalHeader;
  try {
    header = JSON.parse(lines[1] ?? '') as JournalHeader;
  } catch {
    throw damaged(path, 2);
  }
  if (!Number.isInteger(header.format) || typeof header.base !== 'string') throw damaged(path, 2);
  if (header.format > STORE_FORMAT) {
    throw new StoreError(
      `Data lokal ${path} ditulis oleh bangkom yang lebih baru (format ${header.format}; versi ini membaca sampai format ${STORE_FORMAT}). Perbarui bangkom, atau pakai folder lain dengan --data.`,
    );
  }
  return header;
}

/**
 * Appends every document of `state` (an emulator started empty: what this run wrote) to the
 * journal of the store in `dir`, fsynced. A journal of another store is replaced first.
 * Returns the documents and bytes appended.
 */
export async function appendJournal(
  dir: string,
  state: FirestoreState,
): Promise<{ documents: number; bytes: number }> {
  const store = readStoreHeader(dir);
  const path = join(dir, JOURNAL_FILE);
  if (!store) throw new StoreError(`Data lokal di ${dir} tidak ada lagi; jalankan ulang tanpa --fresh.`);
  // the journal so far, when it extends this store (its complete lines only: an append cut short
  // is dropped here, or the next lines would be glued to it)
  let kept = '';
  try {
    const text = readFileSync(path, 'utf8');
    if (journalHeader(text.split('\n').slice(0, 2), path).base === store.savedAt) {
      kept = text.slice(0, text.lastIndexOf('\n') + 1);
    }
  } catch {
    kept = ''; // none yet, or not readable: started anew
  }
  // the store file's walk and line form (saveStore), each collection's path built once
  const lines: string[] = [];
  eachDocument(state, (doc, collectionPath) => lines.push(`${lineText(doc, collectionPath)}\n`));
  const body = Buffer.from(lines.join(''), 'utf8');
  try {
    if (kept !== '' && Buffer.byteLength(kept) === statSync(path).size) {
      const fd = openSync(path, 'a');
      try {
        writeSync(fd, body);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } else {
      const header: JournalHeader = { format: STORE_FORMAT, base: store.savedAt };
      const start = kept !== '' ? kept : `${MAGIC}\n${JSON.stringify(header)}\n`;
      const temp = `${path}.${process.pid}.tmp`;
      const fd = openSync(temp, 'w');
      try {
        writeSync(fd, start);
        writeSync(fd, body);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      await rename(temp, path);
    }
  } catch (err) {
    throw new StoreError(
      `Data lokal tidak dapat disimpan di ${dir} (${(err as NodeJS.ErrnoException).code ?? 'galat'}); data sebelumnya tetap utuh.`,
    );
  }
  return { documents: lines.length, bytes: body.length };
}

/** After a full save: the journal's documents are in the store now. */
export async function removeJournal(dir: string): Promise<void> {
  await rm(join(dir, JOURNAL_FILE), { force: true });
}
