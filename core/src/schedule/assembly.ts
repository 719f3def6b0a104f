/** The schedule report: sessions with ids, budget use, individual plans, unmet needs and why. */
import { monthOf } from '../calendar.js';
import type {
  Batas,
  BudgetUse,
  IndividualPlan,
  ScheduledSession,
  ScheduleReport,
  ScheduleStats,
  UnmetNeed,
} from '../schedule-report.js';
import type { Room } from '../types.js';
import type { Bar } from './audience.js';
import type { AsnModel, CourseModel, Instance } from './instance.js';
import type { Candidate } from './timetable.js';

export function assemble(
  inst: Instance,
  candidate: Candidate,
  bound: number,
  stats: Pick<
    ScheduleStats,
    | 'metode'
    | 'objektifHeuristik'
    | 'batasHeuristik'
    | 'objektifMilp'
    | 'batasMilp'
    | 'statusMilp'
    | 'pasangan'
  >,
): ScheduleReport {
  // session ids: `${kode}-${tahun}-${n}`, n in date order within the course
  const sorted = [...candidate.tt.placed].sort(
    (a, b) =>
      (inst.courses[a.course]?.catalog.kode ?? '').localeCompare(
        inst.courses[b.course]?.catalog.kode ?? '',
      ) ||
      a.start - b.start ||
      a.room - b.room ||
      (a.members[0] ?? 0) - (b.members[0] ?? 0),
  );
  const counter = new Map<number, number>();
  // ids of sessions kept from a previous plan stay theirs; new sessions take the next free number
  // and so do those a re-plan repeats on their previous day (warm-start.ts)
  const kept = new Set(sorted.flatMap((p) => (p.fixed ? [p.fixed.id] : p.warm ? [p.warm] : [])));
  const nextId = (c: number, kode: string): string => {
    for (;;) {
      const n = (counter.get(c) ?? 0) + 1;
      counter.set(c, n);
      const id = `${kode}-${inst.tahun}-${n}`;
      if (!kept.has(id)) return id;
    }
  };
  const sessions: ScheduledSession[] = [];
  const sessionsOf = new Map<number, ScheduledSession[]>();
  let prefBulan = 0;
  let prefBulanTotal = 0;
  let prefModa = 0;
  let prefModaTotal = 0;
  for (const p of sorted) {
    const course = inst.courses[p.course] as CourseModel;
    const mulai = p.fixed?.mulai ?? (inst.days[p.start] as string);
    const session: ScheduledSession = {
      id: p.fixed?.id ?? p.warm ?? nextId(p.course, course.catalog.kode),
      kode: course.catalog.kode,
      mulai,
      selesai: p.fixed?.selesai ?? (inst.days[p.start + course.hari - 1] as string),
      peserta: p.members.map((e) => (inst.asn[e] as AsnModel).nip).sort(),
      judul: course.catalog.judul,
      hari: course.hari,
      jp: course.catalog.jp,
      moda: course.moda,
      biayaPerPeserta: course.catalog.biaya,
    };
    if (course.biayaAngkatan > 0) session.biayaPerAngkatan = course.biayaAngkatan;
    if (course.catalog.penyelenggara) session.penyelenggara = course.catalog.penyelenggara;
    if (course.catalog.bentuk) session.bentuk = course.catalog.bentuk;
    session.ruang = p.fixed ? p.fixed.ruang : p.room >= 0 ? (inst.rooms[p.room] as Room).nama : null;
    session.pengajar = p.fixed
      ? p.fixed.pengajar
      : p.trainer >= 0
        ? (inst.limits.trainers[p.trainer]?.nama ?? null)
        : null;
    sessions.push(session);
    for (const e of p.members) {
      const asn = inst.asn[e] as AsnModel;
      const list = sessionsOf.get(e) ?? [];
      list.push(session);
      sessionsOf.set(e, list);
      if (asn.prefMonths.length) {
        prefBulanTotal++;
        if (asn.prefMonths.includes(monthOf(mulai))) prefBulan++;
      }
      if (asn.prefModa) {
        prefModaTotal++;
        if (asn.prefModa === course.moda) prefModa++;
      }
    }
  }
  sessions.sort((a, b) => a.mulai.localeCompare(b.mulai) || a.id.localeCompare(b.id));

  // each participant pays Biaya per Peserta and an equal share of the session's Biaya per Angkatan
  const terpakai = new Map<string, { rupiah: number; peserta: number }>();
  for (const p of candidate.tt.placed) {
    const course = inst.courses[p.course] as CourseModel;
    const each = course.catalog.biaya + course.biayaAngkatan / Math.max(1, p.members.length);
    for (const e of p.members) {
      const opd = (inst.asn[e] as AsnModel).opd;
      const use = terpakai.get(opd) ?? { rupiah: 0, peserta: 0 };
      use.rupiah += each;
      use.peserta++;
      terpakai.set(opd, use);
    }
  }
  const budget: BudgetUse[] = inst.opds.map((opd) => ({
    opd,
    pagu: inst.pagu.get(opd) ?? 0,
    terpakai: terpakai.get(opd)?.rupiah ?? 0,
    peserta: terpakai.get(opd)?.peserta ?? 0,
  }));

  const byKode = new Map(inst.courses.map((c) => [c.catalog.kode, c] as const));
  const droppedAs = new Map(candidate.tt.dropped.map((d) => [`${d.asn}|${d.course}`, d.batas] as const));
  const individu: IndividualPlan[] = [];
  const unmet: UnmetNeed[] = [];
  // per competency, the courses developing it that can never be scheduled (asked per unmet need)
  const unschedulable = new Map<string, CourseModel[]>();
  for (const course of inst.courses)
    if (!course.schedulable)
      for (const kode of new Set(course.catalog.kompetensi)) {
        const list = unschedulable.get(kode);
        if (list) list.push(course);
        else unschedulable.set(kode, [course]);
      }
  inst.asn.forEach((asn, e) => {
    if (asn.needs.length === 0) return;
    const mine = (sessionsOf.get(e) ?? []).sort((x, y) => x.mulai.localeCompare(y.mulai));
    const jpRencana = mine.reduce((sum, x) => sum + x.jp, 0);
    const kebutuhan = asn.needs.map((need) => ({
      kode: need.kode,
      prioritas: need.prioritas,
      terpenuhi: mine.some((x) => byKode.get(x.kode)?.catalog.kompetensi.includes(need.kode) ?? false),
    }));
    individu.push({
      nip: asn.nip,
      nama: asn.nama,
      opd: asn.opd,
      jabatan: asn.jabatan,
      kebutuhan,
      sesi: mine.map((x) => ({
        id: x.id,
        kode: x.kode,
        judul: x.judul,
        mulai: x.mulai,
        selesai: x.selesai,
        jp: x.jp,
      })),
      jpAwal: asn.jpBefore,
      jpRencana,
      target: inst.target,
      memenuhiTarget: asn.jpBefore + jpRencana >= inst.target,
      ekuitas: asn.equity,
      biaya: mine.reduce(
        (sum, x) => sum + x.biayaPerPeserta + (x.biayaPerAngkatan ?? 0) / Math.max(1, x.peserta.length),
        0,
      ),
    });
    for (const need of kebutuhan) {
      if (need.terpenuhi) continue;
      const covering = asn.eligible.filter((c) => inst.courses[c]?.catalog.kompetensi.includes(need.kode));
      let alasan: string;
      let batas: Batas;
      const tooLong = unschedulable.get(need.kode) ?? [];
      let bar: Bar | undefined;
      for (const [c, why] of asn.barred)
        if (inst.courses[c]?.catalog.kompetensi.includes(need.kode)) {
          bar = why;
          break;
        }
      if (covering.length === 0 && bar) {
        alasan = bar.alasan;
        batas = bar.batas;
      } else if (covering.length === 0 && tooLong.length > 0) {
        alasan = `Pelatihan ${tooLong.map((c) => c.catalog.kode).join(', ')} lebih lama dari hari kerja tahun ${inst.tahun}.`;
        batas = 'hari-kerja';
      } else if (covering.length === 0) {
        alasan = 'Tidak ada pelatihan di Katalog Pelatihan yang mengembangkan kompetensi ini.';
        batas = 'katalog';
      } else if (covering.some((c) => droppedAs.get(`${e}|${c}`) === 'peserta-minimum')) {
        alasan =
          'Terpilih tetapi angkatannya tidak mencapai Peserta Minimum pada tanggal yang dapat diikuti; menunggu angkatan berikutnya.';
        batas = 'peserta-minimum';
      } else if (covering.some((c) => droppedAs.get(`${e}|${c}`) === 'opd-bersamaan')) {
        alasan = `Terpilih tetapi pada tanggal yang dapat diikuti sudah ${inst.limits.awayCap.get(asn.opd) ?? 1} ASN OPD ${asn.opd} sedang mengikuti pelatihan (Maks Pegawai OPD Bersamaan).`;
        batas = 'opd-bersamaan';
      } else if (covering.some((c) => droppedAs.get(`${e}|${c}`) === 'anggaran')) {
        alasan = `Terpilih tetapi pagu OPD ${asn.opd} tidak cukup untuk bagiannya dari Biaya per Angkatan pada angkatan yang dapat diikuti.`;
        batas = 'anggaran';
      } else if (covering.some((c) => droppedAs.get(`${e}|${c}`) === 'pengajar')) {
        alasan =
          'Terpilih tetapi tidak ada pengajar yang tersedia pada tanggal yang dapat diikuti (lembar Pengajar).';
        batas = 'pengajar';
      } else if (covering.some((c) => droppedAs.has(`${e}|${c}`))) {
        alasan =
          'Terpilih tetapi tidak dapat dijadwalkan (bentrok jadwal, ruang, atau hari kerja tidak cukup).';
        batas = 'jadwal';
      } else if (
        asn.jpBefore + jpRencana + Math.min(...covering.map((c) => inst.courses[c]?.catalog.jp ?? 0)) >
        inst.batasJp
      ) {
        alasan = `Batas JP per ASN (${inst.batasJp} JP setahun) sudah tercapai oleh pelatihan lain yang terpilih.`;
        batas = 'batas-jp';
      } else if (
        mine.reduce((days, x) => days + x.hari, 0) +
          Math.min(...covering.map((c) => inst.courses[c]?.hari ?? 1)) >
        inst.days.length
      ) {
        alasan = `Hari kerja tahun ${inst.tahun} tidak cukup untuk menambah pelatihan bagi ASN ini.`;
        batas = 'hari-kerja';
      } else if ((inst.pagu.get(asn.opd) ?? 0) <= 0) {
        alasan = `OPD ${asn.opd} tidak memiliki pagu di lembar Anggaran.`;
        batas = 'anggaran';
      } else if (candidate.roomPrice > 0 && covering.every((c) => inst.courses[c]?.classroom)) {
        alasan =
          'Tidak terpilih: ruang kelas pada hari kerja yang tersedia tidak cukup; kebutuhan berprioritas lebih tinggi didahulukan.';
        batas = 'ruang';
      } else {
        alasan = 'Tidak terpilih: pagu OPD diprioritaskan untuk kesenjangan yang lebih besar.';
        batas = 'anggaran';
      }
      unmet.push({ nip: asn.nip, opd: asn.opd, kode: need.kode, prioritas: need.prioritas, alasan, batas });
    }
  });

  const objective = candidate.objective;
  const gap = bound > 0 ? (bound - objective) / bound : 0;
  return {
    sessions,
    objective,
    bound,
    budget,
    tahun: inst.tahun,
    target: inst.target,
    bobot: inst.weights,
    stats: {
      ...stats,
      status: gap <= 1e-6 ? 'optimal' : 'layak',
      gap,
      pegawaiBerkebutuhan: inst.asn.filter((asn) => asn.needs.length > 0).length,
      peserta: sessions.reduce((n, x) => n + x.peserta.length, 0),
      hariKerja: inst.days.length,
      gagalDijadwalkan: candidate.tt.dropped.length,
      hargaRuang: candidate.roomPrice,
      preferensiBulan: { dihormati: prefBulan, total: prefBulanTotal },
      preferensiModa: { dihormati: prefModa, total: prefModaTotal },
    },
    individu,
    unmet,
    rencana: [],
    peringatan: inst.warnings,
  };
}
