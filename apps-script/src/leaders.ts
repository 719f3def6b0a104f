/**
 * Perbarui Ringkasan Pimpinan: asks the server (refreshSummary) to rewrite the leaders'
 * spreadsheet from the data it holds. The leaders' spreadsheet is a separate one, shared
 * view-only with the pimpinan; this program spreadsheet is not touched.
 */
import { ENDPOINT, tenant } from './config.js';
import { tell, toast } from './gas.js';
import { postJson } from './http.js';
import { angka } from './sync.js';

export function perbaruiRingkasan(): void {
  toast('Menulis ringkasan pimpinan di server…', 60);
  const r = postJson(ENDPOINT.refreshSummary, { tenant: tenant() });
  if (!r.ok) {
    toast('Gagal.', 10);
    tell(`Ringkasan pimpinan tidak diperbarui. ${r.error}`);
    return;
  }
  const body = (r.body ?? {}) as { sheets?: unknown; charts?: unknown; spreadsheetId?: unknown };
  const sheets = Array.isArray(body.sheets) ? body.sheets.filter((s) => typeof s === 'string') : [];
  toast('Selesai.', 10);
  tell(
    [
      `Ringkasan pimpinan diperbarui: ${angka(sheets.length)} lembar, ${angka(body.charts)} grafik.`,
      sheets.length > 0 ? `Lembar: ${sheets.join(', ')}.` : '',
      typeof body.spreadsheetId === 'string'
        ? `Spreadsheet pimpinan: https://docs.google.com/spreadsheets/d/${body.spreadsheetId}/edit`
        : '',
      'Jadwal, rencana dan anggaran di sana diperbarui oleh Hitung & Sinkronkan.',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
