/**
 * What each `Sasaran Program` indicator measures: its unit, the range a baseline or target may
 * take, and which way is better. Shared by the sheet's parser and the computation (goals.ts).
 */
import type { IndikatorSasaran } from './types.js';

export interface IndicatorInfo {
  /** how a value is printed: `persen` with a % sign, `level` and `konversi` as plain figures */
  satuan: 'persen' | 'level' | 'konversi';
  /** the range a baseline or target may take */
  min: number;
  max: number;
  /** `naik`: reached when realised ≥ target; `turun`: when realised ≤ target */
  arah: 'naik' | 'turun';
  /** decimals when printed */
  digits: number;
  /** what the indicator is, for the leaders' notes */
  uraian: string;
}

export const INDICATOR_INFO: Readonly<Record<IndikatorSasaran, IndicatorInfo>> = {
  'ASN Memenuhi Target JP': {
    satuan: 'persen',
    min: 0,
    max: 100,
    arah: 'naik',
    digits: 1,
    uraian: 'persen ASN yang JP-nya pada Tahun JP sedikitnya Target JP',
  },
  'ASN Dinilai': {
    satuan: 'persen',
    min: 0,
    max: 100,
    arah: 'naik',
    digits: 1,
    uraian: 'persen ASN dengan sedikitnya satu kesenjangan kompetensi yang diketahui',
  },
  'Rata-rata Kesenjangan': {
    satuan: 'level',
    min: 0,
    max: 4,
    arah: 'turun',
    digits: 2,
    uraian:
      'rata-rata kesenjangan (level, 0–4) atas semua pasangan ASN–kompetensi yang dinilai; makin kecil makin baik',
  },
  IKM: {
    satuan: 'konversi',
    min: 25,
    max: 100,
    arah: 'naik',
    digits: 2,
    uraian: 'nilai konversi IKM (25–100) periode SKM terakhir, dibobot jumlah responden',
  },
  'Tindak Lanjut L3': {
    satuan: 'persen',
    min: 0,
    max: 100,
    arah: 'naik',
    digits: 1,
    uraian: 'persen peserta pelatihan yang sudah dinilai atasannya di Evaluasi Perilaku (L3)',
  },
};
