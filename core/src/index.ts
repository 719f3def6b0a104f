// biome-ignore-all assist/source/organizeImports: the public surface is grouped by topic, not by path
/**
 * The public surface of @bangkom/core: what the functions, the Apps Script, the templates, the
 * benches and the tests use. Everything else stays internal to core (its modules import each
 * other directly). Add a name here when code outside core needs it, in its topic's group.
 */

// Program data: the records read from the workbook, settings and validation results
export {
  type Assessment,
  type AttendanceRecord,
  type InvitationRecord,
  type BehaviourRating,
  BENTUK,
  type Budget,
  type Cell,
  type CellError,
  type Competency,
  type Course,
  DEFAULT_REMINDER_DAYS,
  DEFAULT_SETTINGS,
  type Employee,
  type FgdLine,
  INDIKATOR_SASARAN,
  PREDIKAT_KINERJA,
  emptyProgramData,
  equityYears,
  type JenisAsn,
  type JenisJabatan,
  type Moda,
  MODA,
  type Preference,
  type ProgramData,
  type QuarantinedRow,
  type RawSheet,
  type RawWorkbook,
  type ReactionResponse,
  type Room,
  type Trainer,
  type Settings,
  type SheetCount,
  type SkmResponse,
  type Standard,
  type StatusHadir,
  type Sumber,
  SUMBER,
  type TestResult,
  type TrainingRecord,
  type ValidationResult,
} from './types.js';

// The workbook contract: sheet names, columns, form sheets, the default dictionary
export {
  type ColumnKind,
  type ColumnSpec,
  DEFAULT_DICTIONARY,
  FORM_SHEETS,
  type FormSheet,
  RESPONSE_ID_SHEETS,
  SETTING_KEYS,
  SHEET,
  SHEET_SPECS,
  type SheetSpec,
} from './sheet-specs.js';
// `Undangan`: the invitations Kirim Undangan sent, which make a session announced
export {
  STATUS_UNDANGAN,
  type StatusUndangan,
  UNDANGAN_HEADER,
  UNDANGAN_STATE_HEADER,
  UNDANGAN_STATUS,
} from './invitation-sheet.js';
export { type Announcements, announcements, invitees } from './announced.js';

// Record and settings schemas (zod) and the sheet -> collection map
export {
  LABEL_TOTAL,
  MAX_REMINDER_DAYS,
  recordSchemas,
  settingsFrom,
  settingsSchema,
  settingsToEntries,
  SHEET_COLLECTION,
  type SheetName,
} from './schemas/index.js';

// Cell parsing for what people type in id_ID sheets: dates and serials, numbers, money, enums, lists
export {
  cellText,
  civilFromDays,
  datesToSerials,
  dateToSerial,
  daysFromCivil,
  enumTable,
  isBlankCell,
  isoToSerial,
  NAMA_BULAN,
  normalizeHeader,
  parseBooleanCell,
  parseDateCell,
  parseDecimal,
  parseEnumCell,
  parseIntegerCell,
  parseMoney,
  parseMoneyCell,
  parseMonth,
  parseNipCell,
  parseNumberCell,
  parseRatingCell,
  parseTimestampCell,
  serialToDate,
  serialToIsoDate,
  serialToIsoTimestamp,
  splitList,
} from './cells.js';

// NIP per BKN layout
export { parseNip, validateNip } from './nip.js';

// Validation of whole workbooks and single rows; rejected rows are quarantined with sheet, row, column, reason
export { rowValidator, type RowValidator, toRows, validateRows, validateWorkbook } from './sheet-rows.js';

// Calendar: ISO dates, working days, holidays
export {
  addDays,
  applyHolidayCorrections,
  dayOfWeek,
  daysOfYear,
  isoToUtc,
  monthOf,
  workingDays,
  workingDaysPerMonth,
} from './calendar.js';

// Which year: Tahun (the plan) and Tahun JP (the realisation)
export { jpYear, resolveTahun, resolveTahunJp } from './tahun.js';

// Development forms (LAN 10/2018 Bentuk codes) and certificates
export { BENTUK_TABLE, bentukLabel, sertifikatOf } from './bentuk.js';

// Competency gaps (PP 11/2017 jo. 17/2020 art. 206) and which raters count
export { computeGaps, nameKey } from './gaps.js';
export { gapConfidence, HANYA_DIRI, raterDirectory, raterProblem, type RaterProblem } from './raters.js';

// Focus-group discussions (Diskusi Kelompok): ranks, the priority factor, top topics per OPD
export { fgdFactor, fgdRanks, fgdTopTopics } from './fgd.js';
export {
  MINAT_TOPIK_HEADER,
  type TopicInterest,
  type TopicInterestRow,
  topicInterest,
  topicInterestCells,
} from './topic-interest.js';

// Competency level descriptions (levels 1–5) for the assessment forms
export { DEFAULT_LEVEL_DESCRIPTIONS, LEVEL_COLUMNS } from './level-descriptions.js';

// JP realisation (at least 20 JP a year per ASN)
export { computeJp } from './jp.js';

// IKM (PermenPAN-RB 14/2017): mutu table, period order, computation
export { comparePeriode, computeIkm, MUTU_TABLE, mutuOf } from './ikm.js';

// Training evaluation (reaction, N-gain, behaviour)
export { evaluate, kategoriNGain, nGain } from './evaluation.js';

// Attendance, completion and the Riwayat rows it produces
export { completersBySession, computeCompletion } from './attendance.js';
export {
  attendanceLoop,
  type AttendanceLoop,
  completionRecords,
  withCompletionRecords,
} from './completion-records.js';

// Result reports of the computations
export type {
  CompetencyGap,
  EmployeeGaps,
  EvaluationReport,
  GapsReport,
  IkmReport,
  JpReport,
  LeaderSummary,
  LeaderSummaryRow,
  SessionEvaluation,
} from './reports.js';

// Scheduling: the planner, its MILP port, its report, the independent checker, the waiting list
export {
  type MilpOptions,
  type MilpSolution,
  type MilpSolver,
  type PreviousSession,
  planSchedule,
  type ScheduledSession,
  type ScheduleMethod,
  type ScheduleReport,
  type ScheduleWeights,
  type UnmetNeed,
} from './schedule/index.js';
export { type CheckContext, checkSchedule, type ViolationKind } from './schedule-check.js';
export { waitingList, waitingRow } from './waiting-list.js';
export {
  PERUBAHAN_JADWAL_HEADER,
  type ReplanCounts,
  type ReplanRow,
  replanCounts,
  replanRows,
} from './replan-rows.js';

// The art. 207 development plan and the schedule's Firestore documents
export {
  buildDevelopmentPlan,
  DEVELOPMENT_PLAN_COLUMNS,
  DEVELOPMENT_PLAN_HEADERS,
  developmentPlanCells,
  jalurOf,
  scheduleDocs,
  sessionCost,
} from './plan.js';

// Leaders' summary: aggregates only
export { buildLeaderSummary } from './summary.js';

// The summary workbook model both renderers draw: titles, tables, charts, id_ID numbers
export {
  ANGGARAN_COLUMNS,
  anggaranRows,
  type BarChartModel,
  buildSummaryModel,
  type CellStyle,
  changeSince,
  type ChartModel,
  idFixed,
  idNumber,
  idValue,
  JADWAL_COLUMNS,
  jadwalCells,
  type LineChartModel,
  printedMutu,
  SHEET_IDS,
  STAFF_TITLES,
  SUMMARY_TITLES,
  type SummaryCell,
  type SummaryColumn,
  type SummaryColumnKind,
  type SummaryModel,
  type SummarySheet,
  type SummaryTable,
  topGapText,
} from './summary-model/index.js';

// Sheets written back to the staff's spreadsheet: titles and headers
export {
  DAFTAR_TUNGGU_HEADER,
  EVALUASI_HEADER,
  FORMER_OUTPUT_TITLES,
  IKM_HEADER,
  JADWAL_HEADER,
  KEBUTUHAN_HEADER,
  KESENJANGAN_HEADER,
  OUTPUT_SHEET,
  STATUS_HEADER,
} from './output-sheets.js';

// Cycles: a year's indicators kept for the trend, service results, equity
export {
  buildCycle,
  courseOfSession,
  type CycleDoc,
  cycleSchema,
  elementsOf,
  krejcieMorgan,
  periodeRange,
  plannedBudgetSchema,
  serviceResults,
  type UntrainedEmployee,
  untrainedEmployees,
} from './cycle/index.js';

// Firestore model: tenant, collections, document ids
export {
  type CollectionName,
  COLLECTIONS,
  DEFAULT_TENANT,
  docId,
  docIdProblem,
  FORM_SOURCE,
  isFormDocId,
  MAX_DOC_ID_BYTES,
  recordIds,
} from './firestore-model.js';

// Ports the adapters implement
export type { Doc, ProgressReporter, Store, WorkbookSource } from './ports.js';

// SIASN export
export { SIASN_FIELDS, siasnExport, type SiasnRow, siasnRowSchema } from './siasn.js';
