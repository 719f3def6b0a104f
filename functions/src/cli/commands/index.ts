/**
 * The command table of `bangkom`: one file per command in this folder, each exporting
 * `command: CommandModule` (see ../context.ts). A new command is one new file plus one line here.
 */
import type { CommandModule } from '../context.js';
import { command as evaluate } from './evaluate.js';
import { command as exportSiasn } from './export-siasn.js';
import { command as gaps } from './gaps.js';
import { command as hapusData } from './hapus-data.js';
import { command as ikm } from './ikm.js';
import { command as jp } from './jp.js';
import { command as run } from './run.js';
import { command as schedule } from './schedule.js';
import { command as validate } from './validate.js';

/** In the order the usage text lists them. */
export const COMMANDS: readonly CommandModule[] = [
  validate,
  gaps,
  jp,
  ikm,
  evaluate,
  schedule,
  run,
  exportSiasn,
  hapusData,
];

export function findCommand(name: string): CommandModule | undefined {
  return COMMANDS.find((c) => c.name === name);
}
