/**
 * The Cloud Functions of bangkom: one `http(name, handler)` line per target. The environment
 * is validated here, at start-up (see config.ts and DEPLOY.md).
 */
import { http } from '@google-cloud/functions-framework';
import { installRequestGuard } from './adapters/request-guard.js';
import { loadConfig } from './config.js';
import { computeGaps } from './handlers/compute-gaps.js';
import { health } from './handlers/health.js';
import { ingestResponse } from './handlers/ingest-response.js';
import { refreshSummary } from './handlers/leaders-summary.js';
import { readSummary } from './handlers/read-summary.js';
import { runCycle } from './handlers/run-cycle.js';
import { runStatus } from './handlers/run-status.js';
import { scheduleTrainings } from './handlers/schedule-trainings.js';
import { summarizeEvaluations } from './handlers/summarize-evaluations.js';
import { syncWorkbook } from './handlers/sync-workbook.js';
import { createDeps } from './runtime.js';

// before the framework builds its server: bodies are screened before its parsers see them
installRequestGuard();
const deps = createDeps(loadConfig(process.env));

http('health', health);
http('ingestResponse', ingestResponse(deps));
http('syncWorkbook', syncWorkbook(deps));
http('computeGaps', computeGaps(deps));
http('scheduleTrainings', scheduleTrainings(deps));
http('summarizeEvaluations', summarizeEvaluations(deps));
http('readSummary', readSummary(deps));
http('runCycle', runCycle(deps));
http('runStatus', runStatus(deps));
http('refreshSummary', refreshSummary(deps));

/** The targets above, for the dev server and the deploy notes. */
export const TARGETS = [
  'health',
  'ingestResponse',
  'syncWorkbook',
  'computeGaps',
  'scheduleTrainings',
  'summarizeEvaluations',
  'readSummary',
  'runCycle',
  'runStatus',
  'refreshSummary',
] as const;
