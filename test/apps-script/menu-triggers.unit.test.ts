import * as globals from '../../apps-script/src/index';
import { MENU_ITEMS, onOpen } from '../../apps-script/src/menu';
import { lepasPemicu, pasangPemicu, TRIGGERS } from '../../apps-script/src/triggers';
import { useWorld } from './helpers';

const world = useWorld();

describe('menu and triggers', () => {
  it('every menu item and trigger names an exported global', () => {
    const exported = new Set(Object.keys(globals));
    for (const item of MENU_ITEMS) expect(exported).toContain(item.fn);
    for (const t of TRIGGERS) expect(exported).toContain(t.fn);
    for (const name of exported) expect(typeof (globals as Record<string, unknown>)[name]).toBe('function');
  });

  it('onOpen builds the Bangkom menu from MENU_ITEMS', () => {
    onOpen();
    const menu = world().ui.menus[0];
    expect(menu?.title).toBe('Bangkom');
    expect(menu?.items.filter((i) => i !== 'separator')).toEqual(MENU_ITEMS.map((m) => ({ ...m })));
  });

  it('Pasang Pemicu installs triggers idempotently and keeps others', () => {
    const script = world().script;
    script.newTrigger('pemicuLainMilikStaf').timeBased().everyDays(1).atHour(5).create();
    pasangPemicu();
    pasangPemicu();
    const handlers = script.triggers
      .map((t) => `${t.handler}:${t.kind}${t.hour === undefined ? '' : `@${t.hour}`}`)
      .sort();
    expect(handlers).toEqual([
      'cobaUlangAntrian:daily@2',
      'onFormSubmit:formSubmit',
      'pemicuLainMilikStaf:daily@5',
      'pengingatPerilaku:daily@7',
      'pengingatUndangan:daily@6',
    ]);
    expect(world().scriptProps.getProperty('BANGKOM_SPREADSHEET_ID')).toBe('ss-bangkom');
  });

  it('records the installing account and the trigger ids in the document properties', () => {
    pasangPemicu();
    const record = JSON.parse(world().docProps.getProperty('BANGKOM_PEMICU') ?? '{}');
    expect(record.owner).toBe('admin@sawahlunto.go.id');
    expect(record.ids.sort()).toEqual(
      world()
        .script.triggers.map((t) => t.id)
        .sort(),
    );
    expect(world().ui.alerts.at(-1)).toMatch(/^4 pemicu terpasang atas nama admin@sawahlunto\.go\.id/);
  });

  it('a second administrator is refused instead of duplicating the triggers', () => {
    pasangPemicu();
    world().script.user = 'admin2@sawahlunto.go.id';
    // what the old code relied on: the second account sees none of the first one's triggers
    expect(world().script.getProjectTriggers()).toEqual([]);
    pasangPemicu();
    expect(world().script.triggers).toHaveLength(4);
    expect(world().script.triggers.every((t) => t.owner === 'admin@sawahlunto.go.id')).toBe(true);
    const said = world().ui.alerts.at(-1) ?? '';
    expect(said).toMatch(/sudah dipasang oleh admin@sawahlunto\.go\.id/);
    expect(said).toMatch(/Lepas Pemicu/);
  });

  it('two accounts whose email Google withholds are still told apart, by their trigger ids', () => {
    world().script.emailVisible = false;
    pasangPemicu();
    expect(world().ui.alerts.at(-1)).toMatch(/^4 pemicu terpasang atas nama akun Anda/);
    // the installer again: its own triggers are replaced, not doubled
    pasangPemicu();
    expect(world().script.triggers).toHaveLength(4);
    world().script.user = 'admin2@sawahlunto.go.id';
    pasangPemicu();
    expect(world().script.triggers).toHaveLength(4);
    expect(world().script.triggers.every((t) => t.owner === 'admin@sawahlunto.go.id')).toBe(true);
    expect(world().ui.alerts.at(-1)).toMatch(/sudah dipasang oleh akun lain/);
    // nor can the second account take the first one's record without confirming
    world().ui.answers.push('NO');
    lepasPemicu();
    expect(world().docProps.getProperty('BANGKOM_PEMICU')).not.toBeNull();
    expect(world().ui.alerts.at(-2)).toMatch(/^Lepas Pemicu\nPemicu dipasang oleh akun lain/);
  });

  it('hands over cleanly: the installer lets go, the next administrator installs', () => {
    pasangPemicu();
    lepasPemicu();
    expect(world().script.triggers).toEqual([]);
    expect(world().docProps.getProperty('BANGKOM_PEMICU')).toBeNull();
    world().script.user = 'admin2@sawahlunto.go.id';
    pasangPemicu();
    expect(world().script.triggers.map((t) => t.owner)).toEqual(Array(4).fill('admin2@sawahlunto.go.id'));
  });

  it('another account may clear the record of an installer that is gone, only after confirming', () => {
    pasangPemicu();
    world().script.user = 'admin2@sawahlunto.go.id';
    world().ui.answers.push('NO');
    lepasPemicu();
    expect(world().docProps.getProperty('BANGKOM_PEMICU')).not.toBeNull();
    world().ui.answers.push('YES');
    lepasPemicu();
    expect(world().docProps.getProperty('BANGKOM_PEMICU')).toBeNull();
    pasangPemicu();
    expect(world().script.getProjectTriggers()).toHaveLength(4);
  });

  it("the fake keeps Google's limit of 20 triggers per user", () => {
    const script = world().script;
    for (let i = 0; i < 20; i++) script.newTrigger(`f${i}`).timeBased().after(60_000).create();
    expect(() => script.newTrigger('f20').timeBased().after(60_000).create()).toThrow(/too many triggers/);
  });
});
