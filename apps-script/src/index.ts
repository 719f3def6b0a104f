// The Apps Script globals: build.ts generates one top-level wrapper per export, nothing else leaks.
// Menu items go through menuAction: an error is an Indonesian alert, never Google's raw one.
import { halamanPresensi as attendancePageMenu } from './attendance-page.js';
import { buatFormulir as buildFormsMenu } from './forms.js';
import { menuAction } from './gas.js';
import { kirimUndangan as inviteMenu } from './invite.js';
import { perbaruiRingkasan as leadersMenu } from './leaders.js';
import { siapkanLembar as prepareMenu } from './setup.js';
import { eksporSiasn as siasnMenu } from './siasn.js';
import { hitungSinkronkan as cycleMenu } from './sync.js';
import { pasangPemicu as installMenu, lepasPemicu as releaseMenu } from './triggers.js';
import { validasiData as validateMenu } from './validate.js';

export { pengingatPerilaku } from './followup.js';
export { lanjutkanFormulir } from './forms.js';
export { lanjutkanUndangan, pengingatUndangan } from './invite.js';
export { onOpen } from './menu.js';
export { cobaUlangAntrian } from './retry.js';
export { onFormSubmit } from './submit.js';

export const siapkanLembar = menuAction('Siapkan Lembar', prepareMenu);
export const buatFormulir = menuAction('Buat Formulir', buildFormsMenu);
export const validasiData = menuAction('Validasi Data', validateMenu);
export const hitungSinkronkan = menuAction('Hitung & Sinkronkan', cycleMenu);
export const perbaruiRingkasan = menuAction('Perbarui Ringkasan Pimpinan', leadersMenu);
export const kirimUndangan = menuAction('Kirim Undangan', inviteMenu);
export const halamanPresensi = menuAction('Halaman Presensi', attendancePageMenu);
export const eksporSiasn = menuAction('Ekspor SIASN', siasnMenu);
export const pasangPemicu = menuAction('Pasang Pemicu', installMenu);
export const lepasPemicu = menuAction('Lepas Pemicu', releaseMenu);
