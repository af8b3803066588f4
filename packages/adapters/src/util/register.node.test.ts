import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { AdapterError, clearFetchCache, createAdapter, supports, type Capability, type DataAdapter } from '@sozial-innovativ/core';
import '../register.js';
import { featureFeed } from '../ical/fixtures.js';
import { sampleData } from '../json/fixtures.js';
import { kvmEntries, kvmEvents, tribeEvent, wpPost } from '../rest/fixtures.js';

// Exactly what a declarative source (<si-data-source>, a widget's own src) passes: every other
// attribute as a string, camel-cased (core/src/controllers/source-options.ts).
const all = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
const CAPABILITIES: Capability[] = ['events', 'initiatives', 'questionnaire', 'offers'];
const capabilities = (a: DataAdapter) => CAPABILITIES.filter((c) => supports(a, c));

const server = setupServer();
let requests: URL[] = [];
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());
beforeEach(() => {
  clearFetchCache();
  requests = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(new URL(request.url));
  });
  server.use(
    http.get('https://data.example.test/termine.json', () => HttpResponse.json(sampleData)),
    http.get('https://data.example.test/termine.ics', () => HttpResponse.text(featureFeed)),
    http.get('https://api.example.test/termine', ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('seite'));
      return HttpResponse.json({ data: { items: [1, 2].map((i) => ({ key: `t${page}${i}`, name: `Termin ${page}.${i}`, when: { begin: `2025-10-1${page} 18:00` } })) } });
    }),
    http.get('https://wp.example.test/wp-json/wp/v2/initiative', () => HttpResponse.json([wpPost(1), wpPost(2)], { headers: { 'X-WP-TotalPages': '5' } })),
    http.get('https://wp.example.test/wp-json/tribe/events/v1/events', () => HttpResponse.json({ events: [tribeEvent(1, 7)], total_pages: 1 })),
    http.get('https://kvm.example.test/v0/search', () => HttpResponse.json({ visible: kvmEntries.map(({ id }) => ({ id })) })),
    http.get('https://kvm.example.test/v0/entries/:ids', () => HttpResponse.json(kvmEntries)),
    http.get('https://kvm.example.test/v0/events', () => HttpResponse.json(kvmEvents)),
  );
});
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
});

describe('register: createAdapter(type, string options)', () => {
  const cases: Array<[string, Record<string, unknown>, string, Capability[]]> = [
    ['memory', { data: { events: sampleData.events } }, 'memory', ['events']],
    ['json', { src: 'https://data.example.test/termine.json', timeout: '2000' }, 'json', CAPABILITIES],
    ['ical', { src: 'webcal://data.example.test/termine.ics', timeout: '2000', maxOccurrences: '3' }, 'ical', ['events']],
    ['rest', { src: 'https://api.example.test/termine', itemsPath: 'data.items', fields: '{"id":"key","title":"name","start":"when.begin"}' }, 'rest', ['events']],
    ['rest', { src: 'https://api.example.test/initiativen', listType: 'initiatives' }, 'rest', ['initiatives']],
    ['rest', { src: 'https://wp.example.test', preset: 'wordpress', postType: 'initiative' }, 'wordpress', ['initiatives']],
    ['rest', { src: 'https://wp.example.test', preset: 'tribe', perPage: '20' }, 'tribe', ['events']],
    ['wordpress', { src: 'https://wp.example.test', postType: 'initiative', perPage: '2', maxPages: '3' }, 'wordpress', ['initiatives']],
    ['tribe', { src: 'https://wp.example.test', timeout: '500' }, 'tribe', ['events']],
    ['kvm', { src: 'https://kvm.example.test/v0', bbox: '51.0,12.0,51.6,15.0', tags: 'wohnen,inklusion', limit: '50' }, 'kvm', ['events', 'initiatives']],
  ];
  for (const [type, options, kind, expected] of cases) {
    it(`${type} ${JSON.stringify(options).slice(0, 70)} → ${kind} with ${expected.join(', ')}`, async () => {
      const a = await createAdapter(type, options);
      assert.equal(a.kind, kind);
      assert.deepEqual(capabilities(a), expected);
    });
  }

  it('ical: maxOccurrences from a string caps the result', async () => {
    const a = await createAdapter('ical', { src: 'https://data.example.test/termine.ics', maxOccurrences: '3' });
    const r = await a.events!(all);
    assert.equal(r.items.length, 3);
    assert.equal((r as { truncated?: boolean }).truncated, true);
  });

  it('rest: fields JSON, per-page, max-pages and params from strings', async () => {
    const a = await createAdapter('rest', {
      src: 'https://api.example.test/termine', itemsPath: 'data.items', fields: '{"id":"key","title":"name","start":"when.begin"}',
      perPage: '2', maxPages: '2', params: '{"page":"seite","perPage":"anzahl"}',
    });
    const r = await a.events!(all);
    assert.deepEqual(r.items.map((e) => [e.id, e.title, e.start]), [
      ['t11', 'Termin 1.1', '2025-10-11T18:00:00+02:00'], ['t12', 'Termin 1.2', '2025-10-11T18:00:00+02:00'],
      ['t21', 'Termin 2.1', '2025-10-12T18:00:00+02:00'], ['t22', 'Termin 2.2', '2025-10-12T18:00:00+02:00'],
    ]);
    assert.deepEqual(requests.map((u) => [u.searchParams.get('seite'), u.searchParams.get('anzahl')]), [['1', '2'], ['2', '2']], 'max-pages stopped at 2');
  });

  it('wordpress: per-page and max-pages from strings', async () => {
    const a = await createAdapter('wordpress', { src: 'https://wp.example.test', postType: 'initiative', perPage: '2', maxPages: '3' });
    await a.initiatives!({});
    assert.deepEqual(requests.map((u) => u.searchParams.get('per_page')), ['2', '2', '2']);
  });

  it('kvm: bbox and tags from strings reach the API', async () => {
    const a = await createAdapter('kvm', { src: 'https://kvm.example.test/v0', bbox: '51.0,12.0,51.6,15.0', tags: 'wohnen,inklusion', limit: '50' });
    await a.initiatives!({});
    const search = requests.find((u) => u.pathname.endsWith('/search'))!;
    assert.equal(search.searchParams.get('bbox'), '51,12,51.6,15');
    assert.equal(search.searchParams.get('tags'), 'wohnen,inklusion');
    assert.equal(search.searchParams.get('limit'), '50');
    await a.events!(all);
    assert.deepEqual(requests.find((u) => u.pathname.endsWith('/events'))!.searchParams.getAll('tag'), ['wohnen', 'inklusion']);
  });

  for (const type of ['json', 'ical', 'rest', 'wordpress', 'tribe', 'kvm']) {
    it(`${type}: timeout from a string times out a stalled server`, async () => {
      server.use(http.get(/example\.test/, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }));
      const src = { json: 'https://data.example.test/termine.json', ical: 'https://data.example.test/termine.ics', kvm: 'https://kvm.example.test/v0' }[type] ?? 'https://wp.example.test';
      const a = await createAdapter(type, { src, timeout: '30', ...(type === 'rest' ? { preset: 'tribe' } : {}) });
      const call = a.events ? a.events(all) : a.initiatives!({});
      // Three attempts of 30 ms each, with the default backoff in between (well under a second).
      await assert.rejects(call, (e: AdapterError) => e instanceof AdapterError && e.kind === 'timeout' && /within 0(\.\d)? s/.test(e.message));
    });
  }

  for (const type of ['json', 'ical', 'rest', 'wordpress', 'tribe', 'kvm']) {
    it(`${type}: max-bytes from a string refuses a larger feed as too large`, async () => {
      const src = { json: 'https://data.example.test/termine.json', ical: 'https://data.example.test/termine.ics', kvm: 'https://kvm.example.test/v0' }[type] ?? 'https://wp.example.test';
      const a = await createAdapter(type, { src, maxBytes: '100', ...(type === 'rest' ? { preset: 'tribe' } : type === 'wordpress' ? { postType: 'initiative' } : {}) });
      const call = a.events ? a.events(all) : a.initiatives!({});
      await assert.rejects(call, (e: AdapterError) => e instanceof AdapterError && e.kind === 'too-large');
      assert.equal(requests.length, 1, 'a feed that is too large is not asked for again');
    });
  }

  it('refuses options it cannot read with a config error', async () => {
    const bad: Array<[string, Record<string, unknown>]> = [
      ['ical', {}],
      ['ical', { src: 'https://data.example.test/termine.ics', maxOccurrences: 'viele' }],
      ['rest', { src: 'https://api.example.test/termine', fields: '{kaputt' }],
      ['rest', { src: 'https://api.example.test/termine', perPage: '-5' }],
      ['rest', { src: 'https://api.example.test/termine', pagination: 'seitenweise' }],
      ['rest', { src: 'https://wp.example.test', preset: 'drupal' }],
      ['json', { src: 'https://data.example.test/termine.json', timeout: 'bald' }],
      ['json', { src: 'https://data.example.test/termine.json', maxBytes: 'viel' }],
      ['kvm', { bbox: '51.0,12.0,51.6' }],
      ['memory', {}],
      ['nirgendwo', { src: 'https://data.example.test/' }],
    ];
    for (const [type, options] of bad) {
      await assert.rejects(createAdapter(type, options), (e: AdapterError) => e instanceof AdapterError && e.kind === 'config', `${type} ${JSON.stringify(options)}`);
    }
  });
});
