import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '@bangkom/core';

const root = join(__dirname, '..', '..');
const read = (f: string) => readFileSync(join(root, f), 'utf8');

describe('Firestore deployment files', () => {
  it('rules deny every client read and write', () => {
    const rules = read('firestore.rules').replace(/\/\/.*$/gm, '');
    const allows = [...rules.matchAll(/allow\s+([^:]+):\s*if\s+([^;]+);/g)];
    expect(allows.length).toBeGreaterThan(0);
    for (const [, , condition] of allows) expect(condition?.trim()).toBe('false');
    expect(rules).toMatch(/match \/\{document=\*\*\}/);
  });

  it('firebase.json points at the rules and the indexes', () => {
    const config = JSON.parse(read('firebase.json')) as { firestore: { rules: string; indexes: string } };
    expect(() => read(config.firestore.rules)).not.toThrow();
    const indexes = JSON.parse(read(config.firestore.indexes)) as {
      indexes: unknown[];
      fieldOverrides: { collectionGroup: string; fieldPath: string; indexes: unknown[] }[];
    };
    // the functions only read whole collections and single documents: no composite index
    expect(indexes.indexes).toEqual([]);
    const known = new Set<string>(Object.values(COLLECTIONS));
    for (const o of indexes.fieldOverrides) {
      expect(known.has(o.collectionGroup)).toBe(true);
      expect(o.indexes).toEqual([]);
    }
  });
});
