/**
 * A model chart as a native Sheets chart: its data as cells (a hidden block right of the
 * table) and a ChartSpec drawing from them. A bar chart is Sheets' BAR (horizontal bars),
 * one colour per series, a category's group colour as a data point override, the value axis
 * fixed from 0 to the model's max. Sheets draws no reference line on a bar chart: the rule's
 * label goes into the subtitle. A line chart is Sheets' LINE over the categories (e.g. the
 * years), one colour per series, the value axis fixed from the model's min to its max.
 */
import type { ChartModel } from '@bangkom/core';
import type { sheets_v4 } from '@googleapis/sheets';
import { LINE_COLORS } from '../chart-colors.js';
import { colorStyle, dataCell, headerCell, textFormat } from './cells.js';
import { type ChartPlace, HEADER_ROW } from './layout.js';

const SERIES_COLOR = '#2f6f9f';

/** the colour of series `si`: the first in the bar colour, the others as the xlsx draws them */
const seriesColor = (si: number): string =>
  si === 0 ? SERIES_COLOR : (LINE_COLORS[si % LINE_COLORS.length] ?? SERIES_COLOR);

/** The chart's data block: a header row, then one row per category (categories, series...). */
export function chartDataRows(chart: ChartModel): sheets_v4.Schema$CellData[][] {
  const header = [headerCell('Kategori', false), ...chart.series.map((s) => headerCell(s.name, false))];
  const valueCol = { header: '', kind: 'decimal' as const, digits: chart.digits, width: 10 };
  const textCol = { header: '', kind: 'text' as const, width: 30 };
  return [
    header,
    ...chart.categories.map((c, i) => [
      dataCell(c, textCol, false, undefined),
      ...chart.series.map((s) => dataCell(s.values[i] ?? null, valueCol, false, undefined)),
    ]),
  ];
}

function range(sheetId: number, column: number, rows: number): sheets_v4.Schema$ChartData {
  return {
    sourceRange: {
      sources: [
        {
          sheetId,
          startRowIndex: HEADER_ROW,
          endRowIndex: HEADER_ROW + 1 + rows,
          startColumnIndex: column,
          endColumnIndex: column + 1,
        },
      ],
    },
  };
}

export function chartSpec(sheetId: number, place: ChartPlace): sheets_v4.Schema$ChartSpec {
  const { chart } = place;
  const n = chart.categories.length;
  if (chart.kind === 'line') {
    return {
      title: chart.title,
      titleTextFormat: textFormat({ bold: true, size: 11 }),
      fontName: 'Arial',
      hiddenDimensionStrategy: 'SHOW_ALL',
      basicChart: {
        chartType: 'LINE',
        legendPosition: 'BOTTOM_LEGEND',
        headerCount: 1,
        axis: [
          { position: 'BOTTOM_AXIS' },
          {
            position: 'LEFT_AXIS',
            title: chart.valueTitle,
            viewWindowOptions: {
              viewWindowMode: 'EXPLICIT',
              viewWindowMin: chart.min,
              viewWindowMax: chart.max,
            },
          },
        ],
        domains: [{ domain: range(sheetId, place.dataColumn, n) }],
        series: chart.series.map((_, si) => ({
          series: range(sheetId, place.dataColumn + 1 + si, n),
          targetAxis: 'LEFT_AXIS',
          colorStyle: colorStyle(LINE_COLORS[si % LINE_COLORS.length] ?? SERIES_COLOR),
          dataLabel: { type: 'DATA', placement: 'ABOVE' },
        })),
      },
    };
  }
  const overrides = (): sheets_v4.Schema$BasicSeriesDataPointStyleOverride[] =>
    chart.groups && chart.colors
      ? chart.groups.flatMap((g, index) => {
          const color = chart.colors?.[g];
          return color ? [{ index, colorStyle: colorStyle(color) }] : [];
        })
      : [];
  return {
    title: chart.title,
    titleTextFormat: textFormat({ bold: true, size: 11 }),
    ...(chart.rule ? { subtitle: `Acuan: ${chart.rule.label}` } : {}),
    fontName: 'Arial',
    // the data lives in hidden columns: draw it all the same
    hiddenDimensionStrategy: 'SHOW_ALL',
    basicChart: {
      chartType: 'BAR',
      legendPosition: chart.series.length > 1 ? 'BOTTOM_LEGEND' : 'NO_LEGEND',
      headerCount: 1,
      axis: [
        {
          position: 'BOTTOM_AXIS',
          title: chart.valueTitle,
          viewWindowOptions: { viewWindowMode: 'EXPLICIT', viewWindowMin: 0, viewWindowMax: chart.max },
        },
        { position: 'LEFT_AXIS' },
      ],
      domains: [{ domain: range(sheetId, place.dataColumn, n) }],
      series: chart.series.map((_, si) => {
        const styleOverrides = si === 0 ? overrides() : [];
        return {
          series: range(sheetId, place.dataColumn + 1 + si, n),
          targetAxis: 'BOTTOM_AXIS',
          colorStyle: colorStyle(seriesColor(si)),
          dataLabel: { type: 'DATA', placement: 'OUTSIDE_END' },
          ...(styleOverrides.length > 0 ? { styleOverrides } : {}),
        };
      }),
    },
  };
}

export function chartPosition(sheetId: number, place: ChartPlace): sheets_v4.Schema$EmbeddedObjectPosition {
  return {
    overlayPosition: {
      anchorCell: { sheetId, rowIndex: place.row, columnIndex: 0 },
      offsetXPixels: place.offsetX,
      offsetYPixels: 0,
      widthPixels: place.width,
      heightPixels: place.height,
    },
  };
}
