/** Plain interfaces the adapters implement; the core stays pure and synchronous. */
import type { RawWorkbook } from './types.js';

export interface WorkbookSource {
  read(): Promise<RawWorkbook>;
}

/** A document to write: deterministic id so reruns overwrite rather than duplicate. */
export interface Doc {
  id: string;
  data: Record<string, unknown>;
}

export interface Store {
  /** Writes (set, overwrite) docs into tenants/{tenant}/{collection}/{id}; at most 500 per batch. */
  writeDocs(
    collection: string,
    docs: readonly Doc[],
    onProgress?: (written: number) => void,
  ): Promise<number>;
  readCollection(collection: string): Promise<Doc[]>;
}

export interface ProgressReporter {
  start(label: string, total: number): void;
  tick(done: number): void;
  stop(): void;
}
