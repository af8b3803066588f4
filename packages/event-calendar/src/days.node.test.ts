import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateEvents } from '@sozial-innovativ/core';
import { agendaRows, indexEvents, upcomingRows } from './days.js';
import { groupByDay } from './month-grid.js';

const events = validateEvents([
  { id: 'late', title: 'Spät am Abend', start: '2026-10-21T23:30:00+02:00', end: '2026-10-22T00:30:00+02:00' },
  { id: 'leipzig', title: 'Impact Hub Leipzig', start: '2026-10-21T17:00:00+02:00', end: '2026-10-21T20:00:00+02:00' },
  { id: 'fachtag', title: 'Fachtag', start: '2026-10-20', end: '2026-10-23' },
  { id: 'utc', title: 'In UTC angegeben', start: '2026-10-21T22:30:00Z' },
  { id: 'ny', title: 'New York', start: '2026-10-21T20:00:00-04:00', timeZone: 'America/New_York' },
]).items;

describe('indexing events by day', () => {
  const index = indexEvents(events);
  const byId = Object.fromEntries(index.map((x) => [x.event.id, x]));

  it('sorts by start and keeps every event', () => {
    assert.deepEqual(index.map((x) => x.event.id), ['fachtag', 'leipzig', 'late', 'utc', 'ny']);
  });

  it('puts a timed event on its calendar days in its own time zone (Europe/Berlin by default)', () => {
    assert.equal(byId.utc!.firstDay, '2026-10-22'); // 22:30 UTC is 00:30 in Berlin
    assert.equal(byId.late!.firstDay, '2026-10-21');
    assert.equal(byId.late!.lastDay, '2026-10-22');
    assert.equal(byId.ny!.firstDay, '2026-10-21'); // 02:00 in Berlin, but 20:00 in New York
  });

  it('treats the end of an all-day event as exclusive', () => {
    assert.equal(byId.fachtag!.firstDay, '2026-10-20');
    assert.equal(byId.fachtag!.lastDay, '2026-10-22');
  });

  it('groups by day, spreading multi-day events and clipping to the range', () => {
    const days = groupByDay(index, '2026-10-21', '2026-10-23');
    assert.deepEqual(days.get('2026-10-21')!.map((x) => x.event.id), ['fachtag', 'leipzig', 'late', 'ny']);
    assert.deepEqual(days.get('2026-10-22')!.map((x) => x.event.id), ['fachtag', 'late', 'utc']);
    assert.equal(days.has('2026-10-20'), false);
    assert.equal(days.has('2026-10-23'), false);
  });

  it('lists each event once in the agenda, an ongoing one on the first day of the range', () => {
    const rows = agendaRows(index, '2026-10-21', '2026-11-01');
    assert.deepEqual(rows.map((r) => `${r.day} ${r.item.event.id}`), [
      '2026-10-21 fachtag', '2026-10-21 leipzig', '2026-10-21 late', '2026-10-21 ny', '2026-10-22 utc',
    ]);
  });

  it('takes the next N events that have not ended', () => {
    const now = Date.parse('2026-10-21T19:00:00+02:00');
    assert.deepEqual(upcomingRows(index, now, 3).map((r) => r.item.event.id), ['fachtag', 'leipzig', 'late']);
    assert.deepEqual(upcomingRows(index, Date.parse('2026-10-23T00:00:00Z'), 5), []);
  });
});
