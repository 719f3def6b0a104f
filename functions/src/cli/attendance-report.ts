/**
 * What `bangkom run` says about the attendance loop: the completers per session, the Riwayat
 * rows they produced, and the JP figures that moved (JSON key `kehadiran`, docs/cli.md).
 */
import type { AttendanceLoop } from '@bangkom/core';
import { heading, more, num, table } from './format.js';
import { blocks } from './render.js';

/** Sessions and OPDs listed in the text before "gunakan --json". */
const SHOWN = 15;

export interface AttendanceJson {
  tahunJp: number;
  minimumKehadiran: number;
  wajibPostTest: boolean;
  sesi: {
    sesi: string;
    kode: string;
    mulai: string | null;
    selesai: string | null;
    hari: number;
    peserta: number;
    pesertaSelesai: number;
    catatan: string[];
  }[];
  /** participants who did not complete, with the reason (personal data: BKPSDM only) */
  tidakSelesai: { sesi: string; nip: string; hadir: number; hari: number; alasan: string }[];
  riwayatBaru: {
    nip: string;
    sesi: string;
    namaPelatihan: string;
    jp: number;
    mulai: string;
    nomorSertifikat: string;
  }[];
  riwayatSudahAda: number;
  dilewati: { sesi: string; nip: string; alasan: string }[];
  jpBerubah: { nip: string; opd: string; sebelum: number; sesudah: number; kiniMemenuhi: boolean }[];
  opd: { opd: string; pegawai: number; memenuhiSebelum: number; memenuhiSesudah: number }[];
}

export function attendanceJson(loop: AttendanceLoop): AttendanceJson {
  const c = loop.completion;
  return {
    tahunJp: loop.tahunJp,
    minimumKehadiran: c.minimumKehadiran,
    wajibPostTest: c.wajibPostTest,
    sesi: c.sessions.map((s) => ({
      sesi: s.sesi,
      kode: s.kode,
      mulai: s.mulai ?? null,
      selesai: s.selesai ?? null,
      hari: s.hari,
      peserta: s.peserta.length,
      pesertaSelesai: s.peserta.filter((p) => p.selesai).length,
      catatan: s.catatan,
    })),
    tidakSelesai: c.sessions.flatMap((s) =>
      s.peserta
        .filter((p) => !p.selesai)
        .map((p) => ({ sesi: p.sesi, nip: p.nip, hadir: p.hadir, hari: p.hari, alasan: p.alasan ?? '' })),
    ),
    riwayatBaru: loop.records.map((t) => ({
      nip: t.nip,
      sesi: t.sesi ?? '',
      namaPelatihan: t.namaPelatihan,
      jp: t.jp,
      mulai: t.mulai,
      nomorSertifikat: t.nomorSertifikat ?? '',
    })),
    riwayatSudahAda: loop.sudahAda,
    dilewati: loop.dilewati,
    jpBerubah: loop.jpBerubah,
    opd: loop.opd,
  };
}

export function attendanceText(j: AttendanceJson): string {
  if (j.sesi.length === 0) return '';
  const completed = j.sesi.reduce((n, s) => n + s.pesertaSelesai, 0);
  const peserta = j.sesi.reduce((n, s) => n + s.peserta, 0);
  const rows = j.sesi
    .slice(0, SHOWN)
    .map((s) => [
      s.sesi,
      s.mulai && s.selesai ? `${s.mulai} s.d. ${s.selesai}` : 'belum ada hari tercatat',
      num(s.hari),
      num(s.peserta),
      num(s.pesertaSelesai),
    ]);
  const naik = j.jpBerubah.filter((m) => m.kiniMemenuhi).length;
  const notes = [
    `${num(completed)} dari ${num(peserta)} peserta selesai (hadir ≥ ${num(j.minimumKehadiran * 100)} % hari sesi${j.wajibPostTest ? ' dan post-test bila ada' : ''}).`,
    `${num(j.riwayatBaru.length)} baris Riwayat Pelatihan baru dari Daftar Hadir; ${num(j.riwayatSudahAda)} sudah ada di Riwayat (tidak ditambahkan lagi).`,
    j.dilewati.length > 0
      ? `${num(j.dilewati.length)} peserta selesai tidak dapat dicatat (lihat --json: kehadiran.dilewati).`
      : '',
    `JP tahun ${j.tahunJp} berubah untuk ${num(j.jpBerubah.length)} pegawai; ${num(naik)} di antaranya kini memenuhi target.`,
  ]
    .filter(Boolean)
    .join('\n');
  const opdTable =
    j.opd.length > 0
      ? table(
          [
            { header: 'OPD' },
            { header: 'Pegawai', right: true },
            { header: 'Memenuhi sebelum', right: true },
            { header: 'Memenuhi sesudah', right: true },
          ],
          j.opd
            .slice(0, SHOWN)
            .map((o) => [o.opd, num(o.pegawai), num(o.memenuhiSebelum), num(o.memenuhiSesudah)]),
        )
      : '';
  return blocks(
    heading('Kehadiran dan riwayat pelatihan dari Daftar Hadir'),
    table(
      [
        { header: 'Sesi' },
        { header: 'Tanggal' },
        { header: 'Hari', right: true },
        { header: 'Peserta', right: true },
        { header: 'Selesai', right: true },
      ],
      rows,
    ),
    j.sesi.length > SHOWN ? more(SHOWN, j.sesi.length) : '',
    notes,
    opdTable,
    j.opd.length > SHOWN ? more(SHOWN, j.opd.length) : '',
  );
}
