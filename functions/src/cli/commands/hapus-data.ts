/**
 * `bangkom hapus-data <NIP>`: deletes one person's data from the tenant's Firestore on request
 * (SECURITY.md). Without `--ya` it only says what it would delete and scrub; with `--ya` it does
 * so (../../adapters/erase-person.ts) and leaves a `runs` audit document that names the person
 * only by a hash. Idempotent: a second run finds nothing left. The program spreadsheet is not
 * touched: the person's rows must be removed there too, or the next run writes them back.
 */
import { resolve } from 'node:path';
import { COLLECTIONS, DEFAULT_TENANT } from '@bangkom/core';
import {
  applyErasure,
  type ErasureStep,
  planErasure,
  subjectHash,
  tallyErasure,
} from '../../adapters/erase-person.js';
import { assertTenantId, newRunId, writeRun } from '../../adapters/firestore.js';
import {
  type FirestoreTarget,
  openFirestoreTarget,
  probeFirestore,
} from '../../adapters/firestore-target.js';
import type { CommandContext, CommandModule, CommandOutcome } from '../context.js';
import { num } from '../format.js';
import { cliCaller } from '../run/write.js';

export const command: CommandModule = {
  name: 'hapus-data',
  summary: 'hapus data satu pegawai (NIP) dari Firestore atas permintaannya; tanpa --ya hanya pratinjau',
  execute: eraseCommand,
};

async function openTarget(ctx: CommandContext): Promise<FirestoreTarget> {
  const { data } = ctx.options;
  return openFirestoreTarget({
    env: ctx.io.env,
    dataDir: data !== undefined ? resolve(ctx.io.cwd, data) : undefined,
    fresh: false,
    workbookPath: () => {
      throw new Error(
        'hapus-data memerlukan Firestore yang dituju: --data DIR (folder data lokal bangkom run), ' +
          'FIRESTORE_EMULATOR_HOST, atau GOOGLE_CLOUD_PROJECT.',
      );
    },
  });
}

async function eraseCommand(ctx: CommandContext): Promise<CommandOutcome> {
  const nip = ctx.options.input.trim();
  if (!/^\d{18}$/.test(nip)) throw new Error('NIP harus 18 digit angka.');
  const tenant = ctx.options.tenant ?? DEFAULT_TENANT;
  assertTenantId(tenant);
  const fs = await openTarget(ctx);
  const subjek = subjectHash(tenant, nip);
  const runId = newRunId(ctx.startedAt.toISOString());
  try {
    await probeFirestore(fs, `tenants/${tenant}/${COLLECTIONS.runs}/${runId}`);
    const steps = await planErasure(fs.db, tenant, nip);
    const collections = tallyErasure(steps);
    if (ctx.options.ya) {
      await applyErasure(fs.db, tenant, steps);
      await writeRun(fs.db, {
        runId,
        kind: 'hapus-data',
        caller: cliCaller(),
        tenant,
        startedAt: ctx.startedAt.toISOString(),
        finishedAt: ctx.io.now().toISOString(),
        // the person by a hash only: the audit must not hold the NIP it was asked to erase
        inputChecksum: subjek,
        status: 'selesai',
        counts: Object.fromEntries(Object.entries(collections).map(([c, t]) => [c, t.hapus + t.bersihkan])),
        errors: [],
        message: `Data satu pegawai dihapus atas permintaan: ${num(steps.length)} dokumen.`,
      });
      await fs.data?.save(ctx.io.now());
    }
    const json = {
      tenant,
      subjek,
      dihapus: ctx.options.ya,
      target: fs.target,
      collections,
      documents: { hapus: count(steps, 'hapus'), bersihkan: count(steps, 'bersihkan') },
      ...(ctx.options.ya ? { runDoc: `tenants/${tenant}/${COLLECTIONS.runs}/${runId}` } : {}),
    };
    return { json, text: report(json, fs.description), exitCode: 0 };
  } finally {
    await fs.close();
  }
}

const count = (steps: readonly ErasureStep[], action: ErasureStep['action']) =>
  steps.filter((s) => s.action === action).length;

function report(
  json: {
    dihapus: boolean;
    collections: Record<string, { hapus: number; bersihkan: number }>;
    documents: { hapus: number; bersihkan: number };
    runDoc?: string;
  },
  where: string,
): string {
  const rows = Object.entries(json.collections).map(
    ([c, t]) =>
      `  ${c.padEnd(14)} ${num(t.hapus).padStart(7)} dihapus  ${num(t.bersihkan).padStart(7)} dibersihkan`,
  );
  const total = json.documents.hapus + json.documents.bersihkan;
  const head = json.dihapus
    ? `Data pegawai dihapus dari ${where}: ${num(json.documents.hapus)} dokumen dihapus, ${num(json.documents.bersihkan)} dibersihkan dari NIP-nya.`
    : `Pratinjau (belum ada yang dihapus) di ${where}: ${num(json.documents.hapus)} dokumen akan dihapus, ${num(json.documents.bersihkan)} akan dibersihkan dari NIP-nya.`;
  const tail = json.dihapus
    ? [`Audit: ${json.runDoc ?? ''} (pegawai dicatat sebagai hash, bukan NIP).`]
    : total > 0
      ? ['Jalankan lagi dengan --ya untuk menghapus.']
      : ['Tidak ada data pegawai ini di Firestore.'];
  return [
    head,
    ...rows,
    ...tail,
    'Hapus juga barisnya di spreadsheet program dan jawaban formulirnya; bila tidak, proses berikutnya menulisnya kembali.',
  ].join('\n');
}
