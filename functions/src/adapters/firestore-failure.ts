/**
 * What a user reads when Firestore (or the credentials in front of it) refuses: the gRPC status
 * explained in Bahasa Indonesia, never the client library's own English text, which stays on the
 * error's `cause` for BANGKOM_DEBUG. Codes: https://grpc.github.io/grpc/core/md_doc_statuscodes.html
 */
import { internalFailure, isJavaScriptFailure } from '../failure.js';

const STATUS: Readonly<Record<number, string>> = {
  1: 'permintaan ke Firestore dibatalkan sebelum selesai (CANCELLED). Jalankan ulang.',
  3: 'Firestore menolak sebuah dokumen atau permintaan (INVALID_ARGUMENT).',
  4: 'Firestore tidak menjawab tepat waktu (DEADLINE_EXCEEDED). Periksa jaringan, lalu jalankan ulang.',
  5: 'basis data Firestore tidak ditemukan (NOT_FOUND). Periksa ID proyek dan bahwa basis data (default) sudah dibuat.',
  7: 'akun ini tidak berizin membaca atau menulis Firestore proyek ini (PERMISSION_DENIED). Beri peran "Cloud Datastore User".',
  8: 'kuota atau batas laju Firestore terlampaui (RESOURCE_EXHAUSTED). Tunggu beberapa menit, lalu jalankan ulang.',
  9: 'Firestore belum siap untuk permintaan ini (FAILED_PRECONDITION), misalnya basis data dalam mode Datastore.',
  10: 'penulisan bertabrakan dengan penulisan lain (ABORTED). Jalankan ulang.',
  13: 'Firestore mengalami kesalahan internal (INTERNAL). Jalankan ulang nanti.',
  14: 'server Firestore tidak tersedia (UNAVAILABLE). Periksa jaringan, lalu jalankan ulang.',
  16: 'kredensial Google tidak sah atau kedaluwarsa (UNAUTHENTICATED). Periksa GOOGLE_APPLICATION_CREDENTIALS atau jalankan "gcloud auth application-default login".',
};

/**
 * The Indonesian reason for a failure of a Firestore call. A gRPC status gets its explanation; a
 * missing credential gets the setup hint; the product's own errors (already Indonesian) keep
 * their message; a JavaScript failure is named by its kind only.
 */
export function firestoreFailure(err: unknown): string {
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  if (typeof code === 'number') {
    return STATUS[code] ?? `Firestore menolak permintaan (kode gRPC ${code}).`;
  }
  if (!(err instanceof Error) || isJavaScriptFailure(err)) return internalFailure(err);
  if (/default credentials/i.test(err.message)) {
    return 'kredensial Google tidak ditemukan. Atur GOOGLE_APPLICATION_CREDENTIALS ke berkas kunci akun layanan, atau jalankan "gcloud auth application-default login".';
  }
  // the product's own errors (StoreError, id checks, probes) are written in Indonesian
  return err.message;
}
