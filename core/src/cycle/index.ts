export { buildCycle, courseOfSession } from './build.js';
export { type UntrainedEmployee, untrainedEmployees } from './equity.js';
export * from './model.js';
export {
  elementsOf,
  krejcieMorgan,
  periodeRange,
  serviceResults,
} from './results.js';
