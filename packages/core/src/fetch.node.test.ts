import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { clearFetchCache, fetchJson, fetchText, parseRetryAfter } from './fetch.js';
import { AdapterError } from './adapter.js';

const server = setupServer();
const fast = { retryDelay: 5, maxAge: 0 };

describe('fetchText', () => {
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());
  beforeEach(() => clearFetchCache());
  afterEach(() => server.resetHandlers());

  it('does not retry a 404 and reports it', async () => {
    let calls = 0;
    server.use(http.get('https://data.test/x', () => (calls++, new HttpResponse(null, { status: 404 }))));
    await assert.rejects(fetchText('https://data.test/x', fast), (e: AdapterError) => e.kind === 'http' && e.status === 404);
    assert.equal(calls, 1);
  });

  it('retries a 500 a bounded number of times', async () => {
    let calls = 0;
    server.use(http.get('https://data.test/x', () => (calls++, new HttpResponse(null, { status: 500 }))));
    await assert.rejects(fetchText('https://data.test/x', { ...fast, retries: 2 }), (e: AdapterError) => e.status === 500);
    assert.equal(calls, 3);
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    let calls = 0;
    const times: number[] = [];
    server.use(
      http.get('https://data.test/x', () => {
        times.push(Date.now());
        return calls++ === 0 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '1' } }) : HttpResponse.text('ok');
      }),
    );
    const res = await fetchText('https://data.test/x', fast);
    assert.equal(res.text, 'ok');
    assert.ok(times[1]! - times[0]! >= 900, `waited ${times[1]! - times[0]!} ms`);
  });

  it('times out a stalled server', async () => {
    server.use(http.get('https://data.test/x', async () => (await delay('infinite'), HttpResponse.text('late'))));
    await assert.rejects(fetchText('https://data.test/x', { ...fast, timeout: 50, retries: 1 }), (e: AdapterError) => e.kind === 'timeout');
  });

  it('revalidates with ETag and serves stale data when the source fails', async () => {
    let calls = 0;
    server.use(
      http.get('https://data.test/x', ({ request }) => {
        calls++;
        if (calls === 1) return HttpResponse.text('v1', { headers: { ETag: '"a"' } });
        if (calls === 2) {
          assert.equal(request.headers.get('If-None-Match'), '"a"');
          return new HttpResponse(null, { status: 304 });
        }
        return new HttpResponse(null, { status: 503 });
      }),
    );
    assert.equal((await fetchText('https://data.test/x', fast)).text, 'v1');
    assert.equal((await fetchText('https://data.test/x', fast)).text, 'v1');
    const stale = await fetchText('https://data.test/x', { ...fast, retries: 0 });
    assert.equal(stale.stale, true);
    assert.equal(stale.text, 'v1');
  });

  it('aborts when the caller aborts, without retrying', async () => {
    let calls = 0;
    server.use(http.get('https://data.test/x', async () => (calls++, await delay(200), HttpResponse.text('x'))));
    const c = new AbortController();
    setTimeout(() => c.abort(), 20);
    await assert.rejects(fetchText('https://data.test/x', { ...fast, signal: c.signal }), (e: Error) => e.name === 'AbortError');
    assert.equal(calls, 1);
  });

  it('reports malformed JSON as a parse error', async () => {
    server.use(http.get('https://data.test/x', () => HttpResponse.text('{"broken":')));
    await assert.rejects(fetchJson('https://data.test/x', fast), (e: AdapterError) => e.kind === 'parse');
  });

  it('sends no credentials and no referrer', async () => {
    let seen: Request | undefined;
    server.use(http.get('https://data.test/x', ({ request }) => ((seen = request), HttpResponse.text('ok'))));
    await fetchText('https://data.test/x', fast);
    assert.equal(seen!.credentials, 'omit');
    assert.equal(seen!.headers.get('cookie'), null);
  });

  it('makes one request for callers that ask for the same resource at the same time', async () => {
    let calls = 0;
    server.use(http.get('https://data.test/x', async () => (calls++, await delay(30), HttpResponse.text('shared'))));
    const [a, b] = await Promise.all([fetchText('https://data.test/x', fast), fetchText('https://data.test/x', fast)]);
    assert.equal(a.text, 'shared');
    assert.equal(b.text, 'shared');
    assert.equal(calls, 1);
  });

  it('keeps a shared request alive while one caller is still waiting, and cancels it when all left', async () => {
    server.use(http.get('https://data.test/x', async () => (await delay(80), HttpResponse.text('late'))));
    const leaving = new AbortController();
    const first = fetchText('https://data.test/x', { ...fast, signal: leaving.signal });
    const second = fetchText('https://data.test/x', fast);
    leaving.abort();
    await assert.rejects(first, (e: Error) => e.name === 'AbortError');
    assert.equal((await second).text, 'late');
    clearFetchCache();
    const signals: AbortSignal[] = [];
    const hanging = ((_url: string, init: RequestInit) => {
      signals.push(init.signal!);
      return new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    }) as typeof fetch;
    const a = new AbortController();
    const b = new AbortController();
    const both = [
      fetchText('https://data.test/y', { ...fast, fetch: hanging, signal: a.signal }),
      fetchText('https://data.test/y', { ...fast, fetch: hanging, signal: b.signal }),
    ];
    a.abort();
    assert.equal(signals[0]!.aborted, false, 'one caller leaving cancelled the request of the other');
    b.abort();
    await Promise.allSettled(both);
    assert.equal(signals.length, 1);
    assert.equal(signals[0]!.aborted, true, 'the network request was not cancelled when every caller had left');
  });

  it('gives up retrying when the next attempt would end after the deadline', async () => {
    let calls = 0;
    server.use(http.get('https://data.test/x', () => (calls++, new HttpResponse(null, { status: 503 }))));
    await assert.rejects(fetchText('https://data.test/x', { maxAge: 0, timeout: 300, retries: 10, retryDelay: 200 }), (e: AdapterError) => e.status === 503);
    assert.ok(calls <= 2, `${calls} requests within a 300 ms deadline`);
  });

  describe('byte cap', () => {
    const encoder = new TextEncoder();
    /** A body of `chunks` chunks of `size` bytes (endless when `chunks` is Infinity), counting what was read. */
    const streamed = (size: number, chunks: number, headers: Record<string, string> = {}) => {
      const seen = { pulled: 0, cancelled: false };
      const chunk = encoder.encode('x'.repeat(size));
      const fetch = (async () => new Response(new ReadableStream<Uint8Array>({
        pull(c) {
          if (seen.pulled++ < chunks) c.enqueue(chunk);
          else c.close();
        },
        cancel() {
          seen.cancelled = true;
        },
      }, { highWaterMark: 0 }), { headers })) as typeof globalThis.fetch;
      return { seen, fetch };
    };
    const tooLarge = (e: AdapterError) => e instanceof AdapterError && e.kind === 'too-large' && /1 MB/.test(e.message);

    it('refuses a declared Content-Length over the cap without reading the body', async () => {
      const { seen, fetch } = streamed(1000, 3000, { 'Content-Length': '3000000' });
      await assert.rejects(fetchText('https://data.test/big', { ...fast, fetch, maxBytes: 1_000_000 }), tooLarge);
      assert.equal(seen.pulled, 0);
      assert.equal(seen.cancelled, true);
    });

    // The watchdog fails a read that never stops.
    it('stops reading an endless body without Content-Length once it passes the cap', { timeout: 20_000 }, async () => {
      const { seen, fetch } = streamed(65_536, Infinity);
      await assert.rejects(fetchText('https://data.test/endless', { ...fast, fetch, maxBytes: 1_000_000 }), tooLarge);
      assert.ok(seen.pulled <= Math.ceil(1_000_000 / 65_536) + 2, `${seen.pulled} chunks read for a 1 MB cap`);
      assert.equal(seen.cancelled, true);
    });

    it('caps at 10 MB by default and does not ask again', async () => {
      let calls = 0;
      const { seen, fetch } = streamed(1_000_000, 11);
      const counting = ((...args: Parameters<typeof fetch>) => (calls++, fetch(...args))) as typeof fetch;
      await assert.rejects(fetchText('https://data.test/ten', { ...fast, fetch: counting }), (e: AdapterError) => e.kind === 'too-large' && /10 MB/.test(e.message));
      assert.equal(seen.pulled, 11);
      assert.equal(calls, 1);
    });

    it('reads a body just under the cap whole, with characters split across chunks intact', async () => {
      const bytes = encoder.encode('ä'.repeat(500));
      const fetch = (async () => new Response(new ReadableStream<Uint8Array>({
        start(c) {
          // Odd-sized chunks cut every other 'ä' (2 bytes) in half.
          for (let i = 0; i < bytes.length; i += 3) c.enqueue(bytes.slice(i, i + 3));
          c.close();
        },
      }))) as typeof globalThis.fetch;
      const res = await fetchText('https://data.test/umlauts', { ...fast, fetch, maxBytes: bytes.length });
      assert.equal(res.text, 'ä'.repeat(500));
    });

    it('refuses an oversized response from a real server by its Content-Length', async () => {
      server.use(http.get('https://data.test/x', () => HttpResponse.text('x'.repeat(2000))));
      await assert.rejects(fetchText('https://data.test/x', { ...fast, maxBytes: 1000 }), (e: AdapterError) => e.kind === 'too-large');
      clearFetchCache();
      assert.equal((await fetchText('https://data.test/x', { ...fast, maxBytes: 2000 })).text.length, 2000);
    });
  });

  it('reads Retry-After as seconds or a date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4000), 6000);
    assert.equal(parseRetryAfter('soon'), undefined);
  });
});
