import { releaseGarbage } from '../../../functions/src/cli/heap';

/** an object only a WeakRef points to, made in a function so no local keeps it */
function unreachable(): WeakRef<object> {
  return new WeakRef({ payload: new Array(100_000).fill(7) });
}

test('at or over the threshold a full collection runs and frees what nothing holds', async () => {
  const ref = unreachable();
  // a WeakRef's target stays alive until the current job ends (a deref() too keeps it for the job)
  await new Promise((resolve) => setImmediate(resolve));
  expect(releaseGarbage(0, 0)).toBe(true);
  expect(ref.deref()).toBeUndefined();
});

test('under the threshold nothing is collected', async () => {
  const ref = unreachable();
  await new Promise((resolve) => setImmediate(resolve));
  expect(releaseGarbage(Number.POSITIVE_INFINITY)).toBe(false);
  expect(ref.deref()).toBeDefined();
});

test('a heap that has not grown by half since the last collection is not collected again', async () => {
  expect(releaseGarbage(0, 0)).toBe(true);
  const ref = unreachable();
  await new Promise((resolve) => setImmediate(resolve));
  // an object of a few hundred KB does not grow the heap by half: no second pause
  expect(releaseGarbage(0)).toBe(false);
  expect(ref.deref()).toBeDefined();
  // without the growth rule it is collected
  expect(releaseGarbage(0, 0)).toBe(true);
});
