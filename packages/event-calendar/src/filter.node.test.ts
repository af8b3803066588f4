import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateEvents } from '@sozial-innovativ/core';
import { indexEvents } from './days.js';
import { facets } from './facets.js';
import { filterEvents, isFilterActive, normalizeFilter, presetRange, emptyFilter, sameFilter } from './filter.js';

const index = indexEvents(validateEvents([
  { id: 'dd', title: 'Auftakt Dialogreihe', start: '2026-09-07T17:00:00+02:00', topics: ['Soziale Innovation'], format: 'onsite', location: { town: 'Dresden', name: 'Hygiene-Museum' } },
  { id: 'le', title: 'Sozialunternehmen gestalten', start: '2026-10-21T17:00:00+02:00', topics: ['Sozialunternehmen'], format: 'hybrid', location: { town: 'Leipzig', name: 'Impact Hub Leipzig' } },
  { id: 'ww', title: 'Ländlichen Raum stärken', start: '2026-11-09T17:00:00+01:00', topics: ['Ländlicher Raum', 'Wohnen'], location: { town: 'Weißwasser', name: 'TELUX' } },
  { id: 'on', title: 'Online-Sprechstunde', start: '2026-11-11T15:00:00+01:00', topics: ['wohnen'], format: 'online', description: 'Beratung zu Förderung' },
]).items);
const ids = (f: Parameters<typeof normalizeFilter>[0], today = '2026-11-10') => filterEvents(index, normalizeFilter(f), today).map((x) => x.event.id);

describe('filters', () => {
  it('passes everything without a filter', () => {
    assert.equal(isFilterActive(emptyFilter()), false);
    assert.deepEqual(ids({}), ['dd', 'le', 'ww', 'on']);
  });
  it('matches any of several topics, case-insensitively', () => {
    assert.deepEqual(ids({ topics: 'Wohnen' }), ['ww', 'on']);
    assert.deepEqual(ids({ topics: ['Sozialunternehmen', 'Soziale Innovation'] }), ['dd', 'le']);
  });
  it('matches towns, with ß and ss alike', () => {
    assert.deepEqual(ids({ towns: 'Weisswasser, Leipzig' }), ['le', 'ww']);
  });
  it('counts hybrid events as on site and as online', () => {
    assert.deepEqual(ids({ format: 'online' }), ['le', 'on']);
    assert.deepEqual(ids({ format: 'onsite' }), ['dd', 'le', 'ww']);
    assert.deepEqual(ids({ format: 'hybrid' }), ['le']);
  });
  it('needs every word of the free text, in any field, without diacritics', () => {
    assert.deepEqual(ids({ q: 'laendlichen' }), []);
    assert.deepEqual(ids({ q: 'landlichen raum' }), ['ww']);
    assert.deepEqual(ids({ q: 'impact leipzig' }), ['le']);
    assert.deepEqual(ids({ q: 'förderung' }), ['on']);
  });
  it('narrows to this week or this month around today', () => {
    assert.deepEqual(presetRange('week', '2026-11-11'), ['2026-11-09', '2026-11-16']);
    assert.deepEqual(presetRange('month', '2026-11-11'), ['2026-11-01', '2026-12-01']);
    assert.deepEqual(ids({ preset: 'week' }, '2026-11-11'), ['ww', 'on']);
    assert.deepEqual(ids({ preset: 'month' }, '2026-10-02'), ['le']);
  });
  it('ignores invalid values from attributes or the URL', () => {
    assert.deepEqual(normalizeFilter({ format: 'teleport', preset: 'year', topics: [1, ' Wohnen ', ''] }), { topics: ['Wohnen'], towns: [], format: '', q: '', preset: '' });
  });
  it('offers the topics and towns that occur, sorted the German way', () => {
    const f = facets(index);
    assert.deepEqual(f.towns, ['Dresden', 'Leipzig', 'Weißwasser']);
    assert.ok(f.topics.indexOf('Ländlicher Raum') < f.topics.indexOf('Sozialunternehmen'));
  });
});

describe('sameFilter', () => {
  it('tells the same filter from a changed one, whatever order its input came in', () => {
    assert.ok(sameFilter(emptyFilter(), normalizeFilter({})));
    assert.ok(sameFilter(normalizeFilter({ q: 'x', topics: 'Wohnen, Pflege' }), normalizeFilter({ topics: ['Wohnen', 'Pflege'], q: 'x' })));
    assert.ok(!sameFilter(normalizeFilter({ topics: 'Wohnen, Pflege' }), normalizeFilter({ topics: 'Pflege, Wohnen' })));
    assert.ok(!sameFilter(normalizeFilter({ topics: 'Wohnen' }), normalizeFilter({ towns: 'Wohnen' })));
    assert.ok(!sameFilter(emptyFilter(), normalizeFilter({ preset: 'week' })));
  });
});
