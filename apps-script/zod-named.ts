/**
 * `zod` for the Apps Script bundle: the core writes `z.object(...)`, and `z` (a namespace
 * re-export) would drag all of zod and its locales into the script (~800 KiB). This shim
 * imports by name only what the core uses; build.ts checks that the core uses nothing else.
 */
import {
  array,
  boolean,
  enum as enum_,
  literal,
  nullable,
  number,
  object,
  optional,
  record,
  string,
  tuple,
  union,
  unknown,
} from 'zod';

export type { infer, input, output } from 'zod';
export { ZodType } from 'zod';

// the core's schemas use these; build.ts fails the build if the core calls any other z.member()
export const z = {
  array,
  boolean,
  enum: enum_,
  literal,
  nullable,
  number,
  object,
  optional,
  record,
  string,
  tuple,
  union,
  unknown,
};
