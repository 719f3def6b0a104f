/** The "Bangkom" menu. Every item names a function exported from index.ts (tested). */

export const MENU_TITLE = 'Bangkom';

export const MENU_ITEMS: readonly { label: string; fn: string }[] = [
  { label: 'Siapkan Lembar', fn: 'siapkanLembar' },
  { label: 'Buat Formulir', fn: 'buatFormulir' },
  { label: 'Validasi Data', fn: 'validasiData' },
  { label: 'Hitung & Sinkronkan', fn: 'hitungSinkronkan' },
  { label: 'Perbarui Ringkasan Pimpinan', fn: 'perbaruiRingkasan' },
  { label: 'Kirim Undangan', fn: 'kirimUndangan' },
  { label: 'Halaman Presensi', fn: 'halamanPresensi' },
  { label: 'Ekspor SIASN', fn: 'eksporSiasn' },
  { label: 'Pasang Pemicu', fn: 'pasangPemicu' },
  { label: 'Lepas Pemicu (serah terima)', fn: 'lepasPemicu' },
];

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  MENU_ITEMS.forEach((item, i) => {
    // separator between preparing the data and acting on it
    if (i === 3 || i === 8) menu.addSeparator();
    menu.addItem(item.label, item.fn);
  });
  menu.addToUi();
}
