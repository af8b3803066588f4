import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { validateEvents, type CalendarEvent } from '@sozial-innovativ/core';
import { eventsToIcs, foldLine, icsFileName } from './index.js';

const now = new Date('2025-10-01T08:00:00Z');
const events = (raw: unknown[]): CalendarEvent[] => {
  const { items, dropped } = validateEvents(raw);
  assert.equal(dropped, 0);
  return items;
};
const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics));
const vevents = (ics: string) => parse(ics).getAllSubcomponents('vevent');

const sample = events([
  {
    id: 'l-2025', title: 'Zukunft unternehmerisch gestalten', start: '2025-10-21T17:00:00+02:00', end: '2025-10-21T20:00:00+02:00',
    description: 'Werkstatt; mit Pause, Imbiss\nund Austausch \\ Vernetzung',
    location: { name: 'Kreativraum', address: 'Hauptstraße 1', postalCode: '04109', town: 'Leipzig', geo: { lat: 51.34, lon: 12.37 } },
    url: 'https://www.example.org/termin?x=1&y=2', topics: ['Wirtschaft', 'Teilhabe, Bildung'], status: 'postponed',
  },
  { id: 'fest', title: 'Sommerfest', start: '2025-08-01', end: '2025-08-03', status: 'cancelled' },
  { id: 'single-day', title: 'Aktionstag', start: '2025-09-07' },
]);

describe('eventsToIcs', () => {
  it('writes a calendar that ical.js reads back with the same fields', () => {
    const ics = eventsToIcs(sample, { calendarName: 'Termine Sachsen', now });
    const cal = parse(ics);
    assert.equal(cal.getFirstPropertyValue('version'), '2.0');
    assert.equal(cal.getFirstPropertyValue('prodid'), '-//Sozial.Innovativ//Widgets//DE');
    assert.equal(cal.getFirstPropertyValue('calscale'), 'GREGORIAN');
    assert.equal(cal.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(cal.getFirstPropertyValue('x-wr-calname'), 'Termine Sachsen');
    const [timed, fest, day] = vevents(ics).map((c) => new ICAL.Event(c));
    assert.equal(timed!.uid, 'l-2025@widgets.sozial-innovativ.de');
    assert.equal(timed!.summary, 'Zukunft unternehmerisch gestalten');
    assert.equal(timed!.description, 'Werkstatt; mit Pause, Imbiss\nund Austausch \\ Vernetzung');
    assert.equal(timed!.location, 'Kreativraum, Hauptstraße 1, 04109 Leipzig');
    assert.equal(timed!.startDate.toJSDate().toISOString(), '2025-10-21T15:00:00.000Z');
    assert.equal(timed!.endDate.toJSDate().toISOString(), '2025-10-21T18:00:00.000Z');
    assert.equal(timed!.startDate.zone?.tzid, 'UTC');
    assert.equal(timed!.component.getFirstPropertyValue('url'), 'https://www.example.org/termin?x=1&y=2');
    assert.equal(timed!.component.getFirstPropertyValue('status'), 'TENTATIVE');
    assert.deepEqual(timed!.component.getFirstProperty('categories')!.getValues(), ['Wirtschaft', 'Teilhabe, Bildung']);
    assert.deepEqual(timed!.component.getFirstPropertyValue('geo'), [51.34, 12.37]);
    assert.equal(timed!.component.getFirstPropertyValue('dtstamp')!.toString(), '2025-10-01T08:00:00Z');
    assert.equal(fest!.startDate.isDate, true);
    assert.equal(fest!.startDate.toString(), '2025-08-01');
    assert.equal(fest!.endDate.toString(), '2025-08-03');
    assert.equal(fest!.component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(day!.endDate.toString(), '2025-09-08', 'an all-day event without end lasts one day (DTEND exclusive)');
    assert.equal(day!.component.getFirstPropertyValue('status'), 'CONFIRMED');
  });

  it('uses CRLF everywhere and folds at 75 octets without splitting characters', () => {
    const title = 'Sozial.Innovativ – Begegnung für Ältere und Jüngere in Görlitz 🌍 '.repeat(6);
    const list = events([{ id: 'long', title, start: '2025-11-09T17:00:00+01:00' }]);
    const ics = eventsToIcs(list, { now });
    assert.ok(ics.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'bare LF found');
    const lines = ics.split('\r\n');
    assert.ok(lines.some((l) => l.startsWith(' ')), 'the long title was folded');
    for (const line of lines) {
      assert.ok(new TextEncoder().encode(line).length <= 75, `line too long: ${line}`);
      assert.ok(!line.includes('\ufffd'));
      // A lone surrogate would mean a split emoji.
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(line), 'split surrogate pair');
    }
    // UTF-8 byte-level check: no line starts with a continuation byte.
    for (const line of lines) {
      const bytes = new TextEncoder().encode(line);
      if (bytes.length) assert.notEqual(bytes[0]! & 0xc0, 0x80);
    }
    assert.equal(new ICAL.Event(vevents(ics)[0]!).summary, list[0]!.title);
  });

  it('folds a long ASCII line into 75 and 74+1 octet pieces', () => {
    const folded = foldLine(`SUMMARY:${'x'.repeat(200)}`).split('\r\n');
    assert.equal(folded[0]!.length, 75);
    assert.equal(folded[1]!.length, 75);
    assert.ok(folded[1]!.startsWith(' '));
  });

  it('keeps hostile titles inside their property', () => {
    const hostile = events([{
      id: 'evil', start: '2025-11-09T17:00:00+01:00',
      title: 'Harmlos\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x\nATTACH:https://evil.test/\u0000\u001b[31m\u2028ORGANIZER:mailto:a@b',
      description: 'a\rURL:https://evil.test',
      location: { name: 'Saal\nRRULE:FREQ=DAILY' },
      url: 'javascript:alert(1)',
      topics: ['a\nX-INJECT:1'],
    }]);
    const ics = eventsToIcs(hostile, { calendarName: 'x\r\nMETHOD:CANCEL', prodId: 'p\r\nX-EVIL:1', now });
    const cal = parse(ics);
    assert.equal(cal.getAllProperties('method').length, 1);
    assert.equal(cal.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(cal.getAllProperties('x-evil').length, 0);
    const list = vevents(ics);
    assert.equal(list.length, 1);
    const ev = list[0]!;
    for (const name of ['attach', 'organizer', 'rrule', 'x-inject']) assert.equal(ev.getAllProperties(name).length, 0, name);
    assert.equal(ev.getAllProperties('uid').length, 1);
    assert.equal(ev.getAllProperties('url').length, 0, 'javascript: URL must not be written');
    assert.match(ev.getFirstPropertyValue('summary') as string, /^Harmlos\nEND:VEVENT\nBEGIN:VEVENT/);
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(ics.replace(/\r\n/g, '')), 'control characters in output');
  });

  it('writes UIDs that are unique per occurrence and stable across calls', () => {
    const occ = events([
      { id: 'series@2025-10-07T17:00:00+02:00', uid: 'series', title: 'Treff', start: '2025-10-07T17:00:00+02:00' },
      { id: 'series@2025-10-14T17:00:00+02:00', uid: 'series', title: 'Treff', start: '2025-10-14T17:00:00+02:00' },
    ]);
    const uids = (ics: string) => vevents(ics).map((c) => c.getFirstPropertyValue('uid'));
    const a = uids(eventsToIcs(occ, { now }));
    assert.equal(new Set(a).size, 2);
    assert.deepEqual(uids(eventsToIcs(occ)), a);
  });

  it('writes an empty but valid calendar for no events', () => {
    const cal = parse(eventsToIcs([], { now }));
    assert.equal(cal.getAllSubcomponents('vevent').length, 0);
  });
});

describe('icsFileName', () => {
  it('makes a safe, readable file name', () => {
    assert.equal(icsFileName('Zukunft unternehmerisch gestalten!'), 'zukunft-unternehmerisch-gestalten.ics');
    assert.equal(icsFileName('Begegnung für Ältere – Görlitz'), 'begegnung-fuer-aeltere-goerlitz.ics');
    assert.equal(icsFileName('../../etc/passwd'), 'etc-passwd.ics');
    assert.equal(icsFileName('🌍'), 'termin.ics');
    assert.ok(icsFileName('x'.repeat(500)).length <= 64);
  });
});
