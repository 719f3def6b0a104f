import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generatorSources, importsOf } from '../../sheets-templates/generator-sources';
import { generatorVersion } from '../../sheets-templates/province';

const root = join(__dirname, '..', '..');

describe('generatorSources: every input of the generated workbook', () => {
  const { files, packages } = generatorSources(root);

  it('covers every generator module program.ts reaches, and the core files of its values', () => {
    for (const f of [
      'sheets-templates/program.ts',
      'sheets-templates/catalogue.ts',
      'sheets-templates/people.ts',
      'sheets-templates/organisation.ts',
      'sheets-templates/history.ts',
      'sheets-templates/standards.ts',
      'sheets-templates/trainers.ts',
      'sheets-templates/xlsx.ts',
      'sheets-templates/generator-sources.ts',
      // SHEET and DEFAULT_DICTIONARY, LEVEL_COLUMNS, normalizeHeader
      'core/src/sheet-specs.ts',
      'core/src/level-descriptions.ts',
      'core/src/cells.ts',
    ])
      expect(files).toContain(f);
    // the writer's packages count through their versions
    expect(packages.some((p) => /^exceljs@\d/.test(p))).toBe(true);
    // not the whole core: the scheduler does not decide a generated cell
    expect(files.some((f) => f.startsWith('core/src/schedule/'))).toBe(false);
  });

  it('is closed: every relative import of a listed generator module is listed too', () => {
    for (const f of files.filter((x) => x.startsWith('sheets-templates/'))) {
      for (const imp of importsOf(readFileSync(join(root, f), 'utf8'))) {
        if (!imp.from.startsWith('.')) continue;
        expect(files).toContain(join(dirname(f), imp.from.replace(/\.js$/, '.ts')));
      }
    }
    // every generator module but the CLI entry points, the template writer and the year advance
    const modules = readdirSync(join(root, 'sheets-templates')).filter((f) => f.endsWith('.ts'));
    const unlisted = modules.filter((m) => !files.includes(`sheets-templates/${m}`)).sort();
    expect(unlisted).toEqual(['advance.ts', 'generate.ts', 'template.ts']);
  });

  it('reads multi-line, aliased and type-only imports', () => {
    const imps = importsOf(
      [
        "import type { A } from './a.js';",
        'import {',
        '  b,',
        '  type C,',
        '  d as e,',
        "} from '@bangkom/core';",
        "import ExcelJS from 'exceljs';",
      ].join('\n'),
    );
    expect(imps).toEqual([
      { from: './a.js', names: ['A'], typeOnly: true },
      { from: '@bangkom/core', names: ['b', 'd'], typeOnly: false },
      { from: 'exceljs', names: null, typeOnly: false },
    ]);
  });

  it('changes the cache version when any listed file changes, and only then', () => {
    const copy = mkdtempSync(join(tmpdir(), 'bangkom-gen-'));
    try {
      for (const f of files) {
        mkdirSync(dirname(join(copy, f)), { recursive: true });
        copyFileSync(join(root, f), join(copy, f));
      }
      // only the listed files (and the packages' manifests): nothing else is read
      mkdirSync(join(copy, 'node_modules', 'exceljs'), { recursive: true });
      mkdirSync(join(copy, 'node_modules', 'jszip'), { recursive: true });
      for (const p of ['exceljs', 'jszip'])
        copyFileSync(
          join(root, 'node_modules', p, 'package.json'),
          join(copy, 'node_modules', p, 'package.json'),
        );
      const version = generatorVersion(root);
      expect(generatorVersion(copy)).toBe(version);
      for (const f of ['sheets-templates/people.ts', 'sheets-templates/catalogue.ts', 'core/src/cells.ts']) {
        const text = readFileSync(join(copy, f), 'utf8');
        writeFileSync(join(copy, f), `${text}\n// changed\n`);
        expect(generatorVersion(copy)).not.toBe(version);
        writeFileSync(join(copy, f), text);
        expect(generatorVersion(copy)).toBe(version);
      }
      // a package upgrade is a new version too
      const pkg = join(copy, 'node_modules', 'exceljs', 'package.json');
      writeFileSync(pkg, JSON.stringify({ name: 'exceljs', version: '99.0.0' }));
      expect(generatorVersion(copy)).not.toBe(version);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
