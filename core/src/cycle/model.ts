/**
 * One cycle of the program as Firestore keeps it (`tenants/{t}/cycles/{tahun}`): the year's
 * indicators per OPD and competency, IKM per unit and period, L1–L3 per session and course.
 * Aggregates only (leaders may read it): no NIP, no name, no individual score. A rerun of the
 * same year writes the whole document again (set, never merge), so it replaces that year only.
 * The schema checks a stored cycle as it is read back (validation at the edge).
 */
import { z } from 'zod';
import { INDIKATOR_SASARAN } from '../types.js';

const count = z.number().int().min(0);
const num = z.number();
const nullableNum = num.nullable();
const mutu = z.enum(['A', 'B', 'C', 'D']).nullable();

/** The indicators a leader follows from year to year (an OPD's, or the city's). */
export const cycleIndicatorsSchema = z.object({
  pegawai: count,
  /** ASN with at least one known gap */
  dinilai: count,
  /** mean gap (standar − aktual, 0 when met) over every known (ASN, competency) */
  rataGap: nullableNum,
  memenuhiJp: count,
  /** share 0–100 of ASN with at least the JP target in the year */
  persenJp: nullableNum,
  /** IKM konversi (25–100) of the latest SKM period, respondent-weighted over the units */
  konversiIkm: nullableNum,
  mutuIkm: mutu,
  respondenIkm: count,
  /** ASN with no training in the last `jangkaPemerataan` years (equity) */
  tanpaPelatihan: count,
  /** the plan's budget (its fiscal year is the cycle's `tahunRencana`), when a schedule was planned */
  pagu: nullableNum,
  terpakai: nullableNum,
  /** mean gap and (ASN, competency) pairs assessed, per competency code */
  kompetensi: z.array(z.object({ kode: z.string(), rataGap: num, dinilai: count })),
});
export type CycleIndicators = z.infer<typeof cycleIndicatorsSchema>;

export const cycleOpdSchema = cycleIndicatorsSchema.extend({ opd: z.string() });

export const cycleIkmSchema = z.object({
  unit: z.string(),
  opd: z.string().nullable(),
  periode: z.string(),
  responden: count,
  /** service users in the period (SKM `Populasi`), when given */
  populasi: count.nullable(),
  /** NRR of U1..U9 (null: nobody answered the element) */
  nrr: z.array(nullableNum),
  konversi: num,
  mutu,
});

export const cycleTrainingSchema = z.object({
  sesi: z.string(),
  /** the catalogue course of the session (see courseOfSession), null when not recognised */
  kode: z.string().nullable(),
  judul: z.string().nullable(),
  peserta: count,
  /** L1 reaction index 0–100 */
  reaksi: nullableNum,
  /** L2 Hake ⟨g⟩ */
  nGain: nullableNum,
  /** L3 mean behaviour change (levels) */
  perilaku: nullableNum,
});
export type CycleTraining = z.infer<typeof cycleTrainingSchema>;

/** L4 per service unit (results.ts): IKM before and after the OPD's staff were trained. */
export const cycleResultSchema = z.object({
  unit: z.string(),
  opd: z.string().nullable(),
  periodeSebelum: z.string().nullable(),
  ikmSebelum: nullableNum,
  respondenSebelum: count,
  periodeSesudah: z.string(),
  ikmSesudah: num,
  respondenSesudah: count,
  asnOpd: count,
  asnDilatih: count,
  unsurSasaran: z.array(z.number().int().min(1).max(9)),
  perubahanSasaran: nullableNum,
  perubahanLain: nullableNum,
  catatan: z.array(z.string()),
});
export type CycleResult = z.infer<typeof cycleResultSchema>;

/** `Sasaran Program` judged against the year (goals.ts): realised against target, city and OPDs. */
export const cycleGoalsSchema = z.object({
  /** false: the workbook sets no goals; the indicators are shown without targets */
  ditetapkan: z.boolean(),
  hasil: z.array(
    z.object({
      indikator: z.enum(INDIKATOR_SASARAN),
      opd: z.string().nullable(),
      tahun: z.number().int(),
      baseline: nullableNum,
      target: nullableNum,
      sumberTarget: z.enum(['opd', 'kota']).nullable(),
      realisasi: nullableNum,
      status: z.enum(['tercapai', 'belum tercapai', 'tanpa target', 'tanpa data']),
      dasar: z.string(),
      tipis: z.boolean(),
    }),
  ),
  opdTidakDikenal: z.array(z.string()),
  lainTahun: count,
});

const predikatChangeSchema = z.object({
  n: count,
  naik: count.nullable(),
  tetap: count.nullable(),
  turun: count.nullable(),
});

/** Predikat kinerja around each course (performance.ts); groups under the minimum as sizes only. */
export const cyclePerformanceSchema = z.object({
  minimum: count,
  kursus: z.array(
    z.object({
      kode: z.string(),
      judul: z.string(),
      tahun: z.array(z.number().int()),
      dilatih: predikatChangeSchema,
      pembanding: predikatChangeSchema,
      catatan: z.string().nullable(),
    }),
  ),
  tanpaPredikat: count,
});

export const cycleSchema = z.object({
  /** year of the realisation (JP, gaps, IKM): the document id */
  tahun: z.number().int(),
  /** fiscal year the cycle's schedule plans, when one was planned */
  tahunRencana: z.number().int().nullable(),
  targetJp: num,
  /** N of "no training in the last N years" (Pengaturan `Jangka Pemerataan`) */
  jangkaPemerataan: count,
  /** when the cycle was computed (ISO) */
  dihitung: z.string(),
  kota: cycleIndicatorsSchema,
  opd: z.array(cycleOpdSchema),
  ikm: z.array(cycleIkmSchema),
  pelatihan: z.array(cycleTrainingSchema),
  /** L4 per service unit; absent in cycles kept before it was added */
  hasil: z.array(cycleResultSchema).default([]),
  /** the program's goals; absent (null) in cycles kept before they were added */
  sasaran: cycleGoalsSchema.nullable().default(null),
  /** predikat kinerja around each course; null without a Kinerja sheet and in older cycles */
  kinerja: cyclePerformanceSchema.nullable().default(null),
});
export type CycleDoc = z.infer<typeof cycleSchema>;

/** What a cycle takes from the schedule's summary document (`summary/{tahun}~jadwal`). */
export const plannedBudgetSchema = z.object({
  tahun: z.number().int(),
  budget: z.array(z.object({ opd: z.string(), pagu: num, terpakai: num, peserta: num })),
});
