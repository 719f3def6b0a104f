/**
 * The run document's inputChecksum: the string-building canonical JSON must give the very sums
 * the earlier (array-building) one gave, so checksums of old runs stay comparable.
 */

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { inputChecksum } from '../../../functions/src/adapters/firestore';

/** The earlier implementation, kept here as the reference. */
function reference(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => reference(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('inputChecksum', () => {
  it('equals the reference canonical JSON hash for any JSON-like input', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: true }),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, tie('arr'), tie('obj')),
      arr: fc.array(tie('node'), { maxLength: 5 }),
      obj: fc.dictionary(fc.string({ maxLength: 6 }), tie('node'), { maxKeys: 6 }),
    }));
    fc.assert(
      fc.property(tree.node, (v) => {
        expect(inputChecksum(v)).toBe(sha(reference(v)));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('orders keys, drops undefined fields and keeps array holes as the reference does', () => {
    // biome-ignore lint/suspicious/noSparseArray: a hole on purpose
    const sparse = [1, , 3];
    const a = { b: 1, a: [sparse, undefined, new Date(0)], c: undefined, é: 'x', Z: 'y' };
    expect(inputChecksum(a)).toBe(sha(reference(a)));
    expect(inputChecksum({ a: 1, b: 2 })).toBe(inputChecksum({ b: 2, a: 1, c: undefined }));
    expect(inputChecksum({ a: 1 })).not.toBe(inputChecksum({ a: '1' }));
  });
});
