/**
 * The batchUpdate requests that rebuild one model sheet in the leaders' spreadsheet, from
 * what the spreadsheet holds now. The sheet keeps its id (the model's), its charts keep
 * theirs (sheetId × 100 + n) and its protection keeps its id (sheetId × 100 + 99), so a rerun
 * updates them in place: a missing one is added, a chart no longer in the model is deleted,
 * nothing is ever added twice. Every cell of the grid is rewritten (value, format, note), so
 * nothing of the previous run is left behind.
 */
import type { SummarySheet } from '@bangkom/core';
import type { sheets_v4 } from '@googleapis/sheets';
import { colorStyle, dataCell, headerCell, LEADERS_LOCALE, NOTE_COLOR, textCell } from './cells.js';
import { chartDataRows, chartPosition, chartSpec } from './charts.js';
import { HEADER_ROW, type SheetLayout, sheetLayout, widthPx } from './layout.js';

/** what the writer asks spreadsheets.get for */
export const METADATA_FIELDS =
  'properties.locale,sheets(properties(sheetId,title,index,gridProperties),charts(chartId,position),' +
  'conditionalFormats,protectedRanges(protectedRangeId,range),merges)';

export const PROTECTION_DESCRIPTION =
  'Ringkasan pimpinan dibuat otomatis oleh bangkom dan ditulis ulang pada setiap pembaruan; ' +
  'ubah data di spreadsheet program, bukan di sini.';

/** stable id of a sheet's protected range */
export const protectionId = (sheetId: number) => sheetId * 100 + 99;

/** The content of the grid, row by row (rows beyond are cleared by the range). */
function gridRows(sheet: SummarySheet, layout: SheetLayout): sheets_v4.Schema$RowData[] {
  const rows: sheets_v4.Schema$CellData[][] = Array.from({ length: layout.rows }, () => []);
  const put = (r: number, c: number, cell: sheets_v4.Schema$CellData) => {
    const row = rows[r];
    if (!row) return;
    while (row.length < c) row.push({});
    row[c] = cell;
  };
  const { table } = sheet;
  put(0, 0, textCell(sheet.heading, { bold: true, size: 14, color: '#1f4e79' }));
  if (sheet.subheading) put(1, 0, textCell(sheet.subheading, { italic: true, color: NOTE_COLOR }));
  table.columns.forEach((c, i) => {
    put(HEADER_ROW, i, headerCell(c.header, table.rotatedHeaders === true && i > 0));
  });
  table.rows.forEach((r, ri) => {
    table.columns.forEach((c, ci) => {
      const cell = dataCell(r.cells[ci] ?? null, c, r.total === true, r.styles?.[ci]);
      const note = r.notes?.[ci];
      put(layout.firstDataRow + ri, ci, note ? { ...cell, note } : cell);
    });
  });
  (sheet.legend ?? []).forEach((item, i) => {
    put(
      layout.legendRow + i,
      0,
      textCell(item.text, {
        bold: item.color === null && !item.style,
        italic: item.style?.italic === true,
        underline: item.style?.underline === true,
        size: 9,
        wrap: true,
        ...(item.color ? { fill: item.color } : {}),
      }),
    );
  });
  sheet.notes.forEach((note, i) => {
    put(layout.noteRow + i, 0, textCell(note, { italic: true, size: 9, color: NOTE_COLOR, wrap: true }));
  });
  for (const place of layout.charts) {
    chartDataRows(place.chart).forEach((cells, ri) => {
      cells.forEach((cell, ci) => {
        put(HEADER_ROW + ri, place.dataColumn + ci, cell);
      });
    });
  }
  return rows.map((values) => (values.length > 0 ? { values } : {}));
}

function gridRange(
  sheetId: number,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
): sheets_v4.Schema$GridRange {
  return { sheetId, startRowIndex: r0, endRowIndex: r1, startColumnIndex: c0, endColumnIndex: c1 };
}

/** A title no sheet but `sheetId` has: a stranger holding ours is renamed out of the way. */
function freeTitle(title: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const t = n === 1 ? `${title} (lama)` : `${title} (lama ${n})`;
    if (!taken.has(t.toLowerCase())) return t;
  }
}

export interface PlanOptions {
  /** the sheet's place among the tabs */
  index: number;
  /** set the spreadsheet locale when it is not id_ID (the first sheet's batch does it) */
  setLocale: boolean;
}

/** The requests of one sheet's batchUpdate. */
export function sheetRequests(
  sheet: SummarySheet,
  spreadsheet: sheets_v4.Schema$Spreadsheet,
  opts: PlanOptions,
): sheets_v4.Schema$Request[] {
  const layout = sheetLayout(sheet);
  const id = sheet.sheetId;
  const all = spreadsheet.sheets ?? [];
  const existing = all.find((s) => s.properties?.sheetId === id);
  const requests: sheets_v4.Schema$Request[] = [];
  if (opts.setLocale && spreadsheet.properties?.locale !== LEADERS_LOCALE) {
    requests.push({
      updateSpreadsheetProperties: { properties: { locale: LEADERS_LOCALE }, fields: 'locale' },
    });
  }
  const grid = existing?.properties?.gridProperties ?? {};
  // never shrink: an existing grid keeps its size, every cell of it is rewritten or cleared
  const rowCount = Math.max(layout.rows, grid.rowCount ?? 0);
  const columnCount = Math.max(layout.columns, grid.columnCount ?? 0);
  const gridProperties: sheets_v4.Schema$GridProperties = {
    rowCount,
    columnCount,
    frozenRowCount: layout.frozenRows,
    frozenColumnCount: layout.frozenColumns,
    hideGridlines: sheet.layout === 'page',
  };
  const holder = all.find(
    (s) =>
      s.properties?.sheetId !== id && (s.properties?.title ?? '').toLowerCase() === sheet.title.toLowerCase(),
  );
  if (holder?.properties?.sheetId != null) {
    const taken = new Set(all.map((s) => (s.properties?.title ?? '').toLowerCase()));
    requests.push({
      updateSheetProperties: {
        properties: { sheetId: holder.properties.sheetId, title: freeTitle(sheet.title, taken) },
        fields: 'title',
      },
    });
  }
  const chartIds = new Set(layout.charts.map((c) => c.chartId));
  const existingCharts = new Set<number>();
  if (!existing) {
    requests.push({
      addSheet: { properties: { sheetId: id, title: sheet.title, index: opts.index, gridProperties } },
    });
  } else {
    for (const c of existing.charts ?? []) {
      if (c.chartId == null) continue;
      if (chartIds.has(c.chartId)) existingCharts.add(c.chartId);
      else requests.push({ deleteEmbeddedObject: { objectId: c.chartId } });
    }
    // rules are deleted from the last, so each index still names a rule
    for (let i = (existing.conditionalFormats ?? []).length - 1; i >= 0; i--) {
      requests.push({ deleteConditionalFormatRule: { sheetId: id, index: i } });
    }
    for (const m of existing.merges ?? []) requests.push({ unmergeCells: { range: { ...m, sheetId: id } } });
    requests.push({
      updateSheetProperties: {
        properties: { sheetId: id, title: sheet.title, index: opts.index, gridProperties },
        fields:
          'title,index,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount,' +
          'gridProperties.frozenColumnCount,gridProperties.hideGridlines',
      },
    });
  }
  requests.push({
    updateCells: {
      range: gridRange(id, 0, rowCount, 0, columnCount),
      rows: gridRows(sheet, layout),
      fields: 'userEnteredValue,userEnteredFormat,note',
    },
  });
  // column widths; the charts' data columns hidden; any older column shown again
  sheet.table.columns.forEach((c, i) => {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId: id, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: widthPx(c.width), hiddenByUser: false },
        fields: 'pixelSize,hiddenByUser',
      },
    });
  });
  if (columnCount > layout.chartDataFrom) {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId: id, dimension: 'COLUMNS', startIndex: layout.chartDataFrom, endIndex: columnCount },
        properties: { hiddenByUser: layout.columns > layout.chartDataFrom },
        fields: 'hiddenByUser',
      },
    });
  }
  for (const [row, px] of layout.rowHeights) {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId: id, dimension: 'ROWS', startIndex: row, endIndex: row + 1 },
        properties: { pixelSize: px },
        fields: 'pixelSize',
      },
    });
  }
  if (layout.mergeNotes) {
    sheet.notes.forEach((_, i) => {
      const r = layout.noteRow + i;
      requests.push({
        mergeCells: { range: gridRange(id, r, r + 1, 0, sheet.table.columns.length), mergeType: 'MERGE_ALL' },
      });
    });
  }
  const scale = sheet.colorScale;
  if (scale) {
    const point = (type: string, hex: string, value?: string): sheets_v4.Schema$InterpolationPoint => ({
      type,
      colorStyle: colorStyle(hex),
      ...(value !== undefined ? { value } : {}),
    });
    requests.push({
      addConditionalFormatRule: {
        index: 0,
        rule: {
          ranges: [
            gridRange(
              id,
              layout.firstDataRow + scale.firstRow,
              layout.firstDataRow + scale.lastRow + 1,
              scale.firstColumn,
              scale.lastColumn + 1,
            ),
          ],
          // empty cells (not assessed) take no colour
          gradientRule: {
            minpoint: point('MIN', scale.colors.min),
            midpoint: point('PERCENTILE', scale.colors.mid, '50'),
            maxpoint: point('MAX', scale.colors.max),
          },
        },
      },
    });
  }
  for (const place of layout.charts) {
    const spec = chartSpec(id, place);
    const position = chartPosition(id, place);
    if (existingCharts.has(place.chartId)) {
      requests.push({ updateChartSpec: { chartId: place.chartId, spec } });
      requests.push({
        updateEmbeddedObjectPosition: {
          objectId: place.chartId,
          newPosition: position,
          fields: 'overlayPosition',
        },
      });
    } else {
      requests.push({ addChart: { chart: { chartId: place.chartId, spec, position } } });
    }
  }
  const protectedRange: sheets_v4.Schema$ProtectedRange = {
    protectedRangeId: protectionId(id),
    range: { sheetId: id },
    description: PROTECTION_DESCRIPTION,
    warningOnly: false,
  };
  const protectedNow = all.some((s) =>
    (s.protectedRanges ?? []).some((p) => p.protectedRangeId === protectionId(id)),
  );
  requests.push(
    protectedNow
      ? { updateProtectedRange: { protectedRange, fields: 'range,description,warningOnly' } }
      : { addProtectedRange: { protectedRange } },
  );
  return requests;
}
