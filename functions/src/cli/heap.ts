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
 * Small runs (the sample) stay under the threshold and are never collected here. A heap that has
 * not grown by half since the last collection here is not collected again either: each
 * collection then has at least half the live size of garbage to free, so its cost stays in
 * proportion to what the run allocates (a long-lived process with a large live heap, a test
 * worker for one, is not paused at every step).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** below this much heap in use a full collection is not worth its pause */
export const RELEASE_THRESHOLD_BYTES = 512 * 1024 * 1024;
/** the heap in use must have grown this much over the live size after the last collection */
export const RELEASE_GROWTH = 1.5;

/** heap in use right after the last collection made here */
let liveAfterLast = 0;
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
 * Collects the garbage when the heap in use is at least `threshold` bytes and `growth` times
 * what was live after the last collection made here. Returns whether a full collection ran.
 */
export function releaseGarbage(threshold = RELEASE_THRESHOLD_BYTES, growth = RELEASE_GROWTH): boolean {
  const used = process.memoryUsage().heapUsed;
  if (used < threshold || used < growth * liveAfterLast) return false;
  const gc = collector();
  if (!gc) return false;
  gc();
  liveAfterLast = process.memoryUsage().heapUsed;
  return true;
}
