/** Shared fixtures for the Apps Script tests: a world with a small valid program workbook. */
import nock from 'nock';
import { createWorld, type World } from './fakes/world';

export const NIP = {
  ani: '199001152015032001',
  budi: '198505202010011002',
  kepala: '197203101998031003',
} as const;

export const PEGAWAI_HEADER = [
  'NIP',
  'Nama',
  'Jenis ASN',
  'OPD',
  'Jabatan',
  'Jenis Jabatan',
  'Email',
  'NIP Atasan',
];

export function pegawaiRows(): unknown[][] {
  return [
    PEGAWAI_HEADER,
    [
      NIP.ani,
      'Ani Lestari',
      'PNS',
      'Dinas Kesehatan',
      'Analis Kebijakan',
      'Fungsional',
      'ani@sawahlunto.go.id',
      NIP.kepala,
    ],
    [
      NIP.budi,
      'Budi Santoso',
      'PNS',
      'Dinas Kesehatan',
      'Pengelola Data',
      'Pelaksana',
      'budi@sawahlunto.go.id',
      NIP.kepala,
    ],
    [
      NIP.kepala,
      'Kepala Dinas',
      'PNS',
      'Dinas Kesehatan',
      'Kepala Dinas',
      'JPT Pratama',
      'kadis@sawahlunto.go.id',
      '',
    ],
  ];
}

/** only Date is faked: timers stay real for nock and jest */
const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/** A fresh world per test, installed as globals; the network stays closed. */
export function useWorld(init?: (w: World) => void): () => World {
  let world: World | undefined;
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
  beforeEach(() => {
    // the script logs progress with console.log, as Apps Script's execution log shows it
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    world = createWorld();
    world.install();
    // the script reads the time with Date.now() and new Date(): both follow the world's clock
    jest.useFakeTimers({ now: world.clock.now(), doNotFake: [...REAL_TIMERS] });
    world.clock.onChange = (t) => jest.setSystemTime(t);
    init?.(world);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
    world?.restore();
    world = undefined;
  });
  return () => {
    if (!world) throw new Error('world used outside a test');
    return world;
  };
}
