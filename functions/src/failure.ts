/**
 * What a user may read about a failure. The product's own errors carry an Indonesian message;
 * JavaScript's own failures (TypeError, a stack overflow, ...) are bugs: named, never quoted.
 */

/** JavaScript's own failures (a bug, not a message written for the user). */
const INTERNAL = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

/** true for a JavaScript failure, or for something thrown that is not an Error at all. */
export function isJavaScriptFailure(err: unknown): boolean {
  return !(err instanceof Error) || INTERNAL.some((k) => err instanceof k);
}

/** The Indonesian line for a JavaScript failure: its kind, and how to see the rest. */
export function internalFailure(err: unknown): string {
  const kind = err instanceof Error ? err.name : typeof err;
  return `terjadi kesalahan internal (${kind}). Jalankan lagi dengan BANGKOM_DEBUG=1 untuk rinciannya dan laporkan ke pengelola bangkom.`;
}

/** What the user reads about an error: its own message, or the internal-failure line. */
export function userMessage(err: unknown): string {
  return err instanceof Error && !isJavaScriptFailure(err) ? err.message : internalFailure(err);
}
