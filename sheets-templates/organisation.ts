/** The city's organisation: OPD sizes, structural posts, subunits and who reports to whom. */
import type { JenisJabatan } from '@bangkom/core';
import { type Emp, People } from './people.js';
import type { Rng } from './prng.js';
import { OPD, type OpdDef, POSITIONS, type PositionDef, type PositionKey } from './sawahlunto-data.js';

const HEAD_OF_CITY_RESPONSIBLE = 'Sekretaris Daerah';

const STRUCTURAL = {
  'JPT Pratama': { grade: 4, born: [1967, 1978] as const, female: 0.3, magister: 0.85 },
  Administrator: { grade: 3, born: [1968, 1985] as const, female: 0.4, magister: 0.55 },
  Pengawas: { grade: 3, born: [1970, 1990] as const, female: 0.5, magister: 0.2 },
} as const;

function structural(
  people: People,
  opd: OpdDef,
  jabatan: string,
  jenis: JenisJabatan,
  teknis: readonly string[],
  atasan: Emp | undefined,
): Emp {
  const s =
    jenis === 'JPT Pratama' || jenis === 'Administrator' || jenis === 'Pengawas'
      ? STRUCTURAL[jenis]
      : STRUCTURAL.Pengawas;
  return people.add(
    opd.nama,
    jabatan,
    { jenis, teknis, grade: s.grade },
    { pppk: 0, female: s.female, gelar: 'sarjana', born: s.born, magister: s.magister },
    atasan,
  );
}

function subbagTeknis(jabatan: string, opd: OpdDef): readonly string[] {
  if (/Keuangan/.test(jabatan)) return ['T.01'];
  if (/Kepegawaian|Umum/.test(jabatan)) return ['T.07', 'T.10'];
  return opd.teknis.slice(0, 1);
}

function staffMember(people: People, opd: string, key: PositionKey, atasan: Emp | undefined): Emp {
  const def: PositionDef = POSITIONS[key];
  return people.add(
    opd,
    def.jabatan,
    { jenis: def.jenis, teknis: def.teknis, grade: def.grade },
    { pppk: def.pppk, female: def.female, gelar: def.gelar, born: def.born },
    atasan,
  );
}

/** Positions every OPD has whatever its size: head, deputies, sekretaris, units, subbag, one subunit head. */
function structuralSize(o: OpdDef): number {
  return (
    1 +
    (o.deputies?.length ?? 0) +
    (o.sekretaris ? 1 : 0) +
    o.units.length +
    o.subbag.length +
    (o.subunit ? 1 : 0)
  );
}

/** Splits `total` ASN over the OPD: each keeps its structure, the rest goes by weight. */
function opdSizes(total: number): number[] {
  const minimum = OPD.map(structuralSize);
  const floor = minimum.reduce((a, b) => a + b, 0);
  if (total < floor + OPD.length) {
    throw new Error(
      `generator needs at least ${floor + OPD.length} employees for the structure of ${OPD.length} OPD`,
    );
  }
  const weights = OPD.map((o) => o.weight);
  const sum = weights.reduce((a, b) => a + b, 0);
  const extra = total - floor;
  const sizes = weights.map((w, i) => (minimum[i] ?? 0) + Math.floor((extra * w) / sum));
  const biggest = weights.indexOf(Math.max(...weights));
  sizes[biggest] = (sizes[biggest] ?? 0) + total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

function subunitName(names: readonly string[], i: number): string {
  const base = names[i % names.length] ?? `Unit ${i + 1}`;
  const round = Math.floor(i / names.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

export function buildOrganisation(rng: Rng, total: number): Emp[] {
  const people = new People(rng);
  const sizes = opdSizes(total);
  let sekda: Emp | undefined;
  OPD.forEach((opd, idx) => {
    const size = sizes[idx] ?? 0;
    const start = people.list.length;
    const head = structural(
      people,
      opd,
      opd.head.jabatan,
      opd.head.jenis,
      opd.teknis,
      opd.topLevel ? undefined : sekda,
    );
    if (opd.head.jabatan === HEAD_OF_CITY_RESPONSIBLE) sekda = head;
    const deputies = (opd.deputies ?? []).map((j) =>
      structural(people, opd, j, 'JPT Pratama', opd.teknis, head),
    );
    const sekretaris = opd.sekretaris
      ? structural(people, opd, opd.sekretaris, 'Administrator', opd.teknis, head)
      : undefined;
    const units = opd.units.map((j, i) =>
      structural(
        people,
        opd,
        j,
        opd.unitJenis ?? 'Administrator',
        opd.teknis,
        deputies.length > 0 ? deputies[i % deputies.length] : head,
      ),
    );
    const subbag = opd.subbag.map((j) =>
      structural(
        people,
        opd,
        j,
        'Pengawas',
        subbagTeknis(j, opd),
        sekretaris ?? units[units.length - 1] ?? head,
      ),
    );
    let remaining = size - (people.list.length - start);

    const sub = opd.subunit;
    if (sub && remaining > 0) {
      const inSub = Math.max(1, Math.round(remaining * sub.share));
      const headCount = Math.min(inSub, Math.max(1, Math.round(inSub / (sub.perHead + 1))));
      const heads: Emp[] = [];
      for (let i = 0; i < headCount; i++) {
        const name = subunitName(sub.names, i);
        const headAtasan = sub.headReportsToHead ? head : (units[unitFor(name, units.length)] ?? head);
        if (sub.headKey) heads.push(staffMember(people, opd.nama, sub.headKey, headAtasan));
        else if (sub.head)
          heads.push(structural(people, opd, sub.head.jabatan, sub.head.jenis, sub.head.teknis, headAtasan));
      }
      for (let i = 0; i < inSub - headCount; i++) {
        const key = rng.weighted(sub.staff);
        staffMember(people, opd.nama, key, heads[i % heads.length]);
      }
      remaining -= inSub;
    }
    const pengawas = [...subbag, ...units.filter((u) => u.jenisJabatan === 'Pengawas')];
    const admins = [
      ...units.filter((u) => u.jenisJabatan === 'Administrator'),
      ...(sekretaris ? [sekretaris] : []),
    ];
    for (let i = 0; i < remaining; i++) {
      const key = rng.weighted(opd.staff);
      const def = POSITIONS[key];
      const pool = def.jenis === 'Pelaksana' && pengawas.length > 0 && rng.chance(0.7) ? pengawas : admins;
      staffMember(people, opd.nama, key, pool.length > 0 ? rng.pick(pool) : head);
    }
  });
  return people.list;
}

function unitFor(subunit: string, units: number): number {
  if (/^SMP/.test(subunit)) return Math.min(1, units - 1);
  if (/^TK/.test(subunit)) return Math.min(2, units - 1);
  if (/^Puskesmas/.test(subunit)) return units - 1;
  return 0;
}
