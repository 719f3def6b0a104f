import type { CycleDoc } from '../cycle/model.js';
import type { IkmReport, LeaderSummary } from '../reports.js';
import type { ScheduleReport } from '../schedule-report.js';

/** What the leaders' model is built from: computed aggregates only. */
export interface SummaryModelInput {
  summary: LeaderSummary;
  ikm: IkmReport;
  /** when the run started (printed under the title) */
  generatedAt: Date;
  tenant?: string;
  /** the planned schedule: its aggregate sheets follow (its per-person lists never enter the model) */
  schedule?: ScheduleReport;
  /** the fiscal year planned, when no schedule is given (its year otherwise) */
  tahunRencana?: number;
  /** the kept cycles (cycles/{tahun}, this year's included): the Tren sheet and the change in the main table */
  cycles?: CycleDoc[];
}
