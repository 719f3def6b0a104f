/**
 * zod schemas of the records (keyed like `recordIds`), for adapters validating Firestore
 * documents and request bodies at the edge, and the per-sheet parsers used by sheet-rows.ts.
 */
import type { z } from 'zod';
import type { recordIds } from '../firestore-model.js';
import { SHEET } from '../sheet-specs.js';
import type {
  Assessment,
  AttendanceRecord,
  BehaviourRating,
  Budget,
  Competency,
  Course,
  Employee,
  FgdLine,
  HolidayEntry,
  InvitationRecord,
  PerformanceRecord,
  Preference,
  ProgramData,
  ProgramGoal,
  ReactionResponse,
  Room,
  SkmResponse,
  Standard,
  TestResult,
  Trainer,
  TrainingRecord,
} from '../types.js';
import { assessmentSchema, penilaianParser } from './assessment.js';
import { attendanceSchema, daftarHadirParser } from './attendance.js';
import type { SheetParser } from './common.js';
import { competencySchema, kamusParser, standardSchema, standarParser } from './competency.js';
import { employeeSchema, pegawaiParser } from './employee.js';
import {
  behaviourSchema,
  perilakuParser,
  reactionSchema,
  reaksiParser,
  tesParser,
  testResultSchema,
} from './evaluation.js';
import {
  hariLiburParser,
  holidaySchema,
  preferenceSchema,
  preferensiParser,
  roomSchema,
  ruangParser,
} from './extension.js';
import { diskusiKelompokParser, fgdSchema } from './fgd.js';
import { goalSchema, sasaranParser } from './goals.js';
import { invitationSchema, undanganParser } from './invitation.js';
import { kinerjaParser, performanceSchema } from './performance.js';
import { pengaturanParser, type SettingEntry } from './settings.js';
import { skmParser, skmSchema } from './skm.js';
import { pengajarParser, trainerSchema } from './trainer.js';
import {
  anggaranParser,
  budgetSchema,
  courseSchema,
  katalogParser,
  riwayatParser,
  trainingRecordSchema,
} from './training.js';

export * from './assessment.js';
export * from './attendance.js';
export * from './common.js';
export * from './competency.js';
export * from './employee.js';
export * from './evaluation.js';
export * from './extension.js';
export * from './fgd.js';
export * from './goals.js';
export * from './invitation.js';
export * from './performance.js';
export * from './settings.js';
export * from './skm.js';
export * from './trainer.js';
export * from './training.js';

export type RecordCollection = keyof typeof recordIds;

/** Record schemas by Firestore collection; the type ties each one to its record interface. */
export const recordSchemas: { readonly [K in RecordCollection]: z.ZodType<ProgramData[K][number]> } = {
  employees: employeeSchema,
  competencies: competencySchema,
  standards: standardSchema,
  assessments: assessmentSchema,
  trainings: trainingRecordSchema,
  courses: courseSchema,
  budgets: budgetSchema,
  skm: skmSchema,
  reactions: reactionSchema,
  tests: testResultSchema,
  behaviours: behaviourSchema,
  holidays: holidaySchema,
  rooms: roomSchema,
  trainers: trainerSchema,
  preferences: preferenceSchema,
  attendance: attendanceSchema,
  invitations: invitationSchema,
  fgd: fgdSchema,
  goals: goalSchema,
  performance: performanceSchema,
};

/** The record each sheet yields. */
export interface SheetRecords {
  Pegawai: Employee;
  'Kamus Kompetensi': Competency;
  'Standar Kompetensi': Standard;
  Penilaian: Assessment;
  'Riwayat Pelatihan': TrainingRecord;
  'Katalog Pelatihan': Course;
  Anggaran: Budget;
  SKM: SkmResponse;
  'Evaluasi Reaksi': ReactionResponse;
  Tes: TestResult;
  'Evaluasi Perilaku': BehaviourRating;
  Pengaturan: SettingEntry;
  'Hari Libur': HolidayEntry;
  Ruang: Room;
  Preferensi: Preference;
  'Daftar Hadir': AttendanceRecord;
  Undangan: InvitationRecord;
  'Diskusi Kelompok': FgdLine;
  'Sasaran Program': ProgramGoal;
  Pengajar: Trainer;
  Kinerja: PerformanceRecord;
}
export type SheetName = keyof SheetRecords;

export const SHEET_PARSERS: { readonly [S in SheetName]: SheetParser<SheetRecords[S]> } = {
  [SHEET.pegawai]: pegawaiParser,
  [SHEET.kamus]: kamusParser,
  [SHEET.standar]: standarParser,
  [SHEET.penilaian]: penilaianParser,
  [SHEET.riwayat]: riwayatParser,
  [SHEET.katalog]: katalogParser,
  [SHEET.anggaran]: anggaranParser,
  [SHEET.skm]: skmParser,
  [SHEET.reaksi]: reaksiParser,
  [SHEET.tes]: tesParser,
  [SHEET.perilaku]: perilakuParser,
  [SHEET.pengaturan]: pengaturanParser,
  [SHEET.hariLibur]: hariLiburParser,
  [SHEET.ruang]: ruangParser,
  [SHEET.preferensi]: preferensiParser,
  [SHEET.hadir]: daftarHadirParser,
  [SHEET.undangan]: undanganParser,
  [SHEET.fgd]: diskusiKelompokParser,
  [SHEET.sasaran]: sasaranParser,
  [SHEET.pengajar]: pengajarParser,
  [SHEET.kinerja]: kinerjaParser,
};

/** The ProgramData collection each record sheet fills (Pengaturan folds into `settings`). */
export const SHEET_COLLECTION: { readonly [S in Exclude<SheetName, 'Pengaturan'>]: RecordCollection } = {
  Pegawai: 'employees',
  'Kamus Kompetensi': 'competencies',
  'Standar Kompetensi': 'standards',
  Penilaian: 'assessments',
  'Riwayat Pelatihan': 'trainings',
  'Katalog Pelatihan': 'courses',
  Anggaran: 'budgets',
  SKM: 'skm',
  'Evaluasi Reaksi': 'reactions',
  Tes: 'tests',
  'Evaluasi Perilaku': 'behaviours',
  'Hari Libur': 'holidays',
  Ruang: 'rooms',
  Preferensi: 'preferences',
  'Daftar Hadir': 'attendance',
  Undangan: 'invitations',
  'Diskusi Kelompok': 'fgd',
  'Sasaran Program': 'goals',
  Pengajar: 'trainers',
  Kinerja: 'performance',
};
