/**
 * The fakes refuse what Google's services refuse (Apps Script quotas page, Sheets limits), so
 * code that would fail in the field fails here first.
 */

import { FETCH_URL_BYTES, MAIL_BODY_BYTES, MAIL_RECIPIENTS_PER_MESSAGE } from './fakes/services';
import { CELL_CHARACTERS } from './fakes/spreadsheet';
import { FUNCTIONS_URL } from './fakes/world';
import { useWorld } from './helpers';

const world = useWorld();

describe('the fakes, as strict as Google', () => {
  it('MailApp: an invalid address, more than 50 recipients or a body over 200 KB is refused', () => {
    expect(() => MailApp.sendEmail({ to: 'ani(at)sawahlunto.go.id', subject: 'x', body: 'x' })).toThrow(
      /Invalid email/,
    );
    const many = Array.from({ length: MAIL_RECIPIENTS_PER_MESSAGE + 1 }, (_, i) => `p${i}@sawahlunto.go.id`);
    expect(() => MailApp.sendEmail({ to: many.join(','), subject: 'x', body: 'x' })).toThrow(
      /Email Recipients Per Message/,
    );
    expect(() =>
      MailApp.sendEmail({
        to: 'ani@sawahlunto.go.id',
        subject: 'x',
        body: 'é'.repeat(MAIL_BODY_BYTES / 2 + 1),
      }),
    ).toThrow(/Email Body Size/);
    expect(world().mail.sent).toHaveLength(0);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('UrlFetchApp: a URL over 2 KB is refused, in fetch and in fetchAll', () => {
    const long = `${FUNCTIONS_URL}/ingestResponse?x=${'a'.repeat(FETCH_URL_BYTES)}`;
    expect(() => UrlFetchApp.fetch(long)).toThrow(/URLFetch URL Length/);
    expect(() => UrlFetchApp.fetchAll([{ url: long }])).toThrow(/URLFetch URL Length/);
    expect(world().fetch.requests).toHaveLength(0);
  });

  it('Sheets: a cell holds at most 50,000 characters', () => {
    const sheet = world().spreadsheet.addSheet('Uji').self;
    expect(() => sheet.getRange(1, 1).setValue('x'.repeat(CELL_CHARACTERS + 1))).toThrow(
      /maximum of 50000 characters in a single cell/,
    );
    sheet.getRange(1, 1).setValue('x'.repeat(CELL_CHARACTERS));
    expect(String(sheet.getRange(1, 1).getValue())).toHaveLength(CELL_CHARACTERS);
  });

  it('Utilities.sleep takes at most five minutes', () => {
    expect(() => Utilities.sleep(300_001)).toThrow(/Invalid argument/);
    Utilities.sleep(5_000);
    expect(world().clock.elapsed()).toBe(5_000);
  });
});
