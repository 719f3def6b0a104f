/**
 * Keeps docs/ honest where that is cheap: every sheet, column, Pengaturan key, CLI command and
 * option, and Firestore collection the code defines must be written in the matching document,
 * the glossary may only name identifiers that exist, relative links must resolve, and nothing
 * in the repository may point outside it. A new sheet, column, key, command or collection added
 * without its documentation fails here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { APP_SHEET_SPECS } from '../../apps-script/src/app-sheets';
import { MENU_ITEMS } from '../../apps-script/src/menu';
import { COLLECTIONS } from '../../core/src/firestore-model';
import { SETTING_KEYS, SHEET_SPECS, type SheetSpec } from '../../core/src/sheet-specs';
import { MEMBERS, SPREADSHEETS } from '../../functions/src/adapters/auth';
import { TENANT_CONFIG } from '../../functions/src/adapters/leaders-spreadsheet';
import { COMMANDS } from '../../functions/src/cli/commands/index';
import { usage } from '../../functions/src/cli/main';

const ROOT = resolve(__dirname, '../..');
const doc = (name: string) => readFileSync(join(ROOT, 'docs', name), 'utf8');

/** The lines under a heading, up to the next heading of the same or a higher level. */
function section(text: string, heading: RegExp): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return [];
  const level = /^#+/.exec(lines[start] as string)?.[0].length ?? 1;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => {
    const m = /^(#+) /.exec(l);
    return m !== null && (m[1] as string).length <= level;
  });
  return end < 0 ? rest : rest.slice(0, end);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Table cells of the row whose first cell is `name` in backticks. */
function tableRow(lines: readonly string[], name: string): string[] | undefined {
  const re = new RegExp(`^\\|\\s*\`${escapeRegExp(name)}\`\\s*\\|`);
  const line = lines.find((l) => re.test(l));
  return line
    ?.split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

/** Files under `dir` (recursively), skipping generated and installed folders. */
function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'dist', 'build-tsc', '.git', 'out', 'coverage', '.cache', '.bangkom'].includes(name))
      continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

describe('docs/lembar-kerja.md', () => {
  const text = doc('lembar-kerja.md');
  const specs: readonly SheetSpec[] = [...SHEET_SPECS, ...APP_SHEET_SPECS];

  it.each(specs.map((s) => [s.name, s] as const))(
    'documents the sheet %s and each of its columns',
    (_, spec) => {
      const lines = section(text, new RegExp(`^#{2,3} \`${escapeRegExp(spec.name)}\`$`));
      expect(lines.length).toBeGreaterThan(0);
      const body = lines.join('\n');
      const problems: string[] = [];
      if (!body.includes(spec.optional ? 'Opsional' : 'Wajib')) problems.push('optional/Wajib not stated');
      for (const col of spec.columns) {
        const row = tableRow(lines, col.header);
        if (!row) {
          problems.push(`${col.header}: no row`);
          continue;
        }
        const wajib = col.required ? 'wajib' : 'opsional';
        if (row[1] !== wajib) problems.push(`${col.header}: "${row[1]}" instead of "${wajib}"`);
        // short value lists are written out; long code lists (Bentuk KL01–NKL13) as a range
        if (col.kind === 'enum' && col.values && col.values.length <= 8 && col.header !== 'Kunci') {
          for (const v of col.values)
            if (!body.includes(`\`${v}\``)) problems.push(`${col.header}: value ${v}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('documents every Pengaturan key in the key table', () => {
    const lines = section(text, /^## `Pengaturan`$/);
    expect(SETTING_KEYS.filter((key) => !tableRow(lines, key))).toEqual([]);
  });

  it('lists the required sheets as the specs mark them', () => {
    const rule = text.split('\n').find((l) => l.startsWith('**Lembar wajib dan opsional.**')) ?? '';
    const paragraph = text.slice(text.indexOf(rule)).split('\n\n')[0] ?? '';
    const required = SHEET_SPECS.filter((s) => !s.optional).map((s) => s.name);
    expect(required.length).toBeGreaterThan(3);
    expect(required.filter((name) => !paragraph.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('docs/cli.md', () => {
  const text = doc('cli.md');

  it.each(COMMANDS.map((c) => [c.name]))('documents the command %s under its own heading', (name) => {
    expect(section(text, new RegExp(`^## \`${name}\`$`)).length).toBeGreaterThan(0);
  });

  it('documents every option the usage text offers', () => {
    const options = [...usage().matchAll(/--[a-z]+/g)].map((m) => m[0]);
    expect(options.length).toBeGreaterThan(5);
    const table = section(text, /^## Pilihan$/).join('\n');
    expect([...new Set(options)].filter((option) => !table.includes(`\`${option}`))).toEqual([]);
  });
});

describe('docs/cli.md error codes', () => {
  it('documents every error code a failed command can print', () => {
    const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
    // the codes of WorkbookReadErrorCode and of the CLI's own fail('CODE', ...) calls
    const union =
      /WorkbookReadErrorCode =([^;]+);/.exec(read('functions/src/adapters/workbook-file.ts'))?.[1] ?? '';
    const codes = [
      ...union.matchAll(/'([A-Z_]+)'/g),
      ...read('functions/src/cli/main.ts').matchAll(/fail\('([A-Z_]+)'/g),
    ].map((m) => m[1] as string);
    expect(codes.length).toBeGreaterThan(6);
    const table = section(doc('cli.md'), /^## Status keluar$/);
    expect([...new Set(codes)].filter((code) => !tableRow(table, code))).toEqual([]);
  });
});

describe('docs/firestore.md', () => {
  it('documents every collection', () => {
    const text = doc('firestore.md');
    const names = [...Object.values(COLLECTIONS), MEMBERS, SPREADSHEETS, TENANT_CONFIG];
    expect(names.filter((name) => !text.includes(`| \`${name}\` |`))).toEqual([]);
  });

  it('says who may call each registered function', () => {
    const index = readFileSync(join(ROOT, 'functions/src/index.ts'), 'utf8');
    const targets = [...index.matchAll(/^http\('([A-Za-z]+)'/gm)].map((m) => m[1] as string);
    expect(targets.length).toBeGreaterThan(8);
    const table = section(doc('firestore.md'), /^## Siapa boleh membaca apa$/).filter((l) =>
      l.startsWith('| `'),
    );
    const first = table.map((l) => l.split('|')[1] ?? '');
    expect(targets.filter((t) => !first.some((cell) => cell.includes(`\`${t}\``)))).toEqual([]);
  });
});

describe('README.md', () => {
  it('names every item of the Bangkom menu', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(MENU_ITEMS.filter((item) => !readme.includes(item.label))).toEqual([]);
  });
});

describe('docs/glosarium.md', () => {
  it('names only identifiers that exist in the sources', () => {
    const sources = ['core/src', 'functions/src', 'apps-script/src']
      .flatMap((d) => walk(join(ROOT, d)))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const rows = doc('glosarium.md')
      .split('\n')
      .filter((l) => l.startsWith('| **'));
    expect(rows.length).toBeGreaterThan(30);
    const names = rows.flatMap((row) => {
      const inCode = row.split('|')[3] ?? '';
      return [...inCode.matchAll(/`([^`]+)`/g)]
        .flatMap((m) => (m[1] as string).split('.'))
        .filter((t) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(t));
    });
    expect(names.length).toBeGreaterThan(60);
    const missing = [...new Set(names)].filter((n) => !new RegExp(`\\b${n}\\b`).test(sources));
    expect(missing).toEqual([]);
  });
});

describe('links and references', () => {
  const markdown = [
    ...readdirSync(join(ROOT, 'docs')).map((f) => join(ROOT, 'docs', f)),
    join(ROOT, 'README.md'),
    join(ROOT, 'CONTRIBUTING.md'),
  ].filter((f) => f.endsWith('.md'));

  it('every relative link in docs/, README and CONTRIBUTING resolves to a file in the repository', () => {
    const broken: string[] = [];
    for (const file of markdown) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        const target = m[1] as string;
        if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
        const path = resolve(dirname(file), target);
        if (!existsSync(path) || relative(ROOT, path).startsWith('..'))
          broken.push(`${relative(ROOT, file)} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every repository path the documents name in backticks exists', () => {
    const top = /^(?:core|functions|apps-script|sheets-templates|test|bench|docs|\.ci)\/[\w./-]*$/;
    const missing: string[] = [];
    let named = 0;
    for (const file of markdown) {
      for (const m of readFileSync(file, 'utf8').matchAll(/`([^`\s]+)`/g)) {
        const path = m[1] as string;
        // folders made by a build or a run are not in a clone
        if (!top.test(path) || /(?:^|\/)(?:dist|\.bangkom|out)(?:\/|$)/.test(path)) continue;
        named++;
        if (!existsSync(join(ROOT, path))) missing.push(`${relative(ROOT, file)}: ${path}`);
      }
    }
    expect(named).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('no file points at the old contract outside the repository or names a tracker issue', () => {
    const self = resolve(__filename);
    const files = walk(ROOT).filter(
      (f) => /\.(ts|js|md|json|rules)$/.test(f) && !f.endsWith('package-lock.json') && resolve(f) !== self,
    );
    expect(files.length).toBeGreaterThan(100);
    const outside = /CONTRACT\.md|\.\.\/shared\b/;
    const tracker = /\bissue\s+#?\d+/i;
    const offenders = files.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return outside.test(text) || tracker.test(text);
    });
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
