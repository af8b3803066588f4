import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { adapterContract } from '@sozial-innovativ/core/testing';
import { AdapterError, clearFetchCache } from '@sozial-innovativ/core';
import { createIcalAdapter, parseIcs, expandIcs, zonedWallToEpoch } from './index.js';
import { bigFeed, featureFeed, ics, weeklyBerlin } from './fixtures.js';

const all = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
const events = async (text: string, range = all) => (await createIcalAdapter({ text }).events(range)).items;

adapterContract('ical', { create: () => createIcalAdapter({ text: featureFeed }), range: { from: '2025-10-01T00:00:00Z', to: '2025-10-25T00:00:00Z' } }, { describe, it });

describe('ical adapter: time zones', () => {
  for (const withVtimezone of [true, false]) {
    it(`keeps a weekly 17:00 Berlin series at 17:00 local across the DST change (${withVtimezone ? 'VTIMEZONE' : 'IANA TZID only'})`, async () => {
      const list = await events(weeklyBerlin(withVtimezone));
      assert.deepEqual(list.map((e) => e.start), [
        '2025-10-14T17:00:00+02:00', '2025-10-21T17:00:00+02:00', '2025-10-28T17:00:00+01:00', '2025-11-04T17:00:00+01:00',
      ], 'UNTIL=20251104T160000Z is 17:00 CET and includes the last one');
      assert.deepEqual(list.map((e) => e.end), [
        '2025-10-14T19:00:00+02:00', '2025-10-21T19:00:00+02:00', '2025-10-28T19:00:00+01:00', '2025-11-04T19:00:00+01:00',
      ]);
      assert.equal(list[2]!.id, 'treff@example.test@2025-10-28T16:00:00Z');
      assert.equal(list[0]!.timeZone, 'Europe/Berlin');
      assert.equal(list[0]!.location?.name, 'Stadtteilladen, Leipzig');
      assert.deepEqual(list[0]!.topics, ['Begegnung', 'Nachbarschaft']);
      assert.equal(new Set(list.map((e) => e.uid)).size, 1);
    });
  }

  it('reads a time in a DST gap with the offset before the gap, an ambiguous time as the first one', () => {
    const gap = zonedWallToEpoch({ year: 2025, month: 3, day: 30, hour: 2, minute: 30, second: 0 }, 'Europe/Berlin');
    assert.equal(new Date(gap).toISOString(), '2025-03-30T01:30:00.000Z');
    const twice = zonedWallToEpoch({ year: 2025, month: 10, day: 26, hour: 2, minute: 30, second: 0 }, 'Europe/Berlin');
    assert.equal(new Date(twice).toISOString(), '2025-10-26T00:30:00.000Z');
  });

  it('reads floating times in X-WR-TIMEZONE, or Berlin without it', async () => {
    const ny = ics('X-WR-TIMEZONE:America/New_York', 'BEGIN:VEVENT', 'UID:f', 'DTSTART:20250701T090000', 'SUMMARY:x', 'END:VEVENT');
    assert.equal((await events(ny))[0]!.start, '2025-07-01T09:00:00-04:00');
    const plain = ics('BEGIN:VEVENT', 'UID:f', 'DTSTART:20250701T090000', 'SUMMARY:x', 'END:VEVENT');
    assert.equal((await events(plain))[0]!.start, '2025-07-01T09:00:00+02:00');
  });

  it('uses a custom VTIMEZONE of the feed and maps prefixed and Windows TZIDs', async () => {
    const custom = ics(
      'BEGIN:VTIMEZONE', 'TZID:Meine Zone', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0300', 'TZOFFSETTO:+0300', 'END:STANDARD', 'END:VTIMEZONE',
      'BEGIN:VEVENT', 'UID:a', 'DTSTART;TZID=Meine Zone:20250701T120000', 'SUMMARY:x', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b', 'DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20250101T120000', 'SUMMARY:x', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:c', 'DTSTART;TZID=W. Europe Standard Time:20250701T120000', 'SUMMARY:x', 'END:VEVENT',
    );
    const byUid = new Map((await events(custom)).map((e) => [e.uid, e]));
    assert.equal(new Date(byUid.get('a')!.start).toISOString(), '2025-07-01T09:00:00.000Z');
    assert.equal(byUid.get('b')!.start, '2025-01-01T12:00:00+01:00');
    assert.equal(byUid.get('c')!.start, '2025-07-01T12:00:00+02:00');
  });
});

describe('ical adapter: recurrence and event kinds', () => {
  it('applies EXDATE, RDATE, moved and cancelled instances', async () => {
    const list = (await events(featureFeed)).filter((e) => e.uid === 'werkstatt');
    assert.deepEqual(list.map((e) => [e.start, e.status, e.title]), [
      ['2025-10-06T18:00:00+02:00', 'scheduled', 'Ideenwerkstatt'],
      ['2025-10-21T19:00:00+02:00', 'scheduled', 'Ideenwerkstatt (verschoben)'],
      ['2025-10-22T10:00:00+02:00', 'scheduled', 'Ideenwerkstatt'],
      ['2025-10-27T18:00:00+01:00', 'scheduled', 'Ideenwerkstatt'],
      ['2025-11-03T18:00:00+01:00', 'cancelled', 'Ideenwerkstatt'],
      ['2025-11-10T18:00:00+01:00', 'scheduled', 'Ideenwerkstatt'],
    ]);
    assert.equal(list[0]!.end, '2025-10-06T19:30:00+02:00');
    assert.equal(list[1]!.id, 'werkstatt@2025-10-20T16:00:00Z', 'a moved instance keeps the id of its slot');
    assert.equal(new Set(list.map((e) => e.id)).size, list.length);
  });

  it('writes all-day events as dates with an exclusive end, and reads DURATION, STATUS, GEO, ORGANIZER', async () => {
    const byUid = new Map((await events(featureFeed)).map((e) => [e.uid, e]));
    assert.deepEqual([byUid.get('fest')!.start, byUid.get('fest')!.end, byUid.get('fest')!.allDay], ['2025-10-03', '2025-10-06', true]);
    assert.deepEqual([byUid.get('tag')!.start, byUid.get('tag')!.end], ['2025-10-31', '2025-11-01']);
    assert.equal(byUid.get('floating')!.start, '2025-11-10T09:00:00+01:00');
    assert.equal(byUid.get('abgesagt')!.status, 'cancelled');
    const forum = byUid.get('utc')!;
    assert.equal(forum.start, '2025-11-15T10:00:00+01:00');
    assert.equal(forum.end, '2025-11-16T12:00:00+01:00');
    assert.equal(forum.description, 'Zeile eins\nZeile zwei; mit Semikolon, Komma und einer sehr langen Fortsetzung die gefaltet wurde');
    assert.deepEqual(forum.location?.geo, { lat: 51.05, lon: 13.74 });
    assert.deepEqual(forum.organizer, { name: 'Stadt Dresden', email: 'info@example.test' });
    assert.equal(forum.url, 'https://example.test/forum');
    assert.equal(forum.source?.name, 'Sozial.Innovativ Termine');
  });

  it('counts unreadable events and keeps the rest', async () => {
    const r = await createIcalAdapter({ text: featureFeed }).events(all);
    assert.equal(r.dropped, 1);
    assert.ok(r.items.length > 5);
  });

  it('returns only occurrences touching the range, multi-day events included', async () => {
    const r = await events(featureFeed, { from: '2025-10-04T00:00:00+02:00', to: '2025-10-07T00:00:00+02:00' });
    assert.deepEqual(r.map((e) => e.uid), ['fest', 'werkstatt']);
  });

  it('expands an all-day yearly series and a COUNT that starts before the range', async () => {
    const feed = ics('BEGIN:VEVENT', 'UID:y', 'DTSTART;VALUE=DATE:20200229', 'RRULE:FREQ=YEARLY;COUNT=3', 'SUMMARY:Schalttag', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:m', 'DTSTART;VALUE=DATE:20250131', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3', 'SUMMARY:Monatsende', 'END:VEVENT');
    const list = await events(feed);
    assert.deepEqual(list.filter((e) => e.uid === 'y').map((e) => e.start), ['2020-02-29', '2024-02-29', '2028-02-29']);
    assert.deepEqual(list.filter((e) => e.uid === 'm').map((e) => e.start), ['2025-01-31', '2025-02-28', '2025-03-31']);
  });
});

describe('ical adapter: robustness', () => {
  it('rejects text that is not iCalendar with a parse error', async () => {
    for (const text of ['<html>Not found</html>', '', 'BEGIN:VCALENDAR\r\ngarbage without colon\r\nEND:VCALENDAR']) {
      await assert.rejects(createIcalAdapter({ text }).events(all), (e: AdapterError) => e instanceof AdapterError && e.kind === 'parse');
    }
  });

  it('caps the expansion of an endless, dense series', async () => {
    const feed = ics('BEGIN:VEVENT', 'UID:s', 'DTSTART:20250101T000000Z', 'RRULE:FREQ=MINUTELY', 'SUMMARY:x', 'END:VEVENT');
    const r = await createIcalAdapter({ text: feed }).events({ from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    assert.equal(r.items.length, 10_000);
    assert.equal(r.truncated, true);
  });

  it('reads a feed of 5 000 events plus daily series and respects the range and the cap', async () => {
    const text = bigFeed(5000);
    const adapter = createIcalAdapter({ text, maxOccurrences: 2000 });
    const week = await adapter.events({ from: '2025-03-01T00:00:00Z', to: '2025-03-08T00:00:00Z' });
    assert.equal(week.items.filter((e) => e.uid.startsWith('e')).length, 7 * 24);
    assert.equal(week.items.filter((e) => e.uid.startsWith('daily')).length, 50 * 7);
    assert.equal(week.truncated, false);
    const everything = await adapter.events(all);
    assert.equal(everything.items.length, 2000);
    assert.equal(everything.truncated, true);
    assert.equal(parseIcs(text), parseIcs(text), 'parsed once per text');
  });

  it('keeps 1 MB strings capped', async () => {
    const huge = 'x'.repeat(1_000_000);
    const r = await events(ics('BEGIN:VEVENT', 'UID:h', 'DTSTART:20250101T000000Z', `SUMMARY:${huge}`, `DESCRIPTION:${huge}`, 'END:VEVENT'));
    assert.equal(r[0]!.title.length, 300);
    assert.ok(r[0]!.description!.length <= 8000);
  });

  it('expands directly from a parsed calendar', () => {
    const r = expandIcs(parseIcs(weeklyBerlin(false)), Date.parse('2025-10-20T00:00:00Z'), Date.parse('2025-10-22T00:00:00Z'));
    assert.equal(r.items.length, 1);
  });
});

describe('ical adapter over HTTP (msw/node)', () => {
  const server = setupServer();
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());
  beforeEach(() => clearFetchCache());
  afterEach(() => server.resetHandlers());
  const fast = { retryDelay: 1, maxAge: 0, timeout: 200 };

  it('fetches webcal: as https: and exposes the feed URL', async () => {
    server.use(http.get('https://cal.example.test/termine.ics', () => HttpResponse.text(featureFeed, { headers: { 'Content-Type': 'text/calendar' } })));
    const a = createIcalAdapter({ src: 'webcal://cal.example.test/termine.ics', fetchOptions: fast });
    assert.equal(a.feedUrl, 'https://cal.example.test/termine.ics');
    const r = await a.events(all);
    assert.ok(r.items.length > 5);
    assert.equal(r.items[0]!.source?.url, 'https://cal.example.test/termine.ics');
  });

  it('reports a 404 after one request', async () => {
    let calls = 0;
    server.use(http.get('https://cal.example.test/weg.ics', () => (calls++, new HttpResponse(null, { status: 404 }))));
    await assert.rejects(createIcalAdapter({ url: 'https://cal.example.test/weg.ics', fetchOptions: fast }).events(all),
      (e: AdapterError) => e.kind === 'http' && e.status === 404);
    assert.equal(calls, 1);
  });

  it('refuses a javascript: URL', () => {
    assert.throws(() => createIcalAdapter({ url: 'javascript:alert(1)' }), (e: AdapterError) => e.kind === 'config');
  });
});
