import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import { setupWorker } from 'msw/browser';
import { adapterContract } from '@sozial-innovativ/core/testing';
import { clearFetchCache, type AdapterError } from '@sozial-innovativ/core';
import { createJsonAdapter } from './json/index.js';
import { createIcalAdapter } from './ical/index.js';
import { createTribeAdapter } from './rest/index.js';
import { featureFeed, weeklyBerlin } from './ical/fixtures.js';
import { sampleData } from './json/fixtures.js';
import { tribeEvent } from './rest/fixtures.js';

const fast = { retryDelay: 1, maxAge: 0, timeout: 500 };
const all = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
const worker = setupWorker(
  http.get('https://json.example.test/data.json', () => HttpResponse.json(sampleData)),
  http.get('https://cal.example.test/termine.ics', () => HttpResponse.text(featureFeed, { headers: { 'Content-Type': 'text/calendar' } })),
  http.get('https://wp.example.test/wp-json/tribe/events/v1/events', ({ request }) => {
    const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
    return HttpResponse.json({ events: page === 1 ? [tribeEvent(1, 7), tribeEvent(2, 14)] : [tribeEvent(3, 21)], total: 3, total_pages: 2 });
  }),
);

before(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'error' });
});
after(() => worker.stop());
beforeEach(() => clearFetchCache());
afterEach(() => worker.resetHandlers());

adapterContract('json over HTTP', { create: () => createJsonAdapter({ src: 'https://json.example.test/data.json', fetchOptions: fast }), range: { from: '2025-10-01T00:00:00Z', to: '2025-11-01T00:00:00Z' } }, { describe, it });
adapterContract('ical over HTTP', { create: () => createIcalAdapter({ url: 'https://cal.example.test/termine.ics', fetchOptions: fast }), range: { from: '2025-10-01T00:00:00Z', to: '2025-10-25T00:00:00Z' } }, { describe, it });
adapterContract('tribe over HTTP', { create: () => createTribeAdapter({ src: 'https://wp.example.test', fetchOptions: fast }), range: { from: '2025-10-10T00:00:00Z', to: '2025-10-20T00:00:00Z' } }, { describe, it });

describe('adapters in the browser', () => {
  it('expand a weekly Berlin series across the DST change at 17:00 local', async () => {
    const r = await createIcalAdapter({ text: weeklyBerlin(false) }).events(all);
    expect(r.items.map((e) => e.start.slice(11))).to.deep.equal(['17:00:00+02:00', '17:00:00+02:00', '17:00:00+01:00', '17:00:00+01:00']);
  });

  it('page through The Events Calendar', async () => {
    const r = await createTribeAdapter({ src: 'https://wp.example.test', fetchOptions: fast }).events!(all);
    expect(r.items.map((e) => e.title)).to.deep.equal(['Treff 1', 'Treff 2', 'Treff 3']);
  });

  it('report a 404 after one request, retry a 500 a bounded number of times', async () => {
    let calls = 0;
    worker.use(http.get('https://json.example.test/data.json', () => (calls++, new HttpResponse(null, { status: 404 }))));
    const e404 = await createJsonAdapter({ src: 'https://json.example.test/data.json', fetchOptions: fast }).events!(all).catch((e: AdapterError) => e);
    expect((e404 as AdapterError).status).to.equal(404);
    expect(calls).to.equal(1);
    calls = 0;
    worker.use(http.get('https://json.example.test/data.json', () => (calls++, new HttpResponse(null, { status: 500 }))));
    const e500 = await createJsonAdapter({ src: 'https://json.example.test/data.json', fetchOptions: { ...fast, retries: 2 } }).events!(all).catch((e: AdapterError) => e);
    expect((e500 as AdapterError).status).to.equal(500);
    expect(calls).to.equal(3);
  });

  it('wait for Retry-After on 429, then succeed', async () => {
    let calls = 0;
    worker.use(http.get('https://json.example.test/data.json', () => (calls++ === 0 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } }) : HttpResponse.json(sampleData))));
    const r = await createJsonAdapter({ src: 'https://json.example.test/data.json', fetchOptions: fast }).events!(all);
    expect(r.items.length).to.equal(3);
    expect(r.dropped).to.equal(1);
    expect(calls).to.equal(2);
  });

  it('time out a stalled server with a timeout error', async () => {
    worker.use(http.get('https://json.example.test/data.json', async () => (await delay('infinite'), HttpResponse.json({}))));
    const e = await createJsonAdapter({ src: 'https://json.example.test/data.json', fetchOptions: { ...fast, timeout: 100, retries: 0 } }).events!(all).catch((x: AdapterError) => x);
    expect((e as AdapterError).kind).to.equal('timeout');
  });

  it('report malformed JSON and malformed ICS as parse errors', async () => {
    worker.use(
      http.get('https://json.example.test/data.json', () => HttpResponse.text('{"events": [')),
      http.get('https://cal.example.test/termine.ics', () => HttpResponse.text('<html>Fehler</html>')),
    );
    const j = await createJsonAdapter({ src: 'https://json.example.test/data.json', fetchOptions: fast }).events!(all).catch((x: AdapterError) => x);
    const i = await createIcalAdapter({ url: 'https://cal.example.test/termine.ics', fetchOptions: fast }).events(all).catch((x: AdapterError) => x);
    expect((j as AdapterError).kind).to.equal('parse');
    expect((i as AdapterError).kind).to.equal('parse');
  });

  it('abort mid-request with an AbortError', async () => {
    worker.use(http.get('https://cal.example.test/termine.ics', async () => (await delay(2000), HttpResponse.text(featureFeed))));
    const c = new AbortController();
    const p = createIcalAdapter({ url: 'https://cal.example.test/termine.ics', fetchOptions: fast }).events(all, { signal: c.signal });
    setTimeout(() => c.abort(), 50);
    const e = await p.catch((x: Error) => x);
    expect((e as Error).name).to.equal('AbortError');
  });
});
