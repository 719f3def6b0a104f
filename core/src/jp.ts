/**
 * Training hours (JP) per year (docs/rumus.md): JP of a NIP in year Y = sum of
 * `Riwayat Pelatihan` JP whose Tanggal Mulai falls in Y; the target is met when JP ≥ Target JP
 * (PP 17/2020 art. 203(4): at least 20 JP a year).
 *
 * Every employee appears (0 JP when none), ordered by NIP; OPDs by name. Training rows of NIPs
 * that are not in `Pegawai` count nowhere (the parser already reported them); they are listed
 * in the `nipTidakDikenal` extension.
 */
import { compareNames, compareNip, displayNames, nameKeyer, sortByNip } from './gaps.js';
import type { JpReport } from './reports.js';
import type { ProgramData } from './types.js';

/**
 * JP are summed in millionths as integers, so 6.5 + 6.5 + 7 is exactly 20 and fractional JP
 * (e.g. 1.5) never leave a 19.999999999999996 just short of the target.
 */
const JP_SCALE = 1e6;

/** Year of an ISO date `YYYY-MM-DD` (records are validated; time zones play no part). */
function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

export function computeJp(data: ProgramData, tahun: number): JpReport {
  const target = data.settings.targetJp;
  const scaledJp = new Map<string, number>();
  for (const e of data.employees) scaledJp.set(e.nip, 0);

  const unknown = new Set<string>();
  for (const t of data.trainings) {
    if (yearOf(t.mulai) !== tahun) continue;
    const current = scaledJp.get(t.nip);
    if (current === undefined) {
      unknown.add(t.nip);
      continue;
    }
    scaledJp.set(t.nip, current + Math.round(t.jp * JP_SCALE));
  }

  const targetScaled = Math.round(target * JP_SCALE);
  const keyOf = nameKeyer();
  const opdNames = displayNames(data.employees, (e) => e.opd, keyOf);
  const opdAcc = new Map<string, { opd: string; pegawai: number; memenuhi: number }>();
  const employees: JpReport['employees'] = [];
  const seen = new Set<string>();

  for (const e of sortByNip(data.employees)) {
    if (seen.has(e.nip)) continue; // a repeated NIP is the parser's error; count the person once
    seen.add(e.nip);
    const scaled = scaledJp.get(e.nip) ?? 0;
    const memenuhi = scaled >= targetScaled;
    const key = keyOf(e.opd);
    const opd = opdNames.get(key) ?? e.opd;
    employees.push({ nip: e.nip, opd, jp: scaled / JP_SCALE, memenuhi });
    let acc = opdAcc.get(key);
    if (!acc) {
      acc = { opd, pegawai: 0, memenuhi: 0 };
      opdAcc.set(key, acc);
    }
    acc.pegawai++;
    if (memenuhi) acc.memenuhi++;
  }

  const opd = [...opdAcc.values()]
    .sort((a, b) => compareNames(a.opd, b.opd))
    .map((a) => ({ ...a, persen: (a.memenuhi * 100) / a.pegawai }));

  return { tahun, target, employees, opd, nipTidakDikenal: [...unknown].sort(compareNip) };
}
