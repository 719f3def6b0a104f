/**
 * Starts the embedded Firestore emulator for the dev server and the CLI, loading it only then:
 * @firestore-emulator/server is a development dependency, absent from the deployed functions
 * and from an install without dev dependencies, where a command that needs no local emulator
 * must still run. Never import this from the functions' entry (index.ts, runtime.ts).
 */
import type { EmbeddedEmulator } from './emulator.js';

const PACKAGE = '@firestore-emulator/server';

/** The emulator started on 127.0.0.1 (see emulator.ts), or an error that says what to install. */
export async function startEmbeddedEmulator(): Promise<EmbeddedEmulator> {
  let emulator: typeof import('./emulator.js');
  try {
    emulator = await import('./emulator.js');
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'MODULE_NOT_FOUND' && err instanceof Error && err.message.includes(PACKAGE)) {
      throw new Error(
        `Emulator Firestore bawaan (${PACKAGE}) tidak terpasang: pasang dependensi pengembangan ` +
          '(npm install tanpa --omit=dev) atau arahkan FIRESTORE_EMULATOR_HOST ke emulator lain.',
      );
    }
    throw err;
  }
  return emulator.startEmulator();
}
