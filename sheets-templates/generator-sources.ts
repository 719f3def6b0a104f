/**
 * Every source file whose text can change a generated workbook, found by following imports, so the
 * province cache (province.ts) is keyed on all of them and a change to any never reuses a stale
 * file. From the entry modules (program.ts, which builds the cells, and xlsx.ts, which writes the
 * bytes), each relative import is followed. A value imported from `@bangkom/core` (SHEET,
 * DEFAULT_DICTIONARY, normalizeHeader, ...) brings in the core file that declares it, and that
 * file's own relative value imports in turn; type-only imports of core change no cell and are
 * skipped. A core name found in no declaration brings in the whole of core/src (never stale). A
 * package (exceljs, jszip) counts through its installed version.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The generator's entry modules, relative to the repository root. */
const ENTRIES = ['sheets-templates/program.ts', 'sheets-templates/xlsx.ts', 'sheets-templates/province.ts'];
const CORE = 'core/src';

interface Import {
  from: string;
  /** the value (not type-only) names imported; null for a default or namespace import */
  names: string[] | null;
  typeOnly: boolean;
}

/** The import statements of a TypeScript source (static `import ... from '...'` only). */
export function importsOf(text: string): Import[] {
  const out: Import[] = [];
  const re = /^import\s+(type\s+)?([\s\S]*?)\s+from\s+'([^']+)';/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const typeOnly = m[1] !== undefined;
    const clause = m[2] ?? '';
    const from = m[3] ?? '';
    const braces = /\{([\s\S]*)\}/.exec(clause);
    const names = braces
      ? (braces[1] ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s && !s.startsWith('type '))
          .map((s) => (s.split(/\s+as\s+/)[0] ?? s).trim())
      : null;
    out.push({ from, names, typeOnly });
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** `./x.js` from `dir` → the .ts file it compiles from (or an index.ts of a folder). */
function resolveRelative(dir: string, spec: string): string {
  const base = resolve(dir, spec.replace(/\.js$/, ''));
  for (const p of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(p)) return p;
  throw new Error(`impor ${spec} dari ${dir} tidak ditemukan`);
}

/**
 * The generator's source files (paths relative to `root`, sorted) and the packages it imports
 * (name@version).
 */
export function generatorSources(root: string): { files: string[]; packages: string[] } {
  const coreFiles = walk(join(root, CORE));
  const coreSet = new Set(coreFiles);
  const declares = new Map<string, string>();
  const decl = /^export\s+(?:declare\s+)?(?:const|let|function|class|enum|abstract\s+class)\s+(\w+)/gm;
  for (const f of coreFiles) {
    const text = readFileSync(f, 'utf8');
    for (let m = decl.exec(text); m; m = decl.exec(text))
      if (!declares.has(m[1] ?? '')) declares.set(m[1] ?? '', f);
  }
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = ENTRIES.map((e) => join(root, e));
  const visit = (f: string) => {
    if (!files.has(f)) queue.push(f);
  };
  while (queue.length) {
    const f = queue.pop() as string;
    if (files.has(f)) continue;
    files.add(f);
    const inCore = coreSet.has(f);
    for (const imp of importsOf(readFileSync(f, 'utf8'))) {
      if (imp.from.startsWith('.')) {
        // a type-only import inside core changes no value; in the generator keep even those
        if (!(inCore && (imp.typeOnly || imp.names?.length === 0)))
          visit(resolveRelative(dirname(f), imp.from));
      } else if (imp.from === '@bangkom/core') {
        if (imp.typeOnly) continue;
        for (const name of imp.names ?? ['*']) {
          const at = declares.get(name);
          if (at) visit(at);
          else for (const c of coreFiles) visit(c);
        }
      } else if (!imp.from.startsWith('node:')) {
        packages.add(imp.from);
      }
    }
  }
  return {
    files: [...files].map((f) => relative(root, f)).sort(),
    packages: [...packages].sort().map((p) => `${p}@${packageVersion(root, p)}`),
  };
}

function packageVersion(root: string, name: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '?';
  } catch {
    return '?';
  }
}
