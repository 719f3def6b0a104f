export { buildCycle, type CycleInput, courseOfSession } from './build.js';
export { trainedBetween, type UntrainedEmployee, untrainedEmployees, untrainedPerOpd } from './equity.js';
export * from './model.js';
