// The Apps Script globals: build.ts generates one top-level wrapper per export, nothing else leaks.
export { buatFormulir, lanjutkanFormulir } from './forms.js';
export { kirimUndangan, lanjutkanUndangan, pengingatPerilaku } from './invite.js';
export { onOpen } from './menu.js';
export { cobaUlangAntrian } from './retry.js';
export { siapkanLembar } from './setup.js';
export { onFormSubmit } from './submit.js';
export { hitungSinkronkan } from './sync.js';
export { lepasPemicu, pasangPemicu } from './triggers.js';
export { validasiData } from './validate.js';
