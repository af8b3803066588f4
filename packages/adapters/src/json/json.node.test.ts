import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { adapterContract } from '@sozial-innovativ/core/testing';
import {
  AdapterError, clearFetchCache, EVENT_FORMATS, EVENT_STATUSES, INITIATIVE_KINDS, QUESTION_KINDS, REGISTRATION_STATES,
} from '@sozial-innovativ/core';
import { createJsonAdapter } from './index.js';
import { sampleData, schemaOrgEvents } from './fixtures.js';

const all = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
const fast = { retryDelay: 1, maxAge: 0, timeout: 300, retries: 2 };

adapterContract('json (inline)', { create: () => createJsonAdapter({ data: sampleData }), range: { from: '2025-10-01T00:00:00Z', to: '2025-11-01T00:00:00Z' } }, { describe, it });
adapterContract('json (schema.org)', { create: () => createJsonAdapter({ data: schemaOrgEvents }), range: { from: '2025-10-01T00:00:00Z', to: '2025-10-25T00:00:00Z' } }, { describe, it });

describe('json adapter: schema.org JSON-LD', () => {
  it('maps Event with status, attendance mode, location, superEvent and NGO/Project', async () => {
    const a = createJsonAdapter({ data: schemaOrgEvents });
    const events = (await a.events!(all)).items;
    const byTitle = new Map(events.map((e) => [e.title, e]));
    const w = byTitle.get('Werkstatt Zukunft')!;
    assert.equal(w.start, '2025-10-21T17:00:00+02:00', 'local schema.org time read in Berlin');
    assert.equal(w.status, 'cancelled');
    assert.equal(w.format, 'hybrid');
    assert.equal(w.location?.town, 'Leipzig');
    assert.equal(w.onlineUrl, 'https://meet.example.test/w');
    assert.equal(w.uid, 'https://example.test/reihe');
    assert.ok(w.topics.includes('Reihe Zukunft'));
    assert.equal(byTitle.get('Online-Sprechstunde')!.format, 'online');
    const initiatives = (await a.initiatives!({})).items;
    assert.deepEqual(initiatives.map((i) => [i.name, i.kind]).sort(), [['Bürgerverein Görlitz', 'organisation'], ['Repair-Café', 'project']]);
  });
});

describe('json adapter: robustness', () => {
  it('keeps valid items from a feed with 10 % invalid ones and counts the rest', async () => {
    const events = Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? { id: `b${i}`, title: '', start: 'kaputt' } : { id: `e${i}`, title: `T ${i}`, start: '2025-10-21T17:00:00+02:00' }));
    const r = await createJsonAdapter({ data: { events } }).events!(all);
    assert.equal(r.items.length, 90);
    assert.equal(r.dropped, 10);
  });

  it('ignores __proto__ and constructor keys (no prototype pollution)', async () => {
    const data = JSON.parse('{"events":[{"id":"x","title":"t","start":"2025-10-21","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}],"__proto__":{"polluted":3}}');
    const r = await createJsonAdapter({ data }).events!(all);
    assert.equal(r.items.length, 1);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(r.items[0]), Object.prototype);
    assert.equal((r.items[0] as Record<string, unknown>).polluted, undefined);
  });

  it('caps 1 MB strings and 100 000 items', async () => {
    const huge = 'x'.repeat(1_000_000);
    const events = Array.from({ length: 100_000 }, (_, i) => ({ id: `e${i}`, title: i === 0 ? huge : 't', start: '2025-10-21' }));
    const r = await createJsonAdapter({ data: { events } }).events!(all);
    assert.equal(r.items.length, 50_000);
    assert.equal(r.dropped, 50_000);
    assert.equal(r.items[0]!.title.length, 300);
  });

  it('rejects data in no known shape with a parse error', () => {
    assert.throws(() => createJsonAdapter({ data: [1, 2] }), (e: AdapterError) => e.kind === 'parse');
  });
});

describe('json adapter over HTTP (msw/node)', () => {
  const server = setupServer();
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());
  beforeEach(() => clearFetchCache());
  afterEach(() => server.resetHandlers());
  const url = 'https://json.example.test/data.json';

  it('loads, 404 once, 500 retried, 429 with Retry-After, malformed JSON, stalled server', async () => {
    let calls = 0;
    server.use(http.get(url, () => HttpResponse.json(sampleData)));
    assert.ok((await createJsonAdapter({ src: url, fetchOptions: fast }).events!(all)).items.length > 0);

    server.use(http.get(url, () => (calls++, new HttpResponse(null, { status: 404 }))));
    clearFetchCache();
    await assert.rejects(createJsonAdapter({ src: url, fetchOptions: fast }).events!(all), (e: AdapterError) => e.kind === 'http' && e.status === 404);
    assert.equal(calls, 1);

    calls = 0;
    server.use(http.get(url, () => (calls++, new HttpResponse(null, { status: 500 }))));
    await assert.rejects(createJsonAdapter({ src: url, fetchOptions: fast }).events!(all), (e: AdapterError) => e.status === 500);
    assert.equal(calls, 3);

    calls = 0;
    server.use(http.get(url, () => (calls++ === 0 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } }) : HttpResponse.json(sampleData))));
    assert.ok((await createJsonAdapter({ src: url, fetchOptions: fast }).events!(all)).items.length > 0);
    assert.equal(calls, 2);

    clearFetchCache();
    server.use(http.get(url, () => HttpResponse.text('{"events": [')));
    await assert.rejects(createJsonAdapter({ src: url, fetchOptions: fast }).events!(all), (e: AdapterError) => e.kind === 'parse');

    clearFetchCache();
    server.use(http.get(url, async () => (await delay('infinite'), HttpResponse.json({}))));
    await assert.rejects(createJsonAdapter({ src: url, fetchOptions: { ...fast, timeout: 50, retries: 0 } }).events!(all), (e: AdapterError) => e.kind === 'timeout');
  });

  it('aborts mid-request with an AbortError', async () => {
    server.use(http.get(url, async () => (await delay(500), HttpResponse.json(sampleData))));
    const c = new AbortController();
    const p = createJsonAdapter({ src: url, fetchOptions: fast }).events!(all, { signal: c.signal });
    setTimeout(() => c.abort(), 20);
    await assert.rejects(p, (e: Error) => e.name === 'AbortError');
  });
});

describe('JSON Schema of the documented format', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schema/sozial-innovativ.schema.json', import.meta.url), 'utf8'));
  it('lists exactly the enums of the core model', () => {
    const d = schema.$defs;
    assert.deepEqual(d.event.properties.status.enum, [...EVENT_STATUSES]);
    assert.deepEqual(d.event.properties.format.enum, [...EVENT_FORMATS]);
    assert.deepEqual(d.registration.properties.state.enum, [...REGISTRATION_STATES]);
    assert.deepEqual(d.initiative.properties.kind.enum, [...INITIATIVE_KINDS]);
    assert.deepEqual(d.question.properties.kind.enum, [...QUESTION_KINDS]);
    assert.deepEqual(d.event.required, ['id', 'title', 'start']);
    assert.deepEqual(d.initiative.required, ['id', 'name']);
  });
  it('accepts the sample data (required fields and enums)', () => {
    for (const e of sampleData.events) {
      for (const k of schema.$defs.event.required) assert.ok(k in e, k);
      if ('status' in e) assert.ok(schema.$defs.event.properties.status.enum.includes(e.status));
    }
    for (const i of sampleData.initiatives) for (const k of schema.$defs.initiative.required) assert.ok(k in i, k);
  });
});
