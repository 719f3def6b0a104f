/**
 * A line chart as PNG (e.g. the trend of an indicator per year): vega-lite -> vega -> SVG ->
 * PNG like the bar charts of charts.ts, with the same hand-written SVG where vega cannot be
 * imported (jest's CommonJS runtime). Each series is a line with its points labelled.
 */
import { LINE_COLORS } from './chart-colors.js';
import { esc, FONT, idNumber, loadVega, type RenderedChart, toPng, type VegaModules } from './charts.js';

export interface LineChartSpec {
  title: string;
  /** axis title of the values */
  valueTitle: string;
  /** the x axis, in order (e.g. the years) */
  categories: readonly string[];
  series: readonly { name: string; values: readonly (number | null)[] }[];
  /** value axis from `min` to `max` */
  min: number;
  max: number;
  digits: number;
  /** width of the plot area in px; default 360 */
  plotWidth?: number;
}

const PLOT_WIDTH = 360;
const PLOT_HEIGHT = 200;

const colorOf = (i: number): string => LINE_COLORS[i % LINE_COLORS.length] ?? '#2f6f9f';

export async function renderLineChart(
  spec: LineChartSpec,
  engine: 'auto' | 'svg' = 'auto',
): Promise<RenderedChart> {
  const modules = engine === 'auto' ? await loadVega() : undefined;
  const svg = modules ? await vegaLineSvg(modules, spec) : handLineSvg(spec);
  return toPng(svg, modules ? 'vega' : 'svg');
}

function points(spec: LineChartSpec): { x: string; s: string; v: number; text: string }[] {
  return spec.series.flatMap((s) =>
    spec.categories.flatMap((x, i) => {
      const v = s.values[i];
      return v === null || v === undefined ? [] : [{ x, s: s.name, v, text: idNumber(v, spec.digits) }];
    }),
  );
}

async function vegaLineSvg(m: VegaModules, spec: LineChartSpec): Promise<string> {
  const names = spec.series.map((s) => s.name);
  const x = { field: 'x', type: 'ordinal', sort: [...spec.categories], title: null, axis: { labelAngle: 0 } };
  const y = {
    field: 'v',
    type: 'quantitative',
    title: spec.valueTitle,
    scale: { domain: [spec.min, spec.max] },
  };
  const color = {
    field: 's',
    type: 'nominal',
    sort: names,
    legend: { title: null, orient: 'bottom', columns: 2, labelLimit: 320 },
    scale: { domain: names, range: names.map((_, i) => colorOf(i)) },
  };
  const vl = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: spec.title, anchor: 'start', fontSize: 14 },
    width: spec.plotWidth ?? PLOT_WIDTH,
    height: PLOT_HEIGHT,
    background: '#ffffff',
    config: { font: FONT, axis: { labelFontSize: 10, titleFontSize: 11 }, view: { stroke: null } },
    data: { values: points(spec) },
    layer: [
      { mark: { type: 'line', point: { size: 40 }, strokeWidth: 2 }, encoding: { x, y, color } },
      {
        mark: { type: 'text', dy: -9, fontSize: 10 },
        encoding: { x, y, text: { field: 'text' }, color },
      },
    ],
  };
  const compiled = m.vegaLite.compile(vl).spec;
  const view = new m.vega.View(m.vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The same chart as plain SVG: gridlines, one polyline per series, labelled points, a legend. */
export function handLineSvg(spec: LineChartSpec): string {
  const left = 60;
  const top = 36;
  const plotW = spec.plotWidth ?? PLOT_WIDTH;
  const legendH = 18 * Math.ceil(spec.series.length / 2);
  const width = left + plotW + 30;
  const height = top + PLOT_HEIGHT + 34 + legendH;
  const span = spec.max - spec.min || 1;
  const n = spec.categories.length;
  const px = (i: number) => left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const py = (v: number) =>
    top + PLOT_HEIGHT - ((Math.min(spec.max, Math.max(spec.min, v)) - spec.min) / span) * PLOT_HEIGHT;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold">${esc(spec.title)}</text>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const v = spec.min + (span * k) / 4;
    const y = py(v).toFixed(1);
    parts.push(`<line x1="${left}" y1="${y}" x2="${left + plotW}" y2="${y}" stroke="#dddddd"/>`);
    parts.push(
      `<text x="${left - 6}" y="${y}" font-size="10" text-anchor="end">${idNumber(v, span < 5 ? 1 : 0)}</text>`,
    );
  }
  spec.categories.forEach((c, i) => {
    parts.push(
      `<text x="${px(i).toFixed(1)}" y="${top + PLOT_HEIGHT + 14}" font-size="10" text-anchor="middle">${esc(c)}</text>`,
    );
  });
  spec.series.forEach((s, si) => {
    const color = colorOf(si);
    const pts = s.values.flatMap((v, i) =>
      v === null || v === undefined ? [] : [[px(i), py(v), v] as const],
    );
    if (pts.length > 1) {
      const d = pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
      parts.push(`<polyline points="${d}" fill="none" stroke="${color}" stroke-width="2"/>`);
    }
    for (const [x, y, v] of pts) {
      parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3.5" fill="${color}"/>`);
      parts.push(
        `<text x="${x.toFixed(1)}" y="${(y - 7).toFixed(1)}" font-size="10" text-anchor="middle" fill="${color}">${idNumber(v, spec.digits)}</text>`,
      );
    }
    const lx = 8 + (si % 2) * ((width - 16) / 2);
    const ly = top + PLOT_HEIGHT + 32 + Math.floor(si / 2) * 18;
    parts.push(`<rect x="${lx}" y="${ly - 8}" width="10" height="10" fill="${color}"/>`);
    parts.push(`<text x="${lx + 14}" y="${ly + 1}" font-size="10">${esc(s.name)}</text>`);
  });
  parts.push(
    `<text x="12" y="${top + PLOT_HEIGHT / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${top + PLOT_HEIGHT / 2})">${esc(spec.valueTitle)}</text>`,
  );
  parts.push('</svg>');
  return parts.join('');
}
