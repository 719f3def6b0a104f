/**
 * Charts for the leaders' workbook as PNG: vega-lite -> vega -> SVG (View.toSVG) -> PNG
 * (@resvg/resvg-js). vega and vega-lite are ESM-only; this CommonJS module reaches them with a
 * real dynamic import(). Where that import is unavailable (jest's CommonJS runtime), the same
 * horizontal bar chart is drawn as hand-written SVG, so a chart is always produced.
 */
import { Resvg } from '@resvg/resvg-js';
import { textPx } from './schedule-sheets.js';

export interface Bar {
  label: string;
  value: number | null;
  /** a category that picks the bar's colour (e.g. mutu A–D); default one colour */
  group?: string;
}

export interface BarChartSpec {
  title: string;
  /** axis title of the values, e.g. "% pegawai memenuhi 20 JP" */
  valueTitle: string;
  bars: readonly Bar[];
  /** value axis from 0 to this (e.g. 100 for percentages) */
  max: number;
  /** a vertical reference line (e.g. a target), with its label */
  rule?: { value: number; label: string };
  /** colour per group; groups missing here use the default colour */
  colors?: Readonly<Record<string, string>>;
  /** decimals shown on the value labels */
  digits?: number;
  /** width of the plot area in px (labels come on top of it); default 420 */
  plotWidth?: number;
}

export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
  /** which renderer drew it */
  engine: 'vega' | 'svg';
}

// Arial's metrics (Liberation Sans is metric-compatible): what textWidth below measures
export const FONT = 'Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif';
const BAR_COLOR = '#2f6f9f';
const RULE_COLOR = '#c0392b';
const LABEL_WIDTH = 300;
const PLOT_WIDTH = 420;
const ROW = 22;
const ROW_TWO_LINES = 28;
/** PNG pixels per SVG pixel (sharp when printed) */
const SCALE = 2;

type VegaModules = {
  vega: {
    textMetrics: {
      width: (item: { fontSize?: number; fontWeight?: unknown; text?: unknown }, text?: unknown) => number;
    };
    parse(spec: unknown): unknown;
    View: new (
      runtime: unknown,
      opts: { renderer: 'none' },
    ) => { toSVG(): Promise<string>; finalize(): void };
  };
  vegaLite: { compile(spec: unknown): { spec: unknown } };
};

let vegaModules: Promise<VegaModules | undefined> | undefined;

export type { VegaModules };

/** vega + vega-lite through a real dynamic import (kept as import() by module node16). */
export function loadVega(): Promise<VegaModules | undefined> {
  vegaModules ??= (async () => {
    try {
      const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
      // without a canvas vega guesses 0.8 em per character: labels get cut ("…") and the plot
      // is pushed right. Measure with Arial's widths instead (10% spare for a fallback font).
      (vega as unknown as VegaModules['vega']).textMetrics.width = (item, text) => {
        const t = String(text ?? item.text ?? '').trim();
        const size = item.fontSize ?? 11;
        const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
        return textPx(t, size * (72 / 96), bold) * 1.1;
      };
      return {
        vega: vega as unknown as VegaModules['vega'],
        vegaLite: vegaLite as unknown as VegaModules['vegaLite'],
      };
    } catch {
      return undefined;
    }
  })();
  return vegaModules;
}

/** Indonesian decimal format for labels: 85.25 -> "85,3". */
export function idNumber(v: number, digits: number): string {
  return new Intl.NumberFormat('id-ID', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);
}

/** A horizontal bar chart as PNG. `engine: 'svg'` skips vega. */
export async function renderBarChart(
  spec: BarChartSpec,
  engine: 'auto' | 'svg' = 'auto',
): Promise<RenderedChart> {
  const modules = engine === 'auto' ? await loadVega() : undefined;
  const svg = modules ? await vegaSvg(modules, spec) : handSvg(spec);
  return toPng(svg, modules ? 'vega' : 'svg');
}

export function toPng(svg: string, engine: RenderedChart['engine']): RenderedChart {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height, engine };
}

function rows(spec: BarChartSpec): { label: string; value: number | null; group: string; text: string }[] {
  const digits = spec.digits ?? 1;
  return spec.bars.map((b) => ({
    label: b.label,
    value: b.value,
    group: b.group ?? '',
    text: b.value === null ? 'tidak ada data' : idNumber(b.value, digits),
  }));
}

async function vegaSvg(m: VegaModules, spec: BarChartSpec): Promise<string> {
  // long labels on two lines (vega cuts a label at labelLimit with "…")
  const data = rows(spec).map((r) => ({ ...r, label: twoLines(r.label, LABEL_LINE), v: r.value ?? 0 }));
  const groups = [...new Set(data.map((d) => d.group))];
  const colors = spec.colors ?? {};
  const color = {
    field: 'group',
    type: 'nominal',
    legend: groups.length > 1 ? { title: null, orient: 'bottom' } : null,
    scale: { domain: groups, range: groups.map((g) => colors[g] ?? BAR_COLOR) },
  };
  const y = {
    field: 'label',
    type: 'nominal',
    sort: null,
    title: null,
    axis: { labelLimit: LABEL_WIDTH + 40, labelExpr: "split(datum.label, '\\n')", labelLineHeight: 11 },
  };
  const layers: unknown[] = [
    {
      mark: { type: 'bar', height: { band: 0.75 } },
      encoding: {
        y,
        x: { field: 'v', type: 'quantitative', title: spec.valueTitle, scale: { domain: [0, spec.max] } },
        color,
      },
    },
    {
      mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
      encoding: { y, x: { field: 'v', type: 'quantitative' }, text: { field: 'text' } },
    },
  ];
  if (spec.rule) {
    // the rule's meaning goes in the subtitle: a label on the plot would sit on a bar
    layers.push({
      data: { values: [{ r: spec.rule.value }] },
      mark: { type: 'rule', color: RULE_COLOR, strokeDash: [4, 3], strokeWidth: 1.5 },
      encoding: { x: { field: 'r', type: 'quantitative' } },
    });
  }
  const vl = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: spec.title,
      anchor: 'start',
      fontSize: 14,
      ...(spec.rule
        ? { subtitle: `Garis putus-putus merah: ${spec.rule.label}`, subtitleColor: RULE_COLOR }
        : {}),
    },
    width: spec.plotWidth ?? PLOT_WIDTH,
    // two-line labels need a taller band, or they touch their neighbours
    height: { step: data.some((d) => d.label.includes('\n')) ? ROW_TWO_LINES : ROW },
    background: '#ffffff',
    config: { font: FONT, axis: { labelFontSize: 10, titleFontSize: 11 }, view: { stroke: null } },
    data: { values: data },
    layer: layers,
  };
  const compiled = m.vegaLite.compile(vl).spec;
  const view = new m.vega.View(m.vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** characters per label line: longer labels (a unit with its period) take two lines */
const LABEL_LINE = 56;

/** A label longer than `max` split at the space nearest its middle (two lines), else as is. */
export function twoLines(label: string, max: number): string {
  if (label.length <= max) return label;
  const mid = label.length / 2;
  let best = -1;
  for (let i = 0; i < label.length; i++) {
    if (label[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  }
  return best < 0 ? label : `${label.slice(0, best)}\n${label.slice(best + 1)}`;
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The same chart as plain SVG: labels left, bars, value labels, ticks every 10/20/25 %. */
export function handSvg(spec: BarChartSpec): string {
  const data = rows(spec);
  const top = 34;
  const plotH = Math.max(1, data.length) * ROW;
  const axisH = 40;
  const plotWidth = spec.plotWidth ?? PLOT_WIDTH;
  const width = LABEL_WIDTH + plotWidth + 70;
  const height = top + plotH + axisH;
  const x = (v: number) => LABEL_WIDTH + (Math.max(0, Math.min(v, spec.max)) / (spec.max || 1)) * plotWidth;
  const colors = spec.colors ?? {};
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold">${esc(spec.title)}</text>`,
  ];
  const step = spec.max <= 5 ? 1 : spec.max <= 50 ? 10 : 20;
  for (let t = 0; t <= spec.max + 1e-9; t += step) {
    const tx = x(t).toFixed(1);
    parts.push(`<line x1="${tx}" y1="${top}" x2="${tx}" y2="${top + plotH}" stroke="#dddddd"/>`);
    parts.push(
      `<text x="${tx}" y="${top + plotH + 14}" font-size="10" text-anchor="middle">${idNumber(t, 0)}</text>`,
    );
  }
  data.forEach((d, i) => {
    const y = top + i * ROW;
    const label = d.label.length > 48 ? `${d.label.slice(0, 47)}…` : d.label;
    parts.push(
      `<text x="${LABEL_WIDTH - 6}" y="${y + ROW / 2 + 4}" font-size="10" text-anchor="end">${esc(label)}</text>`,
    );
    if (d.value !== null) {
      const w = Math.max(0, x(d.value) - LABEL_WIDTH);
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${colors[d.group] ?? BAR_COLOR}"/>`,
      );
    }
    const lx = (d.value === null ? LABEL_WIDTH : x(d.value)) + 4;
    parts.push(`<text x="${lx.toFixed(1)}" y="${y + ROW / 2 + 4}" font-size="10">${esc(d.text)}</text>`);
  });
  parts.push(
    `<line x1="${LABEL_WIDTH}" y1="${top}" x2="${LABEL_WIDTH}" y2="${top + plotH}" stroke="#333333"/>`,
  );
  if (spec.rule) {
    const rx = x(spec.rule.value).toFixed(1);
    parts.push(
      `<line x1="${rx}" y1="${top - 4}" x2="${rx}" y2="${top + plotH}" stroke="${RULE_COLOR}" stroke-dasharray="4 3"/>`,
    );
    parts.push(
      `<text x="${rx}" y="${top - 8}" font-size="10" fill="${RULE_COLOR}" text-anchor="middle">${esc(spec.rule.label)}</text>`,
    );
  }
  parts.push(
    `<text x="${LABEL_WIDTH + plotWidth / 2}" y="${top + plotH + 32}" font-size="11" text-anchor="middle">${esc(spec.valueTitle)}</text>`,
  );
  parts.push('</svg>');
  return parts.join('');
}
