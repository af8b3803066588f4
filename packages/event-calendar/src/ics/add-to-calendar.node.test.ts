import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { createIcalAdapter } from '@sozial-innovativ/adapters/ical';
import { validateEvents } from '@sozial-innovativ/core';
import { googleCalendarUrl, outlookCalendarUrl } from './links.js';
import { FEED } from '../test-fixtures/series-feed.js';

/** Every occurrence ical.js reads from `ics` for `uid`: start (UTC) and title, overrides applied. */
function occurrences(ics: string, uid: string): string[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const comps = cal.getAllSubcomponents('vevent').filter((c) => c.getFirstPropertyValue('uid') === uid);
  const master = new ICAL.Event(comps.find((c) => !c.hasProperty('recurrence-id')));
  for (const c of comps.filter((x) => x.hasProperty('recurrence-id'))) master.relateException(c);
  const out: string[] = [];
  const it = master.iterator();
  for (let next = it.next(); next; next = it.next()) {
    const d = master.getOccurrenceDetails(next);
    out.push(`${d.startDate.toJSDate().toISOString()} ${d.item.summary}`);
  }
  return out.sort();
}

describe('add to calendar: the whole series from an iCal source', () => {
  it('writes the feed\'s series (RRULE, EXDATE, override) so a calendar app expands the same dates', async () => {
    const adapter = createIcalAdapter({ text: FEED });
    const { items } = await adapter.events({ from: '2026-10-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    const shown = items.filter((e) => e.uid === 'dialog@example.org').map((e) => `${new Date(e.start).toISOString()} ${e.title}`).sort();
    assert.equal(shown.length, 7, 'eight Tuesdays, one cancelled');

    const ics = adapter.seriesIcs('dialog@example.org')!;
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n'));
    assert.match(ics, /\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8\r\n/);
    assert.match(ics, /\r\nEXDATE;TZID=Europe\/Berlin:20261103T170000\r\n/);
    assert.match(ics, /\r\nRECURRENCE-ID;TZID=Europe\/Berlin:20261117T170000\r\n/);
    assert.match(ics, /\r\nBEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n/);
    assert.doesNotMatch(ics, /VALARM|Sommerfest/);
    assert.deepEqual(occurrences(ics, 'dialog@example.org'), shown);
    assert.ok(shown.includes('2026-11-18T17:00:00.000Z Dialog im Quartier (im Rathaus)'));
    assert.ok(!shown.some((s) => s.startsWith('2026-11-03')));
  });

  it('has no series for a UID the feed does not have, and none before it was read', async () => {
    const adapter = createIcalAdapter({ url: 'https://example.org/x.ics', fetchOptions: { retries: 0 } });
    assert.equal(adapter.seriesIcs('dialog@example.org'), undefined);
    assert.equal(createIcalAdapter({ text: FEED }).seriesIcs('nope@example.org'), undefined);
  });
});

describe('add to calendar: provider links built locally', () => {
  const [timed, allDay] = validateEvents([
    {
      id: 'l', title: 'Zukunft & Teilhabe', start: '2026-10-21T17:00:00+02:00', end: '2026-10-21T20:00:00+02:00', description: 'Werkstatt',
      url: 'https://example.org/termin', location: { name: 'Impact Hub', town: 'Leipzig' },
    },
    { id: 'f', title: 'Sommerfest', start: '2026-08-01', end: '2026-08-03', url: 'javascript:alert(1)' },
  ]).items;

  it('Google: title, UTC dates, details with the event page, place', () => {
    const url = new URL(googleCalendarUrl(timed!));
    assert.equal(url.origin + url.pathname, 'https://calendar.google.com/calendar/render');
    const p = Object.fromEntries(url.searchParams);
    assert.deepEqual(p, {
      action: 'TEMPLATE', text: 'Zukunft & Teilhabe', dates: '20261021T150000Z/20261021T180000Z',
      details: 'Werkstatt\n\nhttps://example.org/termin', location: 'Impact Hub, Leipzig', ctz: 'Europe/Berlin',
    });
    assert.equal(new URL(googleCalendarUrl(allDay!)).searchParams.get('dates'), '20260801/20260803');
    assert.equal(new URL(googleCalendarUrl(allDay!)).searchParams.get('details'), null, 'an unsafe URL is left out');
  });

  it('Outlook.com: ISO dates, all-day flag', () => {
    const p = new URL(outlookCalendarUrl(timed!)).searchParams;
    assert.equal(p.get('subject'), 'Zukunft & Teilhabe');
    assert.equal(p.get('startdt'), '2026-10-21T15:00:00Z');
    assert.equal(p.get('enddt'), '2026-10-21T18:00:00Z');
    assert.equal(p.get('allday'), null);
    const d = new URL(outlookCalendarUrl(allDay!)).searchParams;
    assert.deepEqual([d.get('startdt'), d.get('enddt'), d.get('allday')], ['2026-08-01', '2026-08-03', 'true']);
  });
});
