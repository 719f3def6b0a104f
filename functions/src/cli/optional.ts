/**
 * Modules that other parts of the project may add later, looked up by file so that adding the
 * file is all it takes to register them; until then the caller gets `undefined`.
 * (Used by functions/src/runtime.ts for the scheduler adapter.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loads `<dir>/<base>` (the compiled `.js`, or the `.ts` source under tsx or jest) when the file
 * exists; undefined otherwise. A file that exists but fails to load is a real error.
 */
export function optionalModule<T>(dir: string, base: string): T | undefined {
  const present = ['.js', '.ts'].some((ext) => existsSync(join(dir, `${base}${ext}`)));
  if (!present) return undefined;
  // no extension: Node picks the .js, tsx and jest the .ts
  return require(join(dir, base)) as T;
}
