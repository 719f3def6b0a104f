/**
 * Forms built from the sample workbook ask each ASN exactly the competencies of their own
 * position's standard: counted per respondent, by walking the fake form's page navigation the way
 * Google Forms does (test/apps-script/fakes/forms.ts, visibleQuestions).
 */
import { getJson, PROP } from '../../apps-script/src/config';
import { buatFormulir } from '../../apps-script/src/forms';
import { generateProgram, SAMPLE_OPTIONS } from '../../sheets-templates/program';
import type { FakeForm } from './fakes/forms';
import { useWorld } from './helpers';

const sample = generateProgram(SAMPLE_OPTIONS);
const world = useWorld((w) => {
  for (const name of ['Pegawai', 'Kamus Kompetensi', 'Standar Kompetensi'])
    w.spreadsheet.addSheet(name, (sample[name] ?? []) as unknown[][]);
});

const COMPETENCY = /^[A-Z]+\.\d+ /;

it('asks every ASN of the sample only the competencies of their position standard', () => {
  buatFormulir();
  const ids = getJson<Record<string, string>>(PROP.forms, {});
  const form = (key: string) => world().forms.get(ids[key] ?? '') as FakeForm;
  const [stdHeader, ...stdRows] = (sample['Standar Kompetensi'] ?? []).map((r) => r.map(String));
  const jIdx = stdHeader?.indexOf('Jabatan') ?? -1;
  const kIdx = stdHeader?.indexOf('Kode Kompetensi') ?? -1;
  const standard = new Map<string, Set<string>>();
  // a code outside Kamus Kompetensi (one of the sample's deliberately invalid rows) is never asked
  const kamus = new Set((sample['Kamus Kompetensi'] ?? []).slice(1).map((r) => String(r[0])));
  for (const r of stdRows) {
    if (!kamus.has(r[kIdx] ?? '')) continue;
    const set = standard.get(r[jIdx] ?? '') ?? new Set<string>();
    set.add(r[kIdx] ?? '');
    standard.set(r[jIdx] ?? '', set);
  }
  const [pegHeader, ...pegawai] = sample.Pegawai ?? [];
  const jab = pegHeader?.indexOf('Jabatan') ?? -1;
  const nip = pegHeader?.indexOf('NIP') ?? -1;
  let respondents = 0;
  for (const row of pegawai) {
    const jabatan = String(row[jab]);
    const codes = standard.get(jabatan);
    if (!codes) continue;
    respondents++;
    const self = form('kebutuhan').visibleQuestions({ NIP: String(row[nip]), Jabatan: jabatan });
    const atasan = form('atasan').visibleQuestions({
      NIP: String(row[nip]),
      'Jabatan pegawai yang dinilai': jabatan,
    });
    for (const seen of [self, atasan]) {
      const asked = seen.filter((i) => COMPETENCY.test(i.title)).map((i) => i.title.split(' ')[0]);
      expect(asked.length).toBe(codes.size);
      expect(new Set(asked)).toEqual(codes);
    }
  }
  expect(respondents).toBeGreaterThan(2000);
  // far fewer questions than the 21 competencies some position uses
  const all = new Set(stdRows.map((r) => r[kIdx]));
  expect(all.size).toBeGreaterThan(15);
});
