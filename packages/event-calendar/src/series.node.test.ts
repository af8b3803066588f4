import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateEvents } from '@sozial-innovativ/core';
import { agendaRows, indexEvents, type DayEvent } from './days.js';
import { groupSeries, seriesRule, seriesText } from './series.js';

const index = (raw: unknown[]): DayEvent[] => indexEvents(validateEvents(raw).items);
/** Occurrences of `uid` at `starts` (offsets included), one hour each. */
const series = (uid: string, starts: string[], title = 'Dialog') =>
  starts.map((start, i) => ({ id: `${uid}-${i}`, uid, title, start, end: start.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`) }));

// 12 Tuesdays at 17:00 from 8 Dec 2026 (winter time), one taken out (5 Jan).
const tuesdays = ['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02', '2027-02-09', '2027-02-16', '2027-02-23', '2027-03-02']
  .map((d) => `${d}T17:00:00+01:00`);
const now = Date.parse('2026-12-02T12:00:00Z');

describe('seriesRule', () => {
  it('weekly: same weekday and time, gaps allowed', () => {
    assert.deepEqual(seriesRule(index(series('a', tuesdays))), { kind: 'weekly', day: '2026-12-01', time: '17:00' });
  });
  it('weekly across the change to summer time stays at the wall time', () => {
    assert.equal(seriesRule(index(series('a', ['2027-03-23T17:00:00+01:00', '2027-03-30T17:00:00+02:00']))).kind, 'weekly');
  });
  it('daily, monthly, and otherwise a number of dates', () => {
    assert.deepEqual(seriesRule(index(series('d', ['2026-12-07T09:00:00+01:00', '2026-12-08T09:00:00+01:00', '2026-12-09T09:00:00+01:00']))), { kind: 'daily', day: '2026-12-07', time: '09:00' });
    assert.deepEqual(seriesRule(index(series('m', ['2026-10-08T18:30:00+02:00', '2026-11-08T18:30:00+01:00', '2027-01-08T18:30:00+01:00']))), { kind: 'monthly', day: '2026-10-08', time: '18:30' });
    assert.deepEqual(seriesRule(index(series('x', ['2026-12-07T09:00:00+01:00', '2026-12-09T09:00:00+01:00', '2026-12-17T09:00:00+01:00']))), { kind: 'dates' });
    assert.deepEqual(seriesRule(index(series('t', ['2026-12-01T17:00:00+01:00', '2026-12-08T18:00:00+01:00']))), { kind: 'dates' }, 'a changed time is no rule');
    assert.deepEqual(seriesRule(index([{ id: 'w1', uid: 'w', title: 'Markt', start: '2026-12-05' }, { id: 'w2', uid: 'w', title: 'Markt', start: '2026-12-12' }])), { kind: 'weekly', day: '2026-12-05', time: '' });
  });
});

describe('seriesText', () => {
  const items = index(series('a', tuesdays));
  it('German, English and easy-to-read German', () => {
    assert.equal(seriesText('de', items, now), 'jeden Dienstag, 17:00 · nächster Termin 8. Dez. · 11 weitere Termine');
    assert.equal(seriesText('en', items, now), 'every Tuesday, 17:00 · next date 8 Dec · 11 more dates');
    assert.equal(seriesText('easy', items, now), 'Jeden Dienstag um 17:00 Uhr. Der nächste Termin ist am 8. Dezember. Danach gibt es noch 11 Termine.');
  });
  it('daily, monthly and dates in words; the last date has no "more"', () => {
    const daily = index(series('d', ['2026-12-07T09:00:00+01:00', '2026-12-08T09:00:00+01:00']));
    assert.equal(seriesText('de', daily, now), 'täglich, 09:00 · nächster Termin 7. Dez. · 1 weiterer Termin');
    const monthly = index(series('m', ['2026-12-08T18:30:00+01:00', '2027-01-08T18:30:00+01:00']));
    assert.equal(seriesText('en', monthly, now), 'monthly on day 8, 18:30 · next date 8 Dec · 1 more date');
    assert.equal(seriesText('easy', monthly, now), 'Jeden Monat am 8. Tag um 18:30 Uhr. Der nächste Termin ist am 8. Dezember. Danach gibt es noch 1 Termin.');
    const dates = index(series('x', ['2026-12-07T09:00:00+01:00', '2026-12-09T10:00:00+01:00']));
    assert.equal(seriesText('de', dates, Date.parse('2026-12-09T08:00:00Z')), '2 Termine · nächster Termin 9. Dez.');
  });
});

describe('groupSeries', () => {
  it('one row per series, at its next date, holding all its rows; single events stay', () => {
    const list = index([...series('a', tuesdays), { id: 'fest', title: 'Fest', start: '2026-12-04T15:00:00+01:00' }]);
    const rows = groupSeries(agendaRows(list, '2026-12-01', '2027-04-01'), now);
    assert.deepEqual(rows.map((r) => [r.day, r.item.event.id, r.series?.length]), [['2026-12-04', 'fest', undefined], ['2026-12-08', 'a-1', 13]]);
  });
  it('a series with one date in range is a plain row', () => {
    const rows = groupSeries(agendaRows(index(series('a', tuesdays)), '2026-12-01', '2026-12-05'), now);
    assert.deepEqual(rows.map((r) => [r.item.event.id, r.series]), [['a-0', undefined]]);
  });
});
