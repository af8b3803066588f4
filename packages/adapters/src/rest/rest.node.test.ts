import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { adapterContract } from '@sozial-innovativ/core/testing';
import { clearFetchCache, createAdapter, type AdapterError } from '@sozial-innovativ/core';
import '../register.js';
import { createRestAdapter, createTribeAdapter, createWordPressAdapter, mapFields, nextLink } from './index.js';
import { createKvmAdapter } from '../kvm/index.js';
import { kvmEntries, kvmEvents, tribeEvent, wpPost } from './fixtures.js';

const fast = { retryDelay: 1, maxAge: 0, timeout: 300 };
const all = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());
beforeEach(() => {
  clearFetchCache();
  server.use(
    // WordPress: 3 pages of 2 posts, X-WP-Total / X-WP-TotalPages.
    http.get('https://wp.example.test/wp-json/wp/v2/initiative', ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page'));
      if (page > 3) return HttpResponse.json({ code: 'rest_post_invalid_page_number' }, { status: 400 });
      return HttpResponse.json([wpPost(page * 10 + 1), wpPost(page * 10 + 2)], { headers: { 'X-WP-Total': '6', 'X-WP-TotalPages': '3' } });
    }),
    // The Events Calendar: 2 pages, next_rest_url.
    http.get('https://wp.example.test/wp-json/tribe/events/v1/events', ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
      const events = page === 1 ? [tribeEvent(1, 7), tribeEvent(2, 14)] : [tribeEvent(3, 21), tribeEvent(4, 28)];
      return HttpResponse.json({ events, total: 4, total_pages: 2, ...(page === 1 ? { next_rest_url: 'https://wp.example.test/wp-json/tribe/events/v1/events?page=2' } : {}) });
    }),
    // A generic API with a Link header and offset paging.
    http.get('https://api.example.test/termine', ({ request }) => {
      const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
      const items = [0, 1].map((i) => ({ key: `t${offset + i}`, name: `Termin ${offset + i}`, when: { begin: `2025-10-${10 + offset + i} 18:00` } }));
      const headers: Record<string, string> = offset < 2 ? { Link: `<https://api.example.test/termine?offset=${offset + 2}&limit=2>; rel="next"` } : {};
      return HttpResponse.json({ data: { items } }, { headers });
    }),
    http.get('https://kvm.example.test/v0/search', () => HttpResponse.json({ visible: kvmEntries.map(({ id }) => ({ id })), invisible: [] })),
    http.get('https://kvm.example.test/v0/entries/:ids', ({ params }) => HttpResponse.json(kvmEntries.filter((e) => String(params.ids).split(',').includes(e.id)))),
    http.get('https://kvm.example.test/v0/events', () => HttpResponse.json(kvmEvents)),
  );
});
afterEach(() => server.resetHandlers());

adapterContract('wordpress', { create: () => createWordPressAdapter({ src: 'https://wp.example.test', postType: 'initiative', fetchOptions: fast }) }, { describe, it });
adapterContract('tribe', { create: () => createTribeAdapter({ src: 'https://wp.example.test', fetchOptions: fast }), range: { from: '2025-10-10T00:00:00Z', to: '2025-10-20T00:00:00Z' } }, { describe, it });
adapterContract('kvm', { create: () => createKvmAdapter({ src: 'https://kvm.example.test/v0', fetchOptions: fast }), range: { from: '2025-10-01T00:00:00Z', to: '2025-10-31T00:00:00Z' } }, { describe, it });

describe('rest adapter', () => {
  it('pages through WordPress by X-WP-TotalPages and maps posts with _embed', async () => {
    const r = await createWordPressAdapter({ src: 'https://wp.example.test', postType: 'initiative', fetchOptions: fast }).initiatives!({});
    assert.equal(r.items.length, 6);
    assert.equal(r.total, 6);
    const first = r.items[0]!;
    assert.equal(first.name, 'Initiative „Nr. 11“ & Co');
    assert.equal(first.summary, 'Kurz und gut');
    assert.deepEqual(first.topics, ['Teilhabe', 'Ehrenamt']);
    assert.deepEqual(first.image, { url: 'https://wp.example.test/img/11.jpg', alt: 'Gruppe' });
  });

  it('follows next_rest_url of The Events Calendar and reads UTC times', async () => {
    const r = await createTribeAdapter({ src: 'https://wp.example.test', fetchOptions: fast }).events!(all);
    assert.deepEqual(r.items.map((e) => e.start), ['2025-10-07T15:00:00Z', '2025-10-14T15:00:00Z', '2025-10-21T15:00:00Z', '2025-10-28T15:00:00Z']);
    assert.equal(r.items[0]!.location?.town, 'Chemnitz');
    assert.equal(r.items[0]!.description, 'Offen für alle');
  });

  it('follows Link rel="next", maps fields and reads local times in Berlin', async () => {
    const a = createRestAdapter({ src: 'https://api.example.test/termine', itemsPath: 'data.items', pagination: 'offset', perPage: 2, fields: '{"id":"key","title":"name","start":"when.begin"}', fetchOptions: fast });
    const r = await a.events!(all);
    assert.deepEqual(r.items.map((e) => e.id), ['t0', 't1', 't2', 't3']);
    assert.equal(r.items[0]!.start, '2025-10-10T18:00:00+02:00');
  });

  it('reads local times in the zone an item names', () => {
    const item = { id: 1, title: 'Online-Treffen', start: '2025-10-10 18:00', end: '2025-10-10T19:30:00', timeZone: 'Europe/London' };
    assert.deepEqual(mapFields(item, {}, 'events'), { ...item, id: '1', start: '2025-10-10T18:00:00+01:00', end: '2025-10-10T19:30:00+01:00' });
    // An offset in the data wins; an unknown zone leaves Berlin (and validation drops the item for its zone).
    assert.equal((mapFields({ ...item, start: '2025-10-10T18:00:00Z' }, {}, 'events') as { start: string }).start, '2025-10-10T18:00:00Z');
    assert.equal((mapFields({ ...item, timeZone: 'Mars/Olympus' }, {}, 'events') as { start: string }).start, '2025-10-10T18:00:00+02:00');
  });

  it('stops at maxPages', async () => {
    const a = createRestAdapter({ src: 'https://api.example.test/termine', itemsPath: 'data.items', pagination: 'offset', perPage: 2, maxPages: '1', fields: { id: 'key', title: 'name', start: 'when.begin' }, fetchOptions: fast });
    const r = await a.events!(all);
    assert.equal(r.items.length, 2);
    assert.equal((r as { truncated?: boolean }).truncated, true);
  });

  it('reads Link headers', () => {
    assert.equal(nextLink('<https://x.test/?page=1>; rel="prev", <https://x.test/?page=3>; rel="next"'), 'https://x.test/?page=3');
    assert.equal(nextLink('<https://x.test/>; rel="last"'), undefined);
  });

  it('reports a 404 after one request', async () => {
    let calls = 0;
    server.use(http.get('https://wp.example.test/wp-json/wp/v2/posts', () => (calls++, new HttpResponse(null, { status: 404 }))));
    await assert.rejects(createWordPressAdapter({ src: 'https://wp.example.test', fetchOptions: fast }).initiatives!({}), (e: AdapterError) => e.status === 404);
    assert.equal(calls, 1);
  });

  it('is registered for source-type with string options', async () => {
    const a = await createAdapter('rest', { src: 'https://wp.example.test', preset: 'tribe', timeout: '300' });
    assert.equal(a.kind, 'tribe');
    const k = await createAdapter('kvm', { src: 'https://kvm.example.test/v0', bbox: '50.1,11.8,51.7,15.1', tags: 'reparatur' });
    assert.equal((await k.initiatives!({})).items.length, 2);
  });
});

describe('kvm adapter', () => {
  it('maps entries with source and licence, and events by time', async () => {
    const a = createKvmAdapter({ src: 'https://kvm.example.test/v0', fetchOptions: fast });
    const i = (await a.initiatives!({})).items;
    assert.equal(i[0]!.kind, 'social-enterprise');
    assert.deepEqual(i[0]!.source, { name: 'Karte von morgen', url: 'https://kartevonmorgen.org/#/?entry=a1', licence: 'CC0-1.0' });
    assert.deepEqual(i[1]!.region?.geo, { lat: 51.34, lon: 12.37 });
    const e = (await a.events!({ from: '2025-10-01T00:00:00Z', to: '2025-11-01T00:00:00Z' })).items;
    assert.deepEqual(e.map((x) => [x.title, x.start]), [['Tauschbörse', '2025-10-21T17:00:00+02:00']]);
  });
  it('rejects a malformed bbox', () => {
    assert.throws(() => createKvmAdapter({ bbox: '1,2,3' }), (e: AdapterError) => e.kind === 'config');
  });
});
