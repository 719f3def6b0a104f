/**
 * Halaman Presensi: one row per session still to come or running, with the prefilled check-in
 * link and that link as a QR code image. The image is decoded here (GIF -> pixels -> QR) and must
 * give back the link; following the link's answers records the day in Daftar Hadir.
 */
import jsQR from 'jsqr';
import { GifReader } from 'omggif';
import { PRESENSI_HEADER, writeAttendancePage } from '../../apps-script/src/attendance-page';
import { buatFormulir } from '../../apps-script/src/forms';
import { spreadsheet } from '../../apps-script/src/gas';
import { halamanPresensi } from '../../apps-script/src/index';
import { onFormSubmit } from '../../apps-script/src/submit';
import type { FakeForm } from './fakes/forms';
import type { FakeSheet } from './fakes/spreadsheet';
import { jakarta } from './fakes/world';
import { NIP, pegawaiRows, useWorld } from './helpers';

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', pegawaiRows());
  w.spreadsheet.addSheet('Jadwal', [
    ['ID Sesi', 'Kode', 'Judul', 'Mulai', 'Selesai', 'Lokasi', 'Peserta'],
    [
      'S-2030-02',
      'PL-02',
      'Manajemen Kinerja',
      jakarta(2030, 4, 14, 8),
      jakarta(2030, 4, 15, 16),
      'Daring',
      NIP.budi,
    ],
    ['S-2020-01', 'PL-00', 'Sudah Lewat', jakarta(2020, 1, 1, 8), jakarta(2020, 1, 1, 16), '', NIP.ani],
    [
      'S-2030-01',
      'PL-01',
      'Pelayanan Prima',
      jakarta(2030, 3, 10, 8),
      jakarta(2030, 3, 11, 16),
      'Aula Balai Kota',
      `${NIP.ani}, ${NIP.budi}`,
    ],
  ]);
});

function form(key: string): FakeForm {
  const ids = JSON.parse(world().scriptProps.getProperty('BANGKOM_FORMS') ?? '{}') as Record<string, string>;
  const f = world().forms.get(ids[key] ?? '');
  if (!f) throw new Error(`no form ${key}`);
  return f;
}

const page = () => world().spreadsheet.sheet('Presensi Sesi') as FakeSheet;

/** The QR code of an image, read the way a phone would: from its pixels. */
function decode(bytes: readonly number[]): string | undefined {
  const gif = new GifReader(Buffer.from(bytes.map((b) => (b + 256) % 256)));
  const pixels = new Uint8ClampedArray(gif.width * gif.height * 4);
  gif.decodeAndBlitFrameRGBA(0, pixels);
  return jsQR(pixels, gif.width, gif.height)?.data;
}

describe('Halaman Presensi', () => {
  it('lists the sessions to come with a check-in link and its QR code, and rewrites them on a rerun', () => {
    buatFormulir();
    const r = writeAttendancePage(spreadsheet(), jakarta(2030, 3, 10, 12)); // S-2030-01 is running
    expect(r).toEqual({ ditulis: true, sesi: 2, catatan: [] });
    const [header, ...rows] = page()
      .dump()
      .filter((row) => row.some((v) => v !== ''));
    expect(header).toEqual([...PRESENSI_HEADER]);
    const published = form('presensi').getPublishedUrl();
    expect(rows.map((row) => row.slice(0, 5))).toEqual([
      ['S-2030-01', 'Pelayanan Prima', '10/03/2030 08:00', '11/03/2030 16:00', 'Aula Balai Kota'],
      ['S-2030-02', 'Manajemen Kinerja', '14/04/2030 08:00', '15/04/2030 16:00', 'Daring'],
    ]);
    const links = rows.map((row) => String(row[5]));
    for (const [i, link] of links.entries()) {
      expect(link.startsWith(`${published}?usp=pp_url&entry.`)).toBe(true);
      expect(link.endsWith(`=${rows[i]?.[0]}`)).toBe(true);
    }

    // one image per session, beside its row, that a phone reads back as the row's link
    const images = page().images;
    expect(images.map((im) => [im.row, im.column, im.getAltTextTitle()])).toEqual([
      [2, 7, 'Kode QR presensi sesi S-2030-01'],
      [3, 7, 'Kode QR presensi sesi S-2030-02'],
    ]);
    expect(images.map((im) => im.blob.getContentType())).toEqual(['image/gif', 'image/gif']);
    expect(images.map((im) => decode(im.blob.getBytes()))).toEqual(links);
    expect(page().rowHeights.get(2)).toBeGreaterThan(100);

    // after the first session: it leaves the page, with its image; nothing is left twice
    writeAttendancePage(spreadsheet(), jakarta(2030, 3, 12, 8));
    expect(page().images.map((im) => [im.row, decode(im.blob.getBytes())])).toEqual([[2, links[1]]]);
    expect(
      page()
        .dump()
        .filter((row) => row.some((v) => v !== '')),
    ).toHaveLength(2);
  });

  it('the link, answered, records the day of that session in Daftar Hadir', () => {
    buatFormulir();
    writeAttendancePage(spreadsheet(), jakarta(2030, 3, 1, 9));
    const link = decode(page().images[0]?.blob.getBytes() ?? []) ?? '';
    const f = form('presensi');
    const sesiItem = f.items.find((i) => i.getTitle() === 'ID Sesi');
    const prefilled = new URL(link).searchParams.get(`entry.${sesiItem?.id}`);
    expect(prefilled).toBe('S-2030-01');
    onFormSubmit(f.submit({ 'ID Sesi': prefilled ?? '', NIP: NIP.ani }, jakarta(2030, 3, 10, 7, 55)));
    const hadir = world().spreadsheet.sheet('Daftar Hadir')?.dump() ?? [];
    expect(hadir[1]?.slice(0, 5)).toEqual(['S-2030-01', 'PL-01', jakarta(2030, 3, 10), NIP.ani, 'Hadir']);
  });

  it('the menu says what it wrote, or that the form must be built first', () => {
    halamanPresensi();
    expect(world().spreadsheet.sheet('Presensi Sesi')).toBeUndefined();
    buatFormulir();
    halamanPresensi();
    const alerts = world().ui.alerts;
    expect([alerts[0], alerts[alerts.length - 1]]).toEqual([
      'Lembar "Presensi Sesi" tidak ditulis.\n\nFormulir Presensi Pelatihan belum ada: jalankan menu Bangkom › Buat Formulir dahulu.',
      expect.stringMatching(/^Lembar "Presensi Sesi" berisi \d+ sesi dengan tautan dan kode QR presensi\./),
    ]);
  });
});
