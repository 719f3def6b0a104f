/**
 * A full garbage collection between the long steps of a large run.
 *
 * V8 lets the old space grow to several times what is live before it collects it in full: at
 * 50,000 ASN a run holds at most about 1,1 GB live, yet its RSS peaked at 2,0-2,4 GB with
 * garbage of finished steps (the staff workbook's XML, the documents already stored). A step
 * that starts with the garbage of the previous one collected starts from what is live, and the
 * peak follows the live size instead of the collector's timing. No heap limit is set: a larger
 * input still gets the memory it needs.
 *
 * Small runs (the sample, the tests) stay under the threshold and are never collected here.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** below this much live heap a full collection is not worth its pause */
export const RELEASE_THRESHOLD_BYTES = 512 * 1024 * 1024;

let collect: (() => void) | null | undefined;

/** V8's full collection: `gc` of node --expose-gc, else exposed now to a fresh context. */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  const own: unknown = Reflect.get(globalThis, 'gc');
  if (typeof own === 'function') {
    collect = () => Reflect.apply(own, globalThis, []);
    return collect;
  }
  try {
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('gc');
    collect = typeof exposed === 'function' ? () => Reflect.apply(exposed, undefined, []) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * Collects the garbage when the heap in use is at least `threshold` bytes.
 * Returns whether a full collection ran.
 */
export function releaseGarbage(threshold = RELEASE_THRESHOLD_BYTES): boolean {
  if (process.memoryUsage().heapUsed < threshold) return false;
  const gc = collector();
  if (!gc) return false;
  gc();
  return true;
}
