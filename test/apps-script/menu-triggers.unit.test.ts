import * as globals from '../../apps-script/src/index';
import { MENU_ITEMS, onOpen } from '../../apps-script/src/menu';
import { pasangPemicu, TRIGGERS } from '../../apps-script/src/triggers';
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
    ]);
    expect(world().scriptProps.getProperty('BANGKOM_SPREADSHEET_ID')).toBe('ss-bangkom');
  });
});
