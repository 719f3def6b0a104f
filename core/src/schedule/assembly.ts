/** The schedule report: sessions with ids, budget use, individual plans, unmet needs and why. */
import { monthOf } from '../calendar.js';
import { localeRankMap, localeRanks } from '../locale-rank.js';
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
  // session ids: `${kode}-${tahun}-${n}`, n in date order within the course; courses in the order
  // localeCompare gives their Kode, ranked once (equal rank where it finds two equal)
  const kodeRank = localeRanks(inst.courses.map((c) => c.catalog.kode));
  const sorted = [...candidate.tt.placed].sort(
    (a, b) =>
      (kodeRank[a.course] as number) - (kodeRank[b.course] as number) ||
      a.start - b.start ||
      a.room - b.room ||
      (a.members[0] ?? 0) - (b.members[0] ?? 0),
  );
  const counter = new Map<number, number>();
  // ids of sessions kept from a previous plan stay theirs; new sessions take the next free number
  // and so do those a re-plan repeats on their previous day (warm-start.ts)
  const kept = new Set<string>();
  for (const p of sorted)
    if (p.fixed) kept.add(p.fixed.id);
    else if (p.warm) kept.add(p.warm);
  const nextId = (c: number, kode: string): string => {
    for (;;) {
      const n = (counter.get(c) ?? 0) + 1;
      counter.set(c, n);
      const id = `${kode}-${inst.tahun}-${n}`;
      if (!kept.has(id)) return id;
    }
  };
  // `placedOrder[i]` is the session of `sorted[i]`; `sessions` is put in date order below
  const placedOrder: ScheduledSession[] = [];
  // per ASN e, its sessions' places in `placedOrder` are places[first[e]..first[e + 1]), in
  // placement order as the per-ASN sort below expects
  const first = new Int32Array(inst.asn.length + 1);
  // (indexed loops here and below: a for-of over an array allocates per step until optimised, and
  // this runs once or twice per plan)
  for (const p of sorted)
    for (let i = 0; i < p.members.length; i++) {
      const e = p.members[i] as number;
      first[e + 1] = (first[e + 1] as number) + 1;
    }
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
    const at = placedOrder.length;
    placedOrder.push(session);
    const month = monthOf(mulai);
    for (let i = 0; i < p.members.length; i++) {
      const e = p.members[i] as number;
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
  // each session's start as localeCompare ranks it among all starts (equal rank for equal starts):
  // sessions and each ASN's sessions are put in date order without comparing dates as strings again
  const startRankOf = localeRankMap(placedOrder.map((x) => x.mulai));
  const rankOf = new Int32Array(placedOrder.length);
  for (let i = 0; i < placedOrder.length; i++)
    rankOf[i] = startRankOf.get((placedOrder[i] as ScheduledSession).mulai) as number;
  const dateOrder = placedOrder.map((_, i) => i);
  dateOrder.sort(
    (a, b) =>
      (rankOf[a] as number) - (rankOf[b] as number) ||
      (placedOrder[a] as ScheduledSession).id.localeCompare((placedOrder[b] as ScheduledSession).id),
  );
  const sessions = dateOrder.map((i) => placedOrder[i] as ScheduledSession);

  // each participant pays Biaya per Peserta and an equal share of the session's Biaya per Angkatan
  // (only the OPDs of inst.opds are reported: each ASN's place among them, or −1)
  const opdAt = new Map(inst.opds.map((opd, i) => [opd, i] as const));
  const opdOf = new Int32Array(inst.asn.length);
  for (let e = 0; e < inst.asn.length; e++) opdOf[e] = opdAt.get((inst.asn[e] as AsnModel).opd) ?? -1;
  const rupiah = new Float64Array(inst.opds.length);
  const peserta = new Float64Array(inst.opds.length);
  for (const p of candidate.tt.placed) {
    const course = inst.courses[p.course] as CourseModel;
    const each = course.catalog.biaya + course.biayaAngkatan / Math.max(1, p.members.length);
    for (let i = 0; i < p.members.length; i++) {
      const e = p.members[i] as number;
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
  // per session (place in `placedOrder`): the course whose competencies it develops (the catalogue
  // entry its Kode names, or −1), its JP, days, and what each participant pays, in the two terms an
  // individual plan adds (`biayaPerPeserta`, then the share of `biayaPerAngkatan`)
  const placedCount = placedOrder.length;
  const developer = new Int32Array(placedCount);
  const jpOf = new Float64Array(placedCount);
  const hariOf = new Float64Array(placedCount);
  const perPeserta = new Float64Array(placedCount);
  const perAngkatan = new Float64Array(placedCount);
  // each session as individual plans list it: one entry per session, shared by its participants'
  // plans (no reader changes them; a copy per participant was 143.000 objects on the province)
  const entries: IndividualPlan['sesi'][number][] = [];
  for (let i = 0; i < placedCount; i++) {
    const x = placedOrder[i] as ScheduledSession;
    developer[i] = byKode.get(x.kode) ?? -1;
    jpOf[i] = x.jp;
    hariOf[i] = x.hari;
    perPeserta[i] = x.biayaPerPeserta;
    perAngkatan[i] = (x.biayaPerAngkatan ?? 0) / Math.max(1, x.peserta.length);
    entries.push({ id: x.id, kode: x.kode, judul: x.judul, mulai: x.mulai, selesai: x.selesai, jp: x.jp });
  }
  // per ASN, why the timetable dropped its enrolment in a course (the last word per course)
  const droppedOf: Map<number, Batas>[] = new Array(inst.asn.length);
  for (let i = 0; i < candidate.tt.dropped.length; i++) {
    const d = candidate.tt.dropped[i] as Candidate['tt']['dropped'][number];
    const of = droppedOf[d.asn];
    if (of) of.set(d.course, d.batas);
    else droppedOf[d.asn] = new Map<number, Batas>().set(d.course, d.batas);
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
  // per need of the ASN at hand, the courses developing it (reused from ASN to ASN)
  const developOf: (Uint8Array | undefined)[] = [];
  /**
   * ASN e's individual plan and unmet needs (a function of its own, called per ASN: the JIT
   * optimises it early, while a loop in this long function waits for all of it to be compiled)
   */
  const planAsn = (e: number): void => {
    const asn = inst.asn[e] as AsnModel;
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
    // the lists are made at their final length: pushing onto [] would give each room for 16
    const sesi: IndividualPlan['sesi'] = new Array(to - from);
    let jpRencana = 0;
    let biaya = 0;
    for (let i = from; i < to; i++) {
      const at = places[i] as number;
      sesi[i - from] = entries[at] as IndividualPlan['sesi'][number];
      jpRencana += jpOf[at] as number;
      biaya = biaya + (perPeserta[at] as number) + (perAngkatan[at] as number);
    }
    const kebutuhan: IndividualPlan['kebutuhan'] = new Array(asn.needs.length);
    let open = 0;
    for (let n = 0; n < asn.needs.length; n++) {
      const need = asn.needs[n] as AsnModel['needs'][number];
      const develop = developing.get(need.kode);
      developOf[n] = develop;
      let terpenuhi = false;
      if (develop)
        for (let i = from; i < to && !terpenuhi; i++)
          terpenuhi = develop[developer[places[i] as number] as number] === 1;
      if (!terpenuhi) open++;
      kebutuhan[n] = { kode: need.kode, prioritas: need.prioritas, terpenuhi };
    }
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
      biaya,
    });
    if (open === 0) return;
    const dropped = droppedOf[e];
    for (let n = 0; n < kebutuhan.length; n++) {
      const need = kebutuhan[n] as IndividualPlan['kebutuhan'][number];
      if (need.terpenuhi) continue;
      const develop = developOf[n];
      // the eligible courses developing the need ("covering"): how many, which limits dropped this
      // ASN from them, their least JP and days, and whether all take a classroom
      let covering = 0;
      let droppedBy = 0;
      let leastJp = Number.POSITIVE_INFINITY;
      let leastHari = Number.POSITIVE_INFINITY;
      let allClassroom = true;
      if (develop)
        for (let i = 0; i < asn.eligible.length; i++) {
          const c = asn.eligible[i] as number;
          if (develop[c] !== 1) continue;
          covering++;
          if (dropped?.has(c)) droppedBy |= BY_ANY | (DROPPED_BIT.get(dropped.get(c) as Batas) ?? 0);
          const course = inst.courses[c];
          leastJp = Math.min(leastJp, course?.catalog.jp ?? 0);
          leastHari = Math.min(leastHari, course?.hari ?? 1);
          if (!course?.classroom) allClassroom = false;
        }
      let alasan: string;
      let batas: Batas;
      if (covering === 0) {
        const tooLong = unschedulable.get(need.kode) ?? [];
        let bar: Bar | undefined;
        if (develop && asn.barred.size > 0)
          for (const c of asn.barred.keys())
            if (develop[c] === 1) {
              bar = asn.barred.get(c);
              break;
            }
        if (bar) {
          alasan = bar.alasan;
          batas = bar.batas;
        } else if (tooLong.length > 0) {
          alasan = `Pelatihan ${tooLong.map((c) => c.catalog.kode).join(', ')} lebih lama dari hari kerja tahun ${inst.tahun}.`;
          batas = 'hari-kerja';
        } else {
          alasan = 'Tidak ada pelatihan di Katalog Pelatihan yang mengembangkan kompetensi ini.';
          batas = 'katalog';
        }
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
      } else if (asn.jpBefore + jpRencana + leastJp > inst.batasJp) {
        alasan = `Batas JP per ASN (${inst.batasJp} JP setahun) sudah tercapai oleh pelatihan lain yang terpilih.`;
        batas = 'batas-jp';
      } else if (daysOf(hariOf, places, from, to) + leastHari > inst.days.length) {
        alasan = `Hari kerja tahun ${inst.tahun} tidak cukup untuk menambah pelatihan bagi ASN ini.`;
        batas = 'hari-kerja';
      } else if ((inst.pagu.get(asn.opd) ?? 0) <= 0) {
        alasan = `OPD ${asn.opd} tidak memiliki pagu di lembar Anggaran.`;
        batas = 'anggaran';
      } else if (candidate.roomPrice > 0 && allClassroom) {
        alasan =
          'Tidak terpilih: ruang kelas pada hari kerja yang tersedia tidak cukup; kebutuhan berprioritas lebih tinggi didahulukan.';
        batas = 'ruang';
      } else {
        alasan = 'Tidak terpilih: pagu OPD diprioritaskan untuk kesenjangan yang lebih besar.';
        batas = 'anggaran';
      }
      unmet.push({ nip: asn.nip, opd: asn.opd, kode: need.kode, prioritas: need.prioritas, alasan, batas });
    }
  };
  for (let e = 0; e < inst.asn.length; e++) planAsn(e);
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

/** Σ days of the sessions at places[from..to), in that order. */
function daysOf(hariOf: Float64Array, places: Int32Array, from: number, to: number): number {
  let days = 0;
  for (let i = from; i < to; i++) days += hariOf[places[i] as number] as number;
  return days;
}
