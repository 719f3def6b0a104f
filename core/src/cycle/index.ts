export { buildCycle, type CycleInput, courseOfSession } from './build.js';
export { trainedBetween, type UntrainedEmployee, untrainedEmployees, untrainedPerOpd } from './equity.js';
export * from './model.js';
export {
  elementsOf,
  krejcieMorgan,
  periodeRange,
  type ServiceResult,
  SKM_ELEMENT_NAMES,
  serviceResults,
} from './results.js';
