/**
 * The local store's save writes each plain document's line as text directly (encodedJson):
 * it must be the very characters JSON.stringify gives for the typed form (toEncoded), or a
 * saved store would change bytes (and hash) with this code.
 */
import { Timestamp } from 'firebase-admin/firestore';
import {
  encodedFieldsJson,
  encodedJson,
  StoredValue,
  toEncoded,
  toEncodedFields,
  UnstorableValueError,
} from '../../../functions/src/adapters/emulator-plain';

const VALUES: [string, unknown][] = [
  ['teks', 'Dinas Pendidikan'],
  ['teks khusus', 'kutip " garis \\ baris\nbaru \u0001 \u2028 emoji 😀 \ud800'],
  ['kosong', ''],
  ['bulat', 42],
  ['nol', 0],
  ['negatif', -17],
  ['nol negatif', -0],
  ['bulat terbesar', Number.MAX_SAFE_INTEGER],
  ['bulat di luar batas aman', 2 ** 60],
  ['pecahan', 0.125],
  ['pecahan kecil', 1e-7],
  ['besar', 1e21],
  ['NaN', Number.NaN],
  ['tak hingga', Number.POSITIVE_INFINITY],
  ['minus tak hingga', Number.NEGATIVE_INFINITY],
  ['benar', true],
  ['salah', false],
  ['null', null],
  ['tanggal', new Date(Date.UTC(2026, 10, 20, 3, 4, 5, 678))],
  ['tanggal sebelum 1970', new Date(Date.UTC(1965, 0, 1, 0, 0, 0, 1))],
  ['timestamp', Timestamp.fromMillis(Date.UTC(2026, 0, 2))],
  ['timestamp nanodetik', new Timestamp(1_700_000_000, 123_456_789)],
  ['bita', Buffer.from([0, 1, 254, 255])],
  ['Uint8Array', new Uint8Array([7, 8])],
  ['disimpan bertipe', new StoredValue('geo_point_value', { latitude: -6.2, longitude: 106.8 })],
  ['double bulat bertipe', new StoredValue('double_value', 3)],
  ['larik', [1, 'dua', { tiga: 3 }, null, 2.5, true]],
  ['larik kosong', []],
  ['peta', { b: 1, a: { z: [true, 2.5], y: 'x' }, 10: 'angka', 2: 'kunci', '': 'kosong' }],
  ['peta kosong', {}],
  ['peta tanpa prototipe', Object.assign(Object.create(null), { k: 'v' })],
];

test.each(VALUES)('%s is written as JSON.stringify of its typed form', (_label, value) => {
  expect(encodedJson(value)).toBe(JSON.stringify(toEncoded(value)));
  // and it is JSON that reads back to that typed form
  expect(JSON.parse(encodedJson(value))).toEqual(JSON.parse(JSON.stringify(toEncoded(value))));
});

test('a document of every kind of value is written as JSON.stringify of its typed fields', () => {
  const fields = Object.fromEntries(VALUES);
  expect(encodedFieldsJson(fields)).toBe(JSON.stringify(toEncodedFields(fields)));
  expect(encodedFieldsJson({})).toBe('{}');
});

test('what the typed form refuses is refused here too', () => {
  for (const bad of [undefined, () => 1, new Map(), Symbol('x'), 1n]) {
    expect(() => encodedJson(bad)).toThrow(UnstorableValueError);
    expect(() => encodedFieldsJson({ a: [1, { b: bad }] })).toThrow(UnstorableValueError);
  }
});
