/**
 * nip.ts `NipIndex`: NIP → number, 18-digit NIPs in a table of their halves, any other in a
 * Map. It must answer exactly as a Map keyed on the NIP string does.
 */
import { NipIndex } from '../../core/src/nip';
import { rng } from './schedule-fixtures';

describe('NipIndex', () => {
  it('answers as a Map for NIPs of 18 digits and any other string', () => {
    const random = rng(7);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    const nips: string[] = [];
    for (let i = 0; i < 3000; i++) nips.push(`19${digits(16)}`);
    // near misses: other lengths, a letter, a space, digits of another script, the empty string
    nips.push(digits(17), digits(19), `${digits(17)}x`, ` ${digits(17)}`, '١٩٦٧٠٢١٤١٩٩٦٠١١٠٠٨', '');
    nips.push('000000000000000000', '999999999999999999', '000000000999999999', '999999999000000000');
    const index = new NipIndex(nips.length);
    const map = new Map<string, number>();
    nips.forEach((nip, i) => {
      // every third NIP set twice: the second value wins
      index.set(nip, i);
      map.set(nip, i);
      if (i % 3 === 0) {
        index.set(nip, i + 1);
        map.set(nip, i + 1);
      }
    });
    for (const nip of nips) expect(index.get(nip)).toBe(map.get(nip));
    for (let i = 0; i < 3000; i++) {
      const other = `19${digits(16)}`;
      expect(index.get(other)).toBe(map.get(other));
    }
    expect(index.get('123')).toBeUndefined();
  });
});
