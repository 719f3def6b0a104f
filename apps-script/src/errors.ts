/**
 * Errors in words staff can act on. Google's services throw English text ("Exception:
 * Service Spreadsheets timed out…"); none of it is shown as it is: known causes get an
 * Indonesian sentence, anything else a general one, and the original goes to the execution
 * log (console.error) for whoever maintains the script.
 */

/** An error whose message is already written for staff, in Bahasa Indonesia. */
export class PesanGalat extends Error {
  constructor(pesan: string) {
    super(pesan);
    this.name = 'PesanGalat';
  }
}

const KNOWN: readonly [RegExp, string][] = [
  [/exceeded maximum execution time/i, 'batas waktu eksekusi Apps Script (6 menit) tercapai'],
  [/too many simultaneous|simultaneous invocations/i, 'terlalu banyak eksekusi skrip berjalan bersamaan'],
  [/property storage quota|argument too large/i, 'penyimpanan properti skrip penuh'],
  [/service invoked too many times|quota/i, 'kuota harian layanan Google sudah habis'],
  [/lock timeout|another process was holding the lock/i, 'kunci dokumen sedang dipakai oleh eksekusi lain'],
  [/timed out|timeout/i, 'layanan Google tidak menjawab tepat waktu'],
  [/address unavailable|dns error|unable to resolve|network/i, 'jaringan tidak dapat menjangkau server'],
  [
    /authori[sz]ation|permission|access denied|not have access/i,
    'akun ini belum memberi izin yang dibutuhkan skrip',
  ],
  [/invalid email/i, 'alamat email tidak sah'],
  [/no item with the given id|not found/i, 'berkas Google yang dirujuk tidak ditemukan atau tidak dibagikan'],
];

/** The Indonesian account of an error (the original is logged once here). */
export function explain(err: unknown): string {
  if (err instanceof PesanGalat) return err.message;
  const raw = err instanceof Error ? err.message : String(err);
  for (const [re, text] of KNOWN) if (re.test(raw)) return text;
  console.error(err);
  return 'galat tak terduga di skrip (rinciannya tercatat di log eksekusi Apps Script)';
}
