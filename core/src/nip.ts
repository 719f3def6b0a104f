/**
 * NIP (Nomor Induk Pegawai) structure.
 *
 * PNS (PP 11/2017 and BKN practice): `YYYYMMDD` birth date + `YYYYMM` TMT CPNS + gender (1 man,
 * 2 woman) + 3-digit sequence = 18 digits.
 * PPPK (PP 49/2018, BKN NI-PPPK): `YYYYMMDD` birth date + `YYYY` appointment year + `2` + a digit
 * 1–9 + gender + 3-digit sequence = 18 digits.
 *
 * Telling the shapes apart: digits 13–14 are the TMT month `01`–`12` for PNS and `2` + `1`–`9`
 * (`21`–`29`) for PPPK. The two ranges are disjoint, so a well-formed NIP has exactly one shape;
 * a NIP whose digits 13–14 fall in neither range is malformed. Jenis ASN must then agree.
 */
import { isRealDate } from './cells.js';
import type { JenisAsn } from './types.js';

export interface NipParts {
  jenis: JenisAsn;
  lahir: string; // YYYY-MM-DD as written (may be an impossible date; validateNip says so)
  /** PNS: TMT CPNS `YYYY-MM`; PPPK: appointment year `YYYY` */
  pengangkatan: string;
  gender: number; // 1 man, 2 woman (anything else is reported by validateNip)
  urut: string;
}

/**
 * Splits an 18-digit NIP by its shape, without judging the dates; undefined when the text is
 * not 18 digits or digits 13–14 match neither shape.
 */
export function parseNip(nip: string): NipParts | undefined {
  if (!/^\d{18}$/.test(nip)) return undefined;
  const lahir = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  const d13 = Number(nip.slice(12, 14));
  const gender = Number(nip[14]);
  const urut = nip.slice(15, 18);
  if (d13 >= 1 && d13 <= 12) {
    return { jenis: 'PNS', lahir, pengangkatan: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`, gender, urut };
  }
  if (d13 >= 21 && d13 <= 29) return { jenis: 'PPPK', lahir, pengangkatan: nip.slice(8, 12), gender, urut };
  return undefined;
}

/**
 * Every problem of a NIP, in Bahasa Indonesia; [] when valid. With `jenisAsn` the shape must
 * agree with it ("tidak sesuai").
 */
export function validateNip(nip: string, jenisAsn?: JenisAsn): string[] {
  if (!/^\d{18}$/.test(nip)) return ['NIP harus 18 digit angka'];
  const parts = parseNip(nip);
  if (!parts) {
    return [
      `NIP: digit 13–14 ("${nip.slice(12, 14)}") harus bulan TMT CPNS 01–12 (PNS) atau 21–29 (PPPK: angka 2 lalu 1–9)`,
    ];
  }
  const problems: string[] = [];
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const birthOk = isRealDate(by, bm, bd) && by >= 1900;
  if (!birthOk) problems.push(`NIP: tanggal lahir (digit 1–8) "${nip.slice(0, 8)}" bukan tanggal yang valid`);
  const ty = Number(nip.slice(8, 12));
  if (parts.jenis === 'PNS') {
    const tm = Number(nip.slice(12, 14));
    if (ty < 1900 || ty > 2100)
      problems.push(`NIP: TMT CPNS (digit 9–14) "${nip.slice(8, 14)}" bukan bulan yang valid`);
    // Compared by month: TMT CPNS is the first of a month, the 18th birthday may fall inside it.
    else if (birthOk && ty * 12 + tm < (by + 18) * 12 + bm) {
      problems.push(
        `NIP: TMT CPNS ${parts.pengangkatan} sebelum pegawai berusia 18 tahun (lahir ${parts.lahir})`,
      );
    }
  } else if (ty < 1900 || ty > 2100) {
    problems.push(`NIP: tahun pengangkatan PPPK (digit 9–12) "${nip.slice(8, 12)}" tidak valid`);
  } else if (birthOk && ty < by + 18) {
    problems.push(
      `NIP: tahun pengangkatan PPPK ${ty} sebelum pegawai berusia 18 tahun (lahir ${parts.lahir})`,
    );
  }
  if (parts.gender !== 1 && parts.gender !== 2) {
    problems.push(`NIP: kode jenis kelamin (digit 15) harus 1 atau 2, bukan ${nip[14]}`);
  }
  if (parts.urut === '000') problems.push('NIP: nomor urut (digit 16–18) tidak boleh 000');
  if (jenisAsn !== undefined && jenisAsn !== parts.jenis) {
    problems.push(`NIP berbentuk ${parts.jenis} tidak sesuai dengan Jenis ASN ${jenisAsn}`);
  }
  return problems;
}

/**
 * NIP → a number. A NIP of 18 digits (every valid one) is kept as its two 9-digit halves in an
 * open-addressing table of typed arrays: a lookup reads the NIP's digits and one slot or a few,
 * where a Map hashes the string and compares it with its key, another string elsewhere in memory
 * (the province re-plan looks up some 500,000 NIPs). Any other NIP goes to a Map, so every NIP is
 * exact: two NIPs of 18 digits are equal when both halves are.
 */
export class NipIndex {
  private readonly hi: Int32Array;
  private readonly lo: Int32Array;
  /** the value of each slot; −1: empty */
  private readonly value: Int32Array;
  private readonly mask: number;
  private readonly other = new Map<string, number>();
  /** the halves of the NIP `split` read last */
  private splitHi = 0;
  private splitLo = 0;

  /** An index for up to `capacity` NIPs of 18 digits (more would never find a free slot). */
  constructor(capacity: number) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.mask = size - 1;
    this.hi = new Int32Array(size);
    this.lo = new Int32Array(size);
    this.value = new Int32Array(size).fill(-1);
  }

  get(nip: string): number | undefined {
    if (!this.split(nip)) return this.other.get(nip);
    const { hi, lo, value, mask, splitHi, splitLo } = this;
    for (let at = this.slotOf(splitHi, splitLo); ; at = (at + 1) & mask) {
      const v = value[at] as number;
      if (v < 0) return undefined;
      if (hi[at] === splitHi && lo[at] === splitLo) return v;
    }
  }

  /** Sets the NIP's value (≥ 0). */
  set(nip: string, v: number): void {
    if (!this.split(nip)) {
      this.other.set(nip, v);
      return;
    }
    const { hi, lo, value, mask, splitHi, splitLo } = this;
    for (let at = this.slotOf(splitHi, splitLo); ; at = (at + 1) & mask)
      if ((value[at] as number) < 0 || (hi[at] === splitHi && lo[at] === splitLo)) {
        hi[at] = splitHi;
        lo[at] = splitLo;
        value[at] = v;
        return;
      }
  }

  private slotOf(hi: number, lo: number): number {
    return (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo ^ (lo >>> 15), 0x85ebca6b)) & this.mask;
  }

  /** Whether the NIP is 18 digits; if so its halves are in splitHi, splitLo. */
  private split(nip: string): boolean {
    if (nip.length !== 18) return false;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < 18; i++) {
      const digit = nip.charCodeAt(i) - 48;
      if (!(digit >= 0 && digit <= 9)) return false;
      if (i < 9) hi = hi * 10 + digit;
      else lo = lo * 10 + digit;
    }
    this.splitHi = hi;
    this.splitLo = lo;
    return true;
  }
}
