/**
 * Level descriptions of the default dictionary (`Kamus Kompetensi`, columns `Level 1` … `Level 5`):
 * for each of M.01–M.08 and SK.01, the behaviour that marks each level, written in this project's
 * own words after the structure of PermenPAN-RB 38/2017 (five levels whose scope widens from
 * one's own work, to the unit, the organisation, the agency, and the region or nation). The
 * assessment forms show them as the answer choices, so a rater picks a described behaviour,
 * not a bare number.
 */

/** The column headers of the descriptions in `Kamus Kompetensi`. */
export const LEVEL_COLUMNS = ['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5'] as const;

export const DEFAULT_LEVEL_DESCRIPTIONS: Readonly<
  Record<string, readonly [string, string, string, string, string]>
> = {
  'M.01': [
    'Bertindak jujur dan taat aturan dalam pekerjaannya sendiri',
    'Mengingatkan rekan kerja agar bertindak sesuai nilai, etika dan aturan',
    'Menjaga integritas unit kerja dan berani menolak tekanan yang melanggar aturan',
    'Membangun budaya jujur dan akuntabel di organisasi, serta menjadi teladan',
    'Menjadi rujukan integritas bagi instansi dan pemangku kepentingan lintas instansi',
  ],
  'M.02': [
    'Berpartisipasi aktif dan menyelesaikan bagian tugasnya dalam tim',
    'Menghargai masukan rekan dan berbagi informasi agar tim berhasil',
    'Membangun kerja sama lintas bagian untuk mencapai sasaran unit',
    'Membangun jejaring kerja sama antarunit dan antarorganisasi',
    'Membangun kemitraan strategis lintas instansi dan sektor',
  ],
  'M.03': [
    'Menyampaikan informasi dengan jelas dan mendengarkan dengan baik',
    'Menyesuaikan cara bicara dan tulisan dengan lawan bicara',
    'Menyampaikan gagasan yang rumit secara runtut dan meyakinkan kepada unit',
    'Memengaruhi pihak lain dan mengelola komunikasi organisasi yang sensitif',
    'Menjadi juru bicara instansi dalam isu strategis di tingkat daerah atau nasional',
  ],
  'M.04': [
    'Menyelesaikan tugas sesuai standar dan tenggat',
    'Menetapkan target pribadi dan mencari cara kerja yang lebih baik',
    'Menetapkan target unit yang menantang dan memantau pencapaiannya',
    'Mengarahkan organisasi pada hasil terukur dan memperbaiki proses kerja',
    'Menetapkan arah kinerja instansi dan memastikan dampak bagi masyarakat',
  ],
  'M.05': [
    'Melayani pengguna layanan dengan ramah dan sesuai prosedur',
    'Menanggapi keluhan dengan cepat dan menjelaskan layanan dengan jelas',
    'Memperbaiki mutu layanan unit berdasarkan masukan pengguna',
    'Merancang standar dan inovasi layanan organisasi',
    'Menetapkan kebijakan pelayanan publik instansi yang berpihak pada masyarakat',
  ],
  'M.06': [
    'Belajar hal baru untuk meningkatkan kemampuan diri',
    'Berbagi pengetahuan dan membantu rekan belajar di tempat kerja',
    'Memberi umpan balik dan membimbing bawahan secara teratur',
    'Menyusun program pengembangan kompetensi bagi organisasi',
    'Membangun budaya belajar dan kaderisasi pemimpin di instansi',
  ],
  'M.07': [
    'Menyesuaikan diri dengan perubahan cara kerja',
    'Mendukung perubahan dan membantu rekan menyesuaikan diri',
    'Menjelaskan alasan perubahan dan mengelola penolakan di unit',
    'Memimpin perubahan di organisasi dan menjaga kelangsungan layanan',
    'Merancang dan menggerakkan perubahan besar di instansi',
  ],
  'M.08': [
    'Mengambil keputusan rutin sesuai prosedur',
    'Menimbang beberapa pilihan dengan data sebelum memutuskan',
    'Memutuskan masalah unit yang tidak rutin dan menanggung risikonya',
    'Mengambil keputusan organisasi yang rumit dengan melibatkan pihak terkait',
    'Memutuskan kebijakan strategis instansi dengan dampak jangka panjang',
  ],
  'SK.01': [
    'Menghargai perbedaan latar belakang rekan kerja dan pengguna layanan',
    'Bersikap adil dan menjalin hubungan baik dengan orang dari berbagai latar belakang',
    'Menjembatani perbedaan dan mencegah konflik di unit kerja',
    'Merangkul kelompok yang beragam dalam program organisasi',
    'Menjadi perekat keberagaman dan persatuan di tingkat daerah atau nasional',
  ],
};
