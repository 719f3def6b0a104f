/**
 * The leaders' summary as a renderer-neutral model: sheets with a title, one table of typed
 * columns, notes, a legend and charts as specs. The core owns every title, header and text a
 * leader reads; the xlsx writer and the Sheets API writer only lay the model out. Aggregates
 * only: no NIP, no name, no individual score ever enters the model.
 */

/**
 * How a column's values are typed:
 *  - text: a string (labels, names of OPD and competencies; may hold figures already formatted)
 *  - integer: a count (#.##0)
 *  - percent: a fraction 0–1, shown as a percentage with `digits` decimals
 *  - rupiah: an amount in rupiah, no decimals
 *  - decimal: a number with `digits` decimals
 *  - date: an ISO date 'YYYY-MM-DD', shown DD/MM/YYYY
 */
export type SummaryColumnKind = 'text' | 'integer' | 'percent' | 'rupiah' | 'decimal' | 'date';

export interface SummaryColumn {
  header: string;
  kind: SummaryColumnKind;
  /** decimals of percent and decimal columns */
  digits?: number;
  /** width in characters of the default font (both renderers size columns from it) */
  width: number;
  /** long text wraps inside the cell */
  wrap?: boolean;
  /** horizontal alignment of the data cells; default: left for text, right for figures */
  align?: 'left' | 'center' | 'right';
}

export type SummaryCell = string | number | null;

/** How a single cell stands out (e.g. mutu colour, a thin figure). */
export interface CellStyle {
  /** text colour, '#rrggbb' */
  color?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** background colour, '#rrggbb' (a colour scale, where one applies, paints over it) */
  fill?: string;
}

export interface SummaryRow {
  cells: SummaryCell[];
  /** the city-wide (or grand total) row: bold and shaded */
  total?: boolean;
  /** styles by column index */
  styles?: Readonly<Record<number, CellStyle>>;
  /** a comment on a cell, by column index (what a figure rests on) */
  notes?: Readonly<Record<number, string>>;
}

export interface SummaryTable {
  columns: SummaryColumn[];
  rows: SummaryRow[];
  /** columns kept in view when scrolling right (e.g. the OPD name) */
  frozenColumns: number;
  /** headers turned 90° (many narrow columns, e.g. the heat map's competencies) */
  rotatedHeaders?: boolean;
  /**
   * Some text cells hold figures written for id_ID (e.g. "M.05 Pelayanan Publik: 1,25"): a
   * renderer whose number display follows the reader's locale (xlsx) writes every figure of
   * this table as id_ID text, so one table never mixes "100.0%" with "(0,66)".
   */
  figuresInText?: boolean;
}

/** A colour scale over a block of the table (0-based data rows and columns, inclusive). */
export interface ColorScaleSpec {
  kind: 'colorScale';
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  /** '#rrggbb' at the minimum, the median (50th percentile) and the maximum */
  colors: { min: string; mid: string; max: string };
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/** A horizontal bar chart: one bar per category. */
export interface BarChartModel {
  kind: 'bar';
  /** stable id (the Sheets writer derives its chart id from it) */
  id: string;
  title: string;
  /** axis title of the values */
  valueTitle: string;
  categories: string[];
  series: ChartSeries[];
  /** value axis from 0 to this */
  max: number;
  /** decimals of the value labels */
  digits: number;
  /** a category's group (e.g. mutu) that picks its colour; same length as categories */
  groups?: string[];
  /** colour of each group, '#rrggbb' */
  colors?: Readonly<Record<string, string>>;
  /** a reference line (e.g. a target, a band's bound) with its label */
  rule?: { value: number; label: string };
}

/** A line chart: one line per series over ordered categories (e.g. years). */
export interface LineChartModel {
  kind: 'line';
  /** stable id (the Sheets writer derives its chart id from it) */
  id: string;
  title: string;
  /** axis title of the values */
  valueTitle: string;
  /** the x axis in order, e.g. the years as text */
  categories: string[];
  /** one line each; null where the series has no value for a category */
  series: ChartSeries[];
  /** value axis from min to max */
  min: number;
  max: number;
  /** decimals of the point labels */
  digits: number;
}

export type ChartModel = BarChartModel | LineChartModel;

export interface LegendItem {
  text: string;
  /** swatch colour '#rrggbb', or none (a heading, unless `style` says how the text looks) */
  color: string | null;
  /** how the marked figures look (e.g. italic for thin data) */
  style?: CellStyle;
}

export interface SummarySheet {
  /** stable key of the sheet inside the model */
  key: string;
  /** stable sheet id (Sheets API sheetId): a rerun rebuilds the sheet in place */
  sheetId: number;
  /** the tab's name */
  title: string;
  /** the line printed above the table (and in the page header) */
  heading: string;
  /** lines under the heading (date, tenant, counts; which years), '\n' between lines */
  subheading?: string;
  table: SummaryTable;
  /** plain-language notes under the table */
  notes: string[];
  legend?: LegendItem[];
  charts: ChartModel[];
  colorScale?: ColorScaleSpec;
  /**
   * page: a printed page (title, subheading, table, notes, charts); map: a grid with turned
   * headers and a colour scale; list: a long table with its header on every page
   */
  layout: 'page' | 'map' | 'list';
  print: {
    orientation: 'landscape' | 'portrait';
    /** the whole sheet on one page (else: fitted to the width, header row on every page) */
    onePage: boolean;
  };
}

export interface SummaryModel {
  /** year whose realisation (JP, gaps, IKM) is reported */
  tahun: number;
  /** fiscal year the schedule plans, when a schedule was planned */
  tahunRencana?: number;
  sheets: SummarySheet[];
}
