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

/** The limits an unmet need's reason tells apart when the timetable dropped an enrolment: one bit each. */
const BY_MINIMUM = 1;
const BY_OPD = 2;
const BY_BUDGET = 4;
const BY_TRAINER = 8;
const BY_ANY = 16;
const DROPPED_BIT = new Map<Batas, number>([
  ['peserta-minimum', BY_MINIMUM],
  ['opd-bersamaan', BY_OPD],
  ['anggaran', BY_BUDGET],
  ['pengajar', BY_TRAINER],
]);

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
  // per ASN e, its sessions' places in `sessions` are places[first[e]..first[e + 1]), in placement
  // order as the per-ASN sort below expects
  const first = new Int32Array(inst.asn.length + 1);
  for (const p of sorted) for (const e of p.members) first[e + 1] = (first[e + 1] as number) + 1;
  for (let e = 0; e < inst.asn.length; e++) first[e + 1] = (first[e + 1] as number) + (first[e] as number);
  const places = new Int32Array(first[inst.asn.length] as number);
  const filled = first.slice(0, inst.asn.length);
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
    const at = sessions.length;
    sessions.push(session);
    const month = monthOf(mulai);
    for (const e of p.members) {
      const asn = inst.asn[e] as AsnModel;
      places[filled[e] as number] = at;
      filled[e] = (filled[e] as number) + 1;
      if (asn.prefMonths.length) {
        prefBulanTotal++;
        if (asn.prefMonths.includes(month)) prefBulan++;
      }
      if (asn.prefModa) {
        prefModaTotal++;
        if (asn.prefModa === course.moda) prefModa++;
      }
    }
  }
  const placedOrder = [...sessions];
  sessions.sort((a, b) => a.mulai.localeCompare(b.mulai) || a.id.localeCompare(b.id));
  // each session's start as localeCompare ranks it among all starts (equal rank for equal starts),
  // so that each ASN's sessions are put in date order without comparing strings again
  const startRank = new Map<ScheduledSession, number>();
  sessions.forEach((x, i) => {
    const before = sessions[i - 1];
    const rank = before === undefined ? 0 : (startRank.get(before) as number);
    startRank.set(x, before === undefined || before.mulai.localeCompare(x.mulai) === 0 ? rank : rank + 1);
  });
  const rankOf = placedOrder.map((x) => startRank.get(x) as number);

  // each participant pays Biaya per Peserta and an equal share of the session's Biaya per Angkatan
  // (only the OPDs of inst.opds are reported: each ASN's place among them, or −1)
  const opdAt = new Map(inst.opds.map((opd, i) => [opd, i] as const));
  const opdOf = inst.asn.map((asn) => opdAt.get(asn.opd) ?? -1);
  const rupiah = new Float64Array(inst.opds.length);
  const peserta = new Float64Array(inst.opds.length);
  for (const p of candidate.tt.placed) {
    const course = inst.courses[p.course] as CourseModel;
    const each = course.catalog.biaya + course.biayaAngkatan / Math.max(1, p.members.length);
    for (const e of p.members) {
      const o = opdOf[e] as number;
      if (o < 0) continue;
      rupiah[o] = (rupiah[o] as number) + each;
      peserta[o] = (peserta[o] as number) + 1;
    }
  }
  const budget: BudgetUse[] = inst.opds.map((opd) => ({
    opd,
    pagu: inst.pagu.get(opd) ?? 0,
    terpakai: rupiah[opdAt.get(opd) as number] as number,
    peserta: peserta[opdAt.get(opd) as number] as number,
  }));

  const byKode = new Map(inst.courses.map((c, i) => [c.catalog.kode, i] as const));
  // the course whose competencies each session develops (the catalogue entry its Kode names), or −1
  const developer = placedOrder.map((x) => byKode.get(x.kode) ?? -1);
  // each session as individual plans list it: one entry per session, shared by its participants'
  // plans (no reader changes them; a copy per participant was 143.000 objects on the province)
  const entries = placedOrder.map((x) => ({
    id: x.id,
    kode: x.kode,
    judul: x.judul,
    mulai: x.mulai,
    selesai: x.selesai,
    jp: x.jp,
  }));
  // per ASN, why the timetable dropped its enrolment in a course (the last word per course)
  const droppedOf: Map<number, Batas>[] = new Array(inst.asn.length);
  for (const d of candidate.tt.dropped) {
    const of = droppedOf[d.asn];
    if (of) of.set(d.course, d.batas);
    else droppedOf[d.asn] = new Map([[d.course, d.batas]]);
  }
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
  // per competency, which courses develop it (1 at the course's index)
  const developing = new Map<string, Uint8Array>();
  inst.courses.forEach((course, c) => {
    for (const kode of course.catalog.kompetensi) {
      let of = developing.get(kode);
      if (!of) {
        of = new Uint8Array(inst.courses.length);
        developing.set(kode, of);
      }
      of[c] = 1;
    }
  });
  inst.asn.forEach((asn, e) => {
    if (asn.needs.length === 0) return;
    const from = first[e] as number;
    const to = first[e + 1] as number;
    // in date order: an insertion sort by start rank (stable, as the lists are a few sessions long)
    for (let i = from + 1; i < to; i++) {
      const at = places[i] as number;
      let j = i - 1;
      for (; j >= from && (rankOf[places[j] as number] as number) > (rankOf[at] as number); j--)
        places[j + 1] = places[j] as number;
      places[j + 1] = at;
    }
    const mine: ScheduledSession[] = [];
    const sesi: IndividualPlan['sesi'] = [];
    for (let i = from; i < to; i++) {
      mine.push(placedOrder[places[i] as number] as ScheduledSession);
      sesi.push(entries[places[i] as number] as IndividualPlan['sesi'][number]);
    }
    const jpRencana = mine.reduce((sum, x) => sum + x.jp, 0);
    const kebutuhan = asn.needs.map((need) => {
      const develop = developing.get(need.kode);
      let terpenuhi = false;
      if (develop)
        for (let i = from; i < to && !terpenuhi; i++)
          terpenuhi = develop[developer[places[i] as number] as number] === 1;
      return { kode: need.kode, prioritas: need.prioritas, terpenuhi };
    });
    individu.push({
      nip: asn.nip,
      nama: asn.nama,
      opd: asn.opd,
      jabatan: asn.jabatan,
      kebutuhan,
      sesi,
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
    const dropped = droppedOf[e];
    for (const need of kebutuhan) {
      if (need.terpenuhi) continue;
      const develop = developing.get(need.kode);
      const covering = develop ? asn.eligible.filter((c) => develop[c] === 1) : [];
      // which limits dropped this ASN from a covering course
      let droppedBy = 0;
      if (dropped)
        for (const c of covering) {
          if (!dropped.has(c)) continue;
          droppedBy |= BY_ANY | (DROPPED_BIT.get(dropped.get(c) as Batas) ?? 0);
        }
      let alasan: string;
      let batas: Batas;
      const tooLong = unschedulable.get(need.kode) ?? [];
      let bar: Bar | undefined;
      for (const [c, why] of asn.barred)
        if (develop?.[c] === 1) {
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
      } else if (droppedBy & BY_MINIMUM) {
        alasan =
          'Terpilih tetapi angkatannya tidak mencapai Peserta Minimum pada tanggal yang dapat diikuti; menunggu angkatan berikutnya.';
        batas = 'peserta-minimum';
      } else if (droppedBy & BY_OPD) {
        alasan = `Terpilih tetapi pada tanggal yang dapat diikuti sudah ${inst.limits.awayCap.get(asn.opd) ?? 1} ASN OPD ${asn.opd} sedang mengikuti pelatihan (Maks Pegawai OPD Bersamaan).`;
        batas = 'opd-bersamaan';
      } else if (droppedBy & BY_BUDGET) {
        alasan = `Terpilih tetapi pagu OPD ${asn.opd} tidak cukup untuk bagiannya dari Biaya per Angkatan pada angkatan yang dapat diikuti.`;
        batas = 'anggaran';
      } else if (droppedBy & BY_TRAINER) {
        alasan =
          'Terpilih tetapi tidak ada pengajar yang tersedia pada tanggal yang dapat diikuti (lembar Pengajar).';
        batas = 'pengajar';
      } else if (droppedBy & BY_ANY) {
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
      pegawaiBerkebutuhan: individu.length,
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
