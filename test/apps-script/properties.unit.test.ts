import {
  deleteJson,
  getJson,
  PART_BYTES,
  setJson,
  splitBytes,
  utf8Length,
} from '../../apps-script/src/config';
import { buatFormulir } from '../../apps-script/src/forms';
import { onFormSubmit, processKeptSubmissions } from '../../apps-script/src/submit';
import type { FakeForm } from './fakes/forms';
import { PROPERTY_STORE_BYTES, PROPERTY_VALUE_BYTES, utf8Bytes } from './fakes/services';
import { jakarta } from './fakes/world';
import { NIP, pegawaiRows, useWorld } from './helpers';

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', pegawaiRows());
});

/** Indonesian text with typographic quotes and dashes: 3 bytes for each of those characters. */
const typographic = (n: number): string =>
  Array.from({ length: n }, (_, i) => `“Pelayanan ${i}” — ‘prima’ `).join('');

describe('the property store, in bytes as Google counts them', () => {
  it('the fake refuses a value over 9 KB in UTF-8 bytes even when it has fewer characters', () => {
    const value = '“'.repeat(3_100); // 3,100 characters, 9,300 bytes
    expect(value.length).toBeLessThan(PROPERTY_VALUE_BYTES);
    expect(() => world().scriptProps.setProperty('x', value)).toThrow(/Argument too large/);
  });

  it('the fake refuses to grow the store past 500 KB', () => {
    const chunk = 'a'.repeat(8_000);
    expect(() => {
      for (let i = 0; i < 70; i++) world().scriptProps.setProperty(`k${i}`, chunk);
    }).toThrow(/property storage quota/);
    expect(world().scriptProps.bytes()).toBeLessThanOrEqual(PROPERTY_STORE_BYTES);
  });

  it('setJson splits by bytes: every part of typographic Indonesian text fits', () => {
    const value = { teks: typographic(800) };
    expect(JSON.stringify(value).length).toBeGreaterThan(20_000);
    setJson('BANGKOM_UJI', value);
    const parts = Object.entries(world().scriptProps.getProperties()).filter(([k]) =>
      k.startsWith('BANGKOM_UJI#'),
    );
    expect(parts.length).toBeGreaterThan(2);
    for (const [, v] of parts) expect(utf8Bytes(v)).toBeLessThanOrEqual(PART_BYTES);
    expect(getJson('BANGKOM_UJI', null)).toEqual(value);
  });

  it('never splits a character, and counts 4-byte characters', () => {
    const text = `a${'😀'.repeat(5)}`;
    const parts = splitBytes(text, 6);
    expect(parts.join('')).toBe(text);
    for (const p of parts) expect(utf8Length(p)).toBeLessThanOrEqual(6);
    expect(utf8Length('😀“a')).toBe(8);
  });

  it('a shorter value deletes the parts of the longer one; deleteJson deletes every part', () => {
    setJson('BANGKOM_UJI', { teks: typographic(800) });
    setJson('BANGKOM_UJI', { teks: typographic(300) });
    const keys = () =>
      Object.keys(world().scriptProps.getProperties()).filter((k) => k.startsWith('BANGKOM_UJI'));
    const n = Number(JSON.parse(world().scriptProps.getProperty('BANGKOM_UJI') ?? '{}').__parts);
    expect(keys()).toHaveLength(n + 1);
    setJson('BANGKOM_UJI', { teks: 'pendek' });
    expect(keys()).toEqual(['BANGKOM_UJI']);
    setJson('BANGKOM_UJI', { teks: typographic(800) });
    deleteJson('BANGKOM_UJI');
    expect(keys()).toEqual([]);
  });

  it('a processed kept submission leaves none of its parts behind', () => {
    buatFormulir();
    const f = JSON.parse(world().scriptProps.getProperty('BANGKOM_FORMS') ?? '{}') as Record<string, string>;
    const form = world().forms.get(f.reaksi ?? '') as FakeForm;
    world().lock.busyElsewhere = true;
    const before = world().scriptProps.bytes();
    onFormSubmit(
      form.submit({ 'ID Sesi': 'S-2026-01', NIP: NIP.ani, Saran: typographic(400) }, jakarta(2026, 4, 1, 8)),
    );
    const kept = Object.keys(world().scriptProps.getProperties()).filter((k) =>
      k.startsWith('BANGKOM_TERTUNDA_'),
    );
    expect(kept.length).toBeGreaterThan(1); // head and parts
    world().lock.busyElsewhere = false;
    expect(processKeptSubmissions(SpreadsheetApp.getActiveSpreadsheet(), jakarta(2026, 4, 2, 2))).toBe(1);
    expect(
      Object.keys(world().scriptProps.getProperties()).filter((k) => k.startsWith('BANGKOM_TERTUNDA_')),
    ).toEqual([]);
    expect(world().scriptProps.bytes()).toBe(before);
  });
});
