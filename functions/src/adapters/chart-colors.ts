/**
 * The line colours shared by the xlsx chart images and the native Sheets charts. Kept apart
 * from the renderers so the deployed functions (which draw native charts only) never load
 * resvg or vega.
 */
/** One colour per series, in order. */
export const LINE_COLORS = ['#2f6f9f', '#ef8f00', '#2e7d32', '#c62828', '#6a1b9a', '#00838f'] as const;
