/**
 * `Daftar Tunggu` (written by the functions with the schedule): who is next in line for each
 * session. Taking someone from it fills Status and Keterangan, so staff see who took whose
 * seat, and nobody is taken twice.
 */
import { text } from './form-defs.js';
import { columnOf, type Row, readTable, type Sheet, writeTable } from './gas.js';

export const TAKEN = 'Diundang';

export class WaitingList {
  private readonly header: string[] = [];
  private readonly rows: Row[] = [];
  private readonly col: Record<'sesi' | 'urutan' | 'nip' | 'status' | 'keterangan', number>;
  private dirty = false;

  constructor(private readonly sheet: Sheet | null) {
    const t = sheet ? readTable(sheet) : { header: [] as string[], rows: [] as Row[] };
    this.header = t.header.slice();
    for (const h of ['Status', 'Keterangan'])
      if (this.header.length > 0 && columnOf(this.header, h) < 0) this.header.push(h);
    this.rows = t.rows.map((r) => Array.from({ length: this.header.length }, (_, i) => r[i] ?? ''));
    this.col = {
      sesi: columnOf(this.header, 'ID Sesi'),
      urutan: columnOf(this.header, 'Urutan'),
      nip: columnOf(this.header, 'NIP'),
      status: columnOf(this.header, 'Status'),
      keterangan: columnOf(this.header, 'Keterangan'),
    };
  }

  private nip(r: Row): string {
    return text(r[this.col.nip]).replace(/^'/, '');
  }

  /** The first in line for `sesi`, not yet taken, that `ok` accepts. */
  next(sesi: string, ok: (nip: string) => boolean): string | null {
    if (this.col.sesi < 0 || this.col.nip < 0) return null;
    const line = this.rows
      .map((r, i) => ({ r, i, urutan: Number(r[this.col.urutan]) }))
      .filter(({ r }) => text(r[this.col.sesi]) === sesi && text(r[this.col.status]) === '')
      .sort((a, b) => (a.urutan || 0) - (b.urutan || 0) || a.i - b.i);
    for (const { r } of line) if (ok(this.nip(r))) return this.nip(r);
    return null;
  }

  take(nip: string, sesi: string, why: string): void {
    const r = this.rows.find((x) => text(x[this.col.sesi]) === sesi && this.nip(x) === nip);
    if (!r) return;
    r[this.col.status] = TAKEN;
    r[this.col.keterangan] = why;
    this.dirty = true;
  }

  flush(): void {
    if (!this.dirty || !this.sheet) return;
    writeTable(this.sheet, this.header, this.rows, this.rows.length + 1);
    this.dirty = false;
  }
}
