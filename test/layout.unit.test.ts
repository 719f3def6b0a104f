/**
 * jest runs two projects chosen by file name (jest.config.js): a test file named otherwise
 * would silently run in neither.
 */
import { readdirSync } from 'node:fs';

describe('test layout', () => {
  it('every test file is a *.unit.test.ts or an *.emulator.test.ts', () => {
    const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.test.ts'),
    );
    expect(files).toContain('layout.unit.test.ts');
    expect(files.filter((f) => !/\.(unit|emulator)\.test\.ts$/.test(f))).toEqual([]);
  });
});
