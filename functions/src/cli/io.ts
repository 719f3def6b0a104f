/** Where the command writes: stdout gets the result only, stderr gets progress and logs. */
import type { ProgressReporter } from '@bangkom/core';
import cliProgress from 'cli-progress';
import { num } from './format.js';
import { releaseGarbage } from './heap.js';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  env: Readonly<Record<string, string | undefined>>;
  /** the clock, read once per command (the core receives time, never reads it) */
  now(): Date;
  /** working directory for relative paths (the process's, unless a test says otherwise) */
  cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => new Date(),
    cwd: process.cwd(),
  };
}

/** Control characters that would drive a terminal (escape sequences, C1 controls, DEL). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text for a terminal: every control character other than tab and line breaks shown as \uXXXX. */
export function printable(text: string): string {
  return text.replace(
    TERMINAL_CONTROL,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

export interface Logger {
  /** a line on stderr */
  info(message: string): void;
  /**
   * A progress reporter for one step: a bar on a terminal, two short lines otherwise.
   * `unit`: 'byte' shows sizes; any other word names what is counted ('baris', 'dokumen').
   */
  progress(unit?: string): ProgressReporter;
}

export function createLogger(io: CliIo): Logger {
  const interactive = io.stderr.isTTY === true && io.env.CI === undefined;
  return {
    info: (message) => {
      io.stderr.write(`${printable(message)}\n`);
    },
    progress: (unit = '') => afterRelease(interactive ? barProgress(io, unit) : lineProgress(io, unit)),
  };
}

/** A step that starts with the previous steps' garbage collected, on a large run (heap.ts). */
function afterRelease(reporter: ProgressReporter): ProgressReporter {
  return {
    ...reporter,
    start(label, total) {
      releaseGarbage();
      reporter.start(label, total);
    },
  };
}

function amount(n: number, unit: string): string {
  if (unit === 'byte') return n < 1_048_576 ? `${num(n / 1024, 0)} KB` : `${num(n / 1_048_576, 1)} MB`;
  return unit ? `${num(n)} ${unit}` : num(n);
}

/** Non-terminal progress: one line when a step starts and one when it ends. */
function lineProgress(io: CliIo, unit: string): ProgressReporter {
  let label = '';
  let total = 0;
  let done = 0;
  let started = 0;
  return {
    start(l, t) {
      label = l;
      total = t;
      done = 0;
      started = performance.now();
      io.stderr.write(`${label}${t > 0 ? ` (${amount(t, unit)})` : ''}…\n`);
    },
    tick(d) {
      done = d;
    },
    stop() {
      const secs = (performance.now() - started) / 1000;
      const count = unit !== 'byte' && total > 0 ? `${num(done)} dari ${amount(total, unit)}, ` : '';
      io.stderr.write(`${label}: selesai (${count}${num(secs, 1)} dtk)\n`);
    },
  };
}

/** Terminal progress bar (cli-progress) on stderr. */
function barProgress(io: CliIo, unit: string): ProgressReporter {
  let bar: cliProgress.SingleBar | undefined;
  let lastTick = 0;
  return {
    start(label, total) {
      bar = new cliProgress.SingleBar(
        {
          stream: io.stderr as NodeJS.WritableStream,
          format: `${label} [{bar}] {percentage}% | ${unit === 'byte' ? '{mb}' : '{value}/{total}'} | {duration_formatted}`,
          hideCursor: true,
          clearOnComplete: false,
          fps: 10,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(total, 1), 0, { mb: amount(0, unit) });
    },
    tick(done) {
      // cli-progress redraws on a timer; updating more often than needed only costs time
      const now = performance.now();
      if (now - lastTick < 50) return;
      lastTick = now;
      bar?.update(done, { mb: amount(done, unit) });
    },
    stop() {
      if (!bar) return;
      bar.update(bar.getTotal(), {});
      bar.stop();
      bar = undefined;
    },
  };
}
