/**
 * Property tests are deterministic: every fc.assert runs from one fixed seed unless a test
 * gives its own. `FC_SEED=<n> npm test` explores other seeds (fast-check prints the seed and
 * path of any counterexample, to replay it).
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261128) });
