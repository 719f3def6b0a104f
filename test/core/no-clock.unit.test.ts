/**
 * The core is pure: the time and any randomness come in as arguments (a `now`, a seed), so
 * every result can be reproduced. This test reads every source file of core/src and fails on
 * a call that reads the wall clock or an unseeded generator: `Date.now()`, `new Date()`
 * without arguments, `Math.random`. It works on the syntax tree, so a comment or a string
 * that mentions them is not a call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const CORE_SRC = join(__dirname, '..', '..', 'core', 'src');

interface Finding {
  line: number;
  text: string;
}

/** Every wall-clock or random read in `source`, with its 1-based line. */
function clockReads(source: string, fileName = 'fixture.ts'): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const out: Finding[] = [];
  const found = (node: ts.Node) =>
    out.push({
      line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
      text: node.getText(file),
    });
  const isMember = (node: ts.Node, object: string, member: string): boolean => {
    const target = ts.isParenthesizedExpression(node) ? node.expression : node;
    if (ts.isPropertyAccessExpression(target)) {
      return (
        target.name.text === member &&
        (isGlobal(target.expression, object) || isMember(target.expression, 'globalThis', object))
      );
    }
    if (ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression)) {
      return target.argumentExpression.text === member && isGlobal(target.expression, object);
    }
    return false;
  };
  const isGlobal = (node: ts.Node, name: string): boolean => ts.isIdentifier(node) && node.text === name;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isMember(node.expression, 'Date', 'now')) found(node);
    else if (
      ts.isNewExpression(node) &&
      (isGlobal(node.expression, 'Date') || isMember(node.expression, 'globalThis', 'Date')) &&
      (node.arguments?.length ?? 0) === 0
    )
      found(node);
    else if (isMember(node, 'Math', 'random')) found(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the check', () => {
  it('finds each kind of wall-clock or random read', () => {
    const fixture = [
      'export const a = Date.now();',
      'export const b = new Date();',
      'export const c = new Date;',
      'export const d = Math.random() * 10;',
      'export const e = [1, 2].map(Math.random);',
      'export const f = globalThis.Date.now();',
      "export const g = Math['random']();",
      'export const h = new globalThis.Date();',
    ].join('\n');
    expect(clockReads(fixture).map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(clockReads(fixture)[0]).toEqual({ line: 1, text: 'Date.now()' });
  });

  it('leaves dates built from a value, comments and strings alone', () => {
    const fixture = [
      '// Date.now() and new Date() and Math.random are fine in a comment',
      "const s = 'Date.now() new Date() Math.random()';",
      'const t = new Date(0);',
      "const u = new Date('2026-01-01T00:00:00Z');",
      'const v = Date.UTC(2026, 0, 1);',
      'const w = rng.random();',
      'const x = now.getTime();',
    ].join('\n');
    expect(clockReads(fixture)).toEqual([]);
  });
});

describe('core/src', () => {
  const files = sourceFiles(CORE_SRC);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('reads no wall clock and no unseeded random generator', () => {
    const findings = files.flatMap((path) =>
      clockReads(readFileSync(path, 'utf8'), path).map(
        (f) => `${relative(CORE_SRC, path)}:${f.line}: ${f.text}`,
      ),
    );
    expect(findings).toEqual([]);
  });
});
