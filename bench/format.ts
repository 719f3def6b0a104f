/** Numbers in bench output are written for the id_ID locale (1.234,5), like everything users read. */
export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';
