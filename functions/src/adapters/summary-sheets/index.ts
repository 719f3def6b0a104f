/**
 * The Sheets API renderer of the leaders' summary model: each model sheet rebuilt in place in
 * the tenant's leaders' spreadsheet (shared view-only with `pimpinan`), one spreadsheets.get
 * and ONE batchUpdate per sheet (see requests.ts). Every text and figure comes from the
 * model, so a sheet a new builder adds (e.g. a trend) is written here without further work.
 */
import type { SummaryModel } from '@bangkom/core';
import type { SheetsGateway } from '../sheets.js';
import { METADATA_FIELDS, sheetRequests } from './requests.js';

export { protectionId } from './requests.js';

export interface WrittenLeadersSheets {
  spreadsheetId: string;
  sheets: string[];
  charts: number;
  /** batchUpdate calls made (one per sheet) */
  batches: number;
}

export async function writeLeadersSpreadsheet(
  gateway: Pick<SheetsGateway, 'spreadsheetId' | 'updateSpreadsheet'>,
  model: SummaryModel,
): Promise<WrittenLeadersSheets> {
  let batches = 0;
  for (const [index, sheet] of model.sheets.entries()) {
    const sent = await gateway.updateSpreadsheet(METADATA_FIELDS, (meta) =>
      sheetRequests(sheet, meta, { index, setLocale: index === 0 }),
    );
    if (sent > 0) batches++;
  }
  return {
    spreadsheetId: gateway.spreadsheetId,
    sheets: model.sheets.map((s) => s.title),
    charts: model.sheets.reduce((a, s) => a + s.charts.length, 0),
    batches,
  };
}
