import type { IkmReport, LeaderSummary } from '../reports.js';

/** What the leaders' model is built from: computed aggregates only. */
export interface SummaryModelInput {
  summary: LeaderSummary;
  ikm: IkmReport;
  /** when the run started (printed under the title) */
  generatedAt: Date;
  tenant?: string;
  /** fiscal year the schedule plans, when one was planned */
  tahunRencana?: number;
}
