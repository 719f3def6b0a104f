/** Titles and stable ids of the leaders' sheets (users and the Sheets writer rely on both). */
export const SUMMARY_TITLES = {
  ringkasan: 'Ringkasan Pimpinan',
  peta: 'Peta Kesenjangan',
  ikm: 'IKM Unit Layanan',
  jadwal: 'Jadwal Pelatihan',
  rencana: 'Rencana Pengembangan',
  anggaran: 'Anggaran Pelatihan',
  tren: 'Tren',
  hasil: 'Hasil Layanan',
  fgd: 'Prioritas FGD',
  sasaran: 'Sasaran Program',
  kinerja: 'Kinerja Peserta',
} as const;

/**
 * Titles of the staff's workbook (rencana-bkpsdm.xlsx): the plan with names and NIPs. The
 * sheets both workbooks have carry the same title; `Rencana Pengembangan` is always the
 * development plan of PP 11/2017 art. 207.
 */
export const STAFF_TITLES = {
  jadwal: SUMMARY_TITLES.jadwal,
  rencana: SUMMARY_TITLES.rencana,
  individu: 'Rencana Individu',
  anggaran: SUMMARY_TITLES.anggaran,
} as const;

/**
 * Sheet ids in the leaders' spreadsheet: fixed, so a rerun finds and rebuilds each sheet in
 * place. New sheets take new numbers; a number is never reused for another sheet.
 */
export const SHEET_IDS = {
  ringkasan: 1100,
  peta: 1200,
  ikm: 1300,
  jadwal: 1400,
  rencana: 1500,
  anggaran: 1600,
  tren: 2100,
  hasil: 2200,
  fgd: 2400,
  sasaran: 2500,
  kinerja: 2600,
} as const;
