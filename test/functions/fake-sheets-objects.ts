/**
 * The fake Sheets API's sheet objects beyond values: formats, merges, column and row sizes,
 * charts, conditional format rules and protected ranges, with the checks the real API makes
 * on them (an unknown sheet or object id, a duplicate chart or protected range id, a range
 * outside the grid, a merge across frozen rows or columns or into another merge, a chart
 * whose domain and series differ in length) answered as 400s with nothing applied.
 */

/** A request the API refuses (the caller turns it into a 400). */
export class Invalid extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface GridRangeJson {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface FakeChart {
  chartId: number;
  spec: Json;
  position: Json;
}

/** What a sheet holds besides its values (all plain JSON, copied per batch). */
export interface SheetObjects {
  index?: number;
  frozenColumnCount?: number;
  hideGridlines?: boolean;
  /** userEnteredFormat per cell (CellFormat JSON) */
  formats?: (Json | undefined)[][];
  notes?: (string | undefined)[][];
  merges?: GridRangeJson[];
  columns?: { pixelSize?: number; hiddenByUser?: boolean }[];
  rowSizes?: { pixelSize?: number; hiddenByUser?: boolean }[];
  charts?: FakeChart[];
  conditionalFormats?: Json[];
  protectedRanges?: (Json & { protectedRangeId: number })[];
}

export interface ObjectSheet extends SheetObjects {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
}

const OBJECT_KEYS = [
  'index',
  'frozenColumnCount',
  'hideGridlines',
  'formats',
  'notes',
  'merges',
  'columns',
  'rowSizes',
  'charts',
  'conditionalFormats',
  'protectedRanges',
] as const;

/** A deep copy of what a sheet holds besides its values (a batch works on copies). */
export function cloneObjects(s: SheetObjects): SheetObjects {
  const out: Record<string, unknown> = {};
  for (const k of OBJECT_KEYS) if (s[k] !== undefined) out[k] = structuredClone(s[k]);
  return out as SheetObjects;
}

/** A range resolved against a sheet's grid: [r0, r1) × [c0, c1), checked inside it. */
export function resolveRange(
  sheets: readonly ObjectSheet[],
  range: unknown,
  at: string,
): { sheet: ObjectSheet; r0: number; r1: number; c0: number; c1: number } {
  if (!isObject(range)) throw new Invalid(`Invalid ${at}: range must be set`);
  const g = range as GridRangeJson;
  const sheet = sheets.find((s) => s.sheetId === (g.sheetId ?? 0));
  if (!sheet) throw new Invalid(`Invalid ${at}: No grid with id: ${String(g.sheetId ?? 0)}`);
  const r0 = g.startRowIndex ?? 0;
  const r1 = g.endRowIndex ?? sheet.rowCount;
  const c0 = g.startColumnIndex ?? 0;
  const c1 = g.endColumnIndex ?? sheet.columnCount;
  for (const v of [r0, r1, c0, c1])
    if (!Number.isInteger(v) || v < 0)
      throw new Invalid(`Invalid ${at}: range indexes must be non-negative integers`);
  if (r0 > r1 || c0 > c1)
    throw new Invalid(`Invalid ${at}: start index must be less than or equal to end index`);
  if (r1 > sheet.rowCount || c1 > sheet.columnCount)
    throw new Invalid(
      `Invalid ${at}: Range exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
  return { sheet, r0, r1, c0, c1 };
}

const overlaps = (a: GridRangeJson, b: GridRangeJson) =>
  (a.startRowIndex ?? 0) < (b.endRowIndex ?? 0) &&
  (b.startRowIndex ?? 0) < (a.endRowIndex ?? 0) &&
  (a.startColumnIndex ?? 0) < (b.endColumnIndex ?? 0) &&
  (b.startColumnIndex ?? 0) < (a.endColumnIndex ?? 0);

function fieldsOf(body: Json, at: string): string[] {
  if (typeof body.fields !== 'string' || body.fields.trim() === '')
    throw new Invalid(`Invalid ${at}: At least one field must be specified.`);
  return body.fields.split(',').map((f) => f.trim());
}

function allCharts(sheets: readonly ObjectSheet[]): { sheet: ObjectSheet; chart: FakeChart }[] {
  return sheets.flatMap((sheet) => (sheet.charts ?? []).map((chart) => ({ sheet, chart })));
}

/** A chart's spec and position checked against the spreadsheet (ids, grid, series lengths). */
function checkChart(
  sheets: readonly ObjectSheet[],
  spec: unknown,
  position: unknown,
  at: string,
): ObjectSheet {
  if (!isObject(spec)) throw new Invalid(`Invalid ${at}: spec must be set`);
  const basic = spec.basicChart;
  if (!isObject(basic) || typeof basic.chartType !== 'string')
    throw new Invalid(`Invalid ${at}: the fake models basic charts with a chartType only`);
  const lengths: number[] = [];
  const sourceOf = (data: unknown, where: string) => {
    const sources = isObject(data) && isObject(data.sourceRange) ? data.sourceRange.sources : undefined;
    if (!Array.isArray(sources) || sources.length === 0)
      throw new Invalid(`Invalid ${at}: ${where} has no sourceRange`);
    for (const src of sources) {
      const r = resolveRange(sheets, src, `${at}.${where}`);
      if (r.r1 - r.r0 !== 1 && r.c1 - r.c0 !== 1)
        throw new Invalid(`Invalid ${at}: ${where} must be a single row or column`);
      lengths.push(Math.max(r.r1 - r.r0, r.c1 - r.c0));
    }
  };
  (Array.isArray(basic.domains) ? basic.domains : []).forEach((d, i) => {
    sourceOf(isObject(d) ? d.domain : undefined, `domains[${i}]`);
  });
  (Array.isArray(basic.series) ? basic.series : []).forEach((s, i) => {
    sourceOf(isObject(s) ? s.series : undefined, `series[${i}]`);
  });
  if (new Set(lengths).size > 1) throw new Invalid(`Invalid ${at}: domain and series differ in length`);
  const overlay = isObject(position) ? position.overlayPosition : undefined;
  const anchor = isObject(overlay) ? overlay.anchorCell : undefined;
  if (!isObject(anchor)) throw new Invalid(`Invalid ${at}: the fake models overlay positions only`);
  const sheet = sheets.find((s) => s.sheetId === (anchor.sheetId ?? 0));
  if (!sheet) throw new Invalid(`Invalid ${at}: No grid with id: ${String(anchor.sheetId ?? 0)}`);
  const row = (anchor.rowIndex as number | undefined) ?? 0;
  const col = (anchor.columnIndex as number | undefined) ?? 0;
  if (row >= sheet.rowCount || col >= sheet.columnCount)
    throw new Invalid(`Invalid ${at}: anchor cell is outside the grid of "${sheet.title}"`);
  return sheet;
}

/** Applies one request of a kind this module models; undefined when it models none. */
export function applyObjectRequest(
  sheets: readonly ObjectSheet[],
  kind: string,
  body: Json,
  at: string,
): { reply: unknown } | undefined {
  const byId = (id: unknown) => {
    const s = sheets.find((x) => x.sheetId === (id ?? 0));
    if (!s) throw new Invalid(`Invalid ${at}: No grid with id: ${String(id ?? 0)}`);
    return s;
  };
  switch (kind) {
    case 'addChart': {
      const chart = body.chart;
      if (!isObject(chart)) throw new Invalid(`Invalid ${at}: chart must be set`);
      const id = chart.chartId as number | undefined;
      if (id !== undefined && allCharts(sheets).some((c) => c.chart.chartId === id))
        throw new Invalid(`Invalid ${at}: An object with ID ${id} already exists.`);
      const sheet = checkChart(sheets, chart.spec, chart.position, at);
      const chartId = id ?? 1 + Math.max(0, ...allCharts(sheets).map((c) => c.chart.chartId));
      sheet.charts = [
        ...(sheet.charts ?? []),
        { chartId, spec: chart.spec as Json, position: chart.position as Json },
      ];
      return { reply: { addChart: { chart: { ...chart, chartId } } } };
    }
    case 'updateChartSpec': {
      const found = allCharts(sheets).find((c) => c.chart.chartId === body.chartId);
      if (!found) throw new Invalid(`Invalid ${at}: No chart with id: ${String(body.chartId)}`);
      checkChart(sheets, body.spec, found.chart.position, at);
      found.chart.spec = body.spec as Json;
      return { reply: {} };
    }
    case 'updateEmbeddedObjectPosition': {
      const found = allCharts(sheets).find((c) => c.chart.chartId === body.objectId);
      if (!found) throw new Invalid(`Invalid ${at}: No embedded object with id: ${String(body.objectId)}`);
      fieldsOf(body, at);
      const target = checkChart(sheets, found.chart.spec, body.newPosition, at);
      found.chart.position = body.newPosition as Json;
      if (target !== found.sheet) {
        found.sheet.charts = (found.sheet.charts ?? []).filter((c) => c !== found.chart);
        target.charts = [...(target.charts ?? []), found.chart];
      }
      return { reply: {} };
    }
    case 'deleteEmbeddedObject': {
      const found = allCharts(sheets).find((c) => c.chart.chartId === body.objectId);
      if (!found) throw new Invalid(`Invalid ${at}: No embedded object with id: ${String(body.objectId)}`);
      found.sheet.charts = (found.sheet.charts ?? []).filter((c) => c !== found.chart);
      return { reply: {} };
    }
    case 'addConditionalFormatRule': {
      const rule = body.rule;
      if (!isObject(rule) || !Array.isArray(rule.ranges) || rule.ranges.length === 0)
        throw new Invalid(`Invalid ${at}: rule.ranges must be set`);
      const resolved = rule.ranges.map((r, i) => resolveRange(sheets, r, `${at}.rule.ranges[${i}]`));
      const sheet = resolved[0]?.sheet as ObjectSheet;
      if (resolved.some((r) => r.sheet !== sheet))
        throw new Invalid(`Invalid ${at}: all ranges must be on one sheet`);
      if ((rule.booleanRule === undefined) === (rule.gradientRule === undefined))
        throw new Invalid(`Invalid ${at}: exactly one of booleanRule or gradientRule must be set`);
      if (isObject(rule.gradientRule)) {
        const g = rule.gradientRule;
        if (!isObject(g.minpoint) || !isObject(g.maxpoint))
          throw new Invalid(`Invalid ${at}: a gradient rule needs a minpoint and a maxpoint`);
        for (const p of [g.minpoint, g.midpoint, g.maxpoint]) {
          if (!isObject(p)) continue;
          if (p.type === 'PERCENTILE' || p.type === 'PERCENT') {
            const v = Number(p.value);
            if (typeof p.value !== 'string' || !(v >= 0 && v <= 100))
              throw new Invalid(`Invalid ${at}: a ${p.type} point needs a value from 0 to 100`);
          }
        }
      }
      const rules = sheet.conditionalFormats ?? [];
      const index = (body.index as number | undefined) ?? rules.length;
      if (index > rules.length)
        throw new Invalid(`Invalid ${at}: index ${index} is past the ${rules.length} rules`);
      rules.splice(index, 0, rule);
      sheet.conditionalFormats = rules;
      return { reply: {} };
    }
    case 'deleteConditionalFormatRule': {
      const sheet = byId(body.sheetId);
      const rules = sheet.conditionalFormats ?? [];
      const index = body.index as number;
      if (!Number.isInteger(index) || index < 0 || index >= rules.length)
        throw new Invalid(
          `Invalid ${at}: No conditional format on sheet ${sheet.sheetId} at index ${String(index)}`,
        );
      rules.splice(index, 1);
      return { reply: {} };
    }
    case 'addProtectedRange':
    case 'updateProtectedRange': {
      const pr = body.protectedRange;
      if (!isObject(pr)) throw new Invalid(`Invalid ${at}: protectedRange must be set`);
      const all = sheets.flatMap((s) => (s.protectedRanges ?? []).map((p) => ({ s, p })));
      const id = pr.protectedRangeId as number | undefined;
      const found = all.find((x) => x.p.protectedRangeId === id);
      if (kind === 'addProtectedRange') {
        if (id !== undefined && found)
          throw new Invalid(`Invalid ${at}: A protected range with ID ${id} already exists.`);
        const { sheet } = resolveRange(sheets, pr.range, `${at}.protectedRange.range`);
        const protectedRangeId = id ?? 1 + Math.max(0, ...all.map((x) => x.p.protectedRangeId));
        sheet.protectedRanges = [...(sheet.protectedRanges ?? []), { ...pr, protectedRangeId }];
        return { reply: { addProtectedRange: { protectedRange: { ...pr, protectedRangeId } } } };
      }
      if (!found) throw new Invalid(`Invalid ${at}: No protected range with id: ${String(id)}`);
      const merged: Json & { protectedRangeId: number } = { ...found.p };
      for (const f of fieldsOf(body, at)) merged[f] = pr[f];
      const { sheet } = resolveRange(sheets, merged.range, `${at}.protectedRange.range`);
      found.s.protectedRanges = (found.s.protectedRanges ?? []).filter((p) => p !== found.p);
      sheet.protectedRanges = [...(sheet.protectedRanges ?? []), merged];
      return { reply: {} };
    }
    case 'deleteProtectedRange': {
      const owner = sheets.find((s) =>
        (s.protectedRanges ?? []).some((p) => p.protectedRangeId === body.protectedRangeId),
      );
      if (!owner)
        throw new Invalid(`Invalid ${at}: No protected range with id: ${String(body.protectedRangeId)}`);
      owner.protectedRanges = (owner.protectedRanges ?? []).filter(
        (p) => p.protectedRangeId !== body.protectedRangeId,
      );
      return { reply: {} };
    }
    case 'mergeCells': {
      const { sheet, r0, r1, c0, c1 } = resolveRange(sheets, body.range, `${at}.range`);
      if ((r1 - r0) * (c1 - c0) < 2) throw new Invalid(`Invalid ${at}: a merge needs two cells at least`);
      const fr = sheet.frozenRowCount ?? 0;
      const fc = sheet.frozenColumnCount ?? 0;
      if (r0 < fr && r1 > fr) throw new Invalid(`Invalid ${at}: You can't merge frozen and non-frozen rows.`);
      if (c0 < fc && c1 > fc)
        throw new Invalid(`Invalid ${at}: You can't merge frozen and non-frozen columns.`);
      const range = {
        sheetId: sheet.sheetId,
        startRowIndex: r0,
        endRowIndex: r1,
        startColumnIndex: c0,
        endColumnIndex: c1,
      };
      if ((sheet.merges ?? []).some((m) => overlaps(m, range)))
        throw new Invalid(`Invalid ${at}: the range overlaps a merged range`);
      sheet.merges = [...(sheet.merges ?? []), range];
      return { reply: {} };
    }
    case 'unmergeCells': {
      const { sheet, r0, r1, c0, c1 } = resolveRange(sheets, body.range, `${at}.range`);
      const range = { startRowIndex: r0, endRowIndex: r1, startColumnIndex: c0, endColumnIndex: c1 };
      const inside = (m: GridRangeJson) =>
        (m.startRowIndex ?? 0) >= r0 &&
        (m.endRowIndex ?? 0) <= r1 &&
        (m.startColumnIndex ?? 0) >= c0 &&
        (m.endColumnIndex ?? 0) <= c1;
      for (const m of sheet.merges ?? [])
        if (overlaps(m, range) && !inside(m))
          throw new Invalid(
            `Invalid ${at}: You must select all cells in a merged range to merge or unmerge them.`,
          );
      sheet.merges = (sheet.merges ?? []).filter((m) => !inside(m));
      return { reply: {} };
    }
    case 'updateDimensionProperties': {
      const range = body.range;
      if (!isObject(range)) throw new Invalid(`Invalid ${at}: range must be set`);
      const sheet = byId(range.sheetId);
      const rows = range.dimension === 'ROWS';
      const count = rows ? sheet.rowCount : sheet.columnCount;
      const start = (range.startIndex as number | undefined) ?? 0;
      const end = (range.endIndex as number | undefined) ?? count;
      if (start >= end || end > count)
        throw new Invalid(
          `Invalid ${at}: range [${start}, ${end}) is outside the ${count} ${rows ? 'rows' : 'columns'}`,
        );
      const props = isObject(body.properties) ? body.properties : {};
      const list = (rows ? sheet.rowSizes : sheet.columns) ?? [];
      if (rows) sheet.rowSizes = list;
      else sheet.columns = list;
      for (const f of fieldsOf(body, at)) {
        if (f !== 'pixelSize' && f !== 'hiddenByUser')
          throw new Invalid(`Invalid ${at}: fake does not model field ${f}`);
        if (f === 'pixelSize' && !((props.pixelSize as number) >= 0))
          throw new Invalid(`Invalid ${at}: pixelSize must be set and not negative`);
        for (let i = start; i < end; i++) list[i] = { ...list[i], [f]: props[f] };
      }
      return { reply: {} };
    }
    default:
      return undefined;
  }
}

/** userEnteredFormat and note of an updateCells over [top, bottom) × [left, right). */
export function storeFormats(
  sheet: ObjectSheet,
  rows: readonly unknown[],
  area: { top: number; left: number; bottom: number; right: number },
  mask: { format: boolean; note: boolean },
): void {
  const formats: (Json | undefined)[][] = sheet.formats ?? [];
  const notes: (string | undefined)[][] = sheet.notes ?? [];
  sheet.formats = formats;
  sheet.notes = notes;
  const clear = <T>(grid: (T | undefined)[][]) => {
    for (let r = area.top; r < area.bottom; r++) {
      const row = grid[r];
      if (row) for (let c = area.left; c < area.right; c++) row[c] = undefined;
    }
  };
  const set = <T>(grid: (T | undefined)[][], r: number, c: number, v: T) => {
    const row = grid[r] ?? [];
    row[c] = v;
    grid[r] = row;
  };
  if (mask.format) clear(formats);
  if (mask.note) clear(notes);
  rows.forEach((row, ri) => {
    const values = isObject(row) && Array.isArray(row.values) ? row.values : [];
    values.forEach((cell, ci) => {
      if (!isObject(cell)) return;
      if (mask.format && isObject(cell.userEnteredFormat))
        set(formats, area.top + ri, area.left + ci, cell.userEnteredFormat);
      if (mask.note && typeof cell.note === 'string') set(notes, area.top + ri, area.left + ci, cell.note);
    });
  });
}

/** A sheet as spreadsheets.get gives it, with the parts `fields` asks for. */
export function sheetJson(s: ObjectSheet, fields: string): Json {
  const want = (part: string) => fields === '' || fields.includes(part);
  return {
    properties: {
      sheetId: s.sheetId,
      title: s.title,
      index: s.index ?? 0,
      sheetType: 'GRID',
      gridProperties: {
        rowCount: s.rowCount,
        columnCount: s.columnCount,
        ...(s.frozenRowCount ? { frozenRowCount: s.frozenRowCount } : {}),
        ...(s.frozenColumnCount ? { frozenColumnCount: s.frozenColumnCount } : {}),
        ...(s.hideGridlines ? { hideGridlines: true } : {}),
      },
    },
    ...(want('charts') && (s.charts ?? []).length > 0 ? { charts: s.charts } : {}),
    ...(want('conditionalFormats') && (s.conditionalFormats ?? []).length > 0
      ? { conditionalFormats: s.conditionalFormats }
      : {}),
    ...(want('protectedRanges') && (s.protectedRanges ?? []).length > 0
      ? { protectedRanges: s.protectedRanges }
      : {}),
    ...(want('merges') && (s.merges ?? []).length > 0 ? { merges: s.merges } : {}),
  };
}
