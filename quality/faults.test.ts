// Fault gates of issue #9: stalled, failing, flapping, slow and missing data sources (msw), offline
// revisits with stale data, and removal in the middle of a request.
import { expect, html, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { clearFetchCache } from '@sozial-innovativ/core';
import { createJsonAdapter } from '@sozial-innovativ/adapters/json';
import { $, $$, ALL_DATA, mount, sleep, text } from './fixtures.js';

const URL_ = 'https://quelle.example.test/daten.json';
let requests = 0;
let mode: 'ok' | 'stall' | 'fail' | 'flap' | 'slow' | '404' | 'offline' = 'ok';
const worker = setupWorker(
  http.get(URL_, async () => {
    const n = ++requests;
    switch (mode) {
      case 'stall':
        await delay('infinite');
        return HttpResponse.json({});
      case 'fail':
        return new HttpResponse('kaputt', { status: 500 });
      case 'flap':
        return n % 3 ? new HttpResponse('kaputt', { status: 500 }) : HttpResponse.json(ALL_DATA);
      case 'slow':
        await delay(2_000);
        return HttpResponse.json(ALL_DATA);
      case '404':
        return new HttpResponse('weg', { status: 404 });
      case 'offline':
        return HttpResponse.error();
      default:
        return HttpResponse.json(ALL_DATA);
    }
  }),
);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());
beforeEach(() => {
  clearFetchCache();
  requests = 0;
  mode = 'ok';
});

const TIMEOUT_MS = 500;
/**
 * `timeout` bounds the whole request, retries included (core/fetch.ts), so every widget must show
 * its error within timeout + 0.5 s, as the issue asks.
 */
const STALLED_DEADLINE = TIMEOUT_MS + 500;
const FAST_DEADLINE = TIMEOUT_MS + 500;

/**
 * Tag, attributes, what the data state shows. Concurrent calls for the same source (the match
 * finder asks for questionnaire and offers at once) share one request.
 */
const WIDGETS = [
  ['si-event-calendar', 'date="2026-10-01" months="2"', '.agenda .event'],
  ['si-initiative-cards', '', 'si-initiative-card'],
  ['si-match-finder', '', '.start'],
] as const;

/** A widget inside `<si-data-source type="json" src timeout>`, the way a CMS editor embeds it. */
async function embed(tag: string, attrs: string, timeout = TIMEOUT_MS): Promise<HTMLElement> {
  const host = await mount<HTMLElement>(html`<div></div>`, 'div');
  const source = document.createElement('si-data-source');
  source.setAttribute('type', 'json');
  source.setAttribute('src', URL_);
  source.setAttribute('timeout', String(timeout));
  const widget = document.createElement(tag);
  for (const [, name, value] of attrs.matchAll(/([\w-]+)="([^"]*)"/g)) widget.setAttribute(name!, value!);
  source.append(widget);
  host.append(source);
  return widget;
}

const errorShown = (el: Element) => !!$(el, '[part~=error][role=alert] [part=retry-button]');
const loadingShown = (el: Element) => !!$(el, '[part~=loading][role=status]');

async function within(ms: number, what: string, condition: () => boolean) {
  const started = Date.now();
  await waitUntil(condition, `${what} not within ${ms} ms`, { timeout: ms, interval: 20 });
  return Date.now() - started;
}

const seen = { widgets: 0, requests: 0 };
after(() => console.log(`[quality] faults: ${seen.widgets} widget runs, ${seen.requests} requests to failing sources`));

describe('Faults: each widget shows the right state in time, retries are bounded', () => {
  it('stalled source: loading, then an error with retry within timeout + 0.5 s; one request', async function () {
    this.timeout(30_000);
    mode = 'stall';
    for (const [tag, attrs] of WIDGETS) {
      requests = 0;
      clearFetchCache();
      const started = Date.now();
      const el = await embed(tag, attrs);
      await within(FAST_DEADLINE, `${tag} loading state`, () => loadingShown(el));
      await within(STALLED_DEADLINE - (Date.now() - started), `${tag} error state`, () => errorShown(el));
      expect(requests, `${tag}: requests`).to.equal(1);
      expect(text($(el, '[role=alert]'))).to.match(/0[.,]5 s/);
      seen.widgets++;
      seen.requests += requests;
    }
  });

  it('404: error at once (within timeout + 0.5 s), one request, retry asks once more', async () => {
    mode = '404';
    for (const [tag, attrs] of WIDGETS) {
      requests = 0;
      clearFetchCache();
      const el = await embed(tag, attrs);
      await within(FAST_DEADLINE, `${tag} error`, () => errorShown(el));
      expect(requests, `${tag}: a 404 is not retried`).to.equal(1);
      mode = 'ok';
      $(el, '[part=retry-button]')!.click();
      await waitUntil(() => !errorShown(el) && !loadingShown(el), `${tag}: retry did not load`);
      expect(requests).to.equal(2);
      // The retry button is gone; focus stays in the widget instead of falling to <body>.
      expect(document.activeElement, `${tag}: focus after retry`).to.equal(el);
      mode = '404';
      seen.widgets++;
      seen.requests += requests;
    }
  });

  it('failing (500) source: error within timeout + 0.5 s after at most 3 requests; retry is bounded the same way', async function () {
    this.timeout(30_000);
    mode = 'fail';
    for (const [tag, attrs] of WIDGETS) {
      requests = 0;
      clearFetchCache();
      const el = await embed(tag, attrs);
      await within(STALLED_DEADLINE, `${tag} error`, () => errorShown(el));
      // 1 + at most 2 retries, and only those that fit before the deadline.
      expect(requests, `${tag}: 1 + 2 retries at most`).to.be.within(1, 3);
      $(el, '[part=retry-button]')!.click();
      const before = requests;
      await waitUntil(() => loadingShown(el) || requests > before);
      await within(STALLED_DEADLINE, `${tag} error after retry`, () => errorShown(el));
      expect(requests - before).to.be.within(1, 3);
      seen.widgets++;
      seen.requests += requests;
    }
  });

  it('flapping source (500, 500, 200): the data arrives without the visitor doing anything', async function () {
    this.timeout(30_000);
    mode = 'flap';
    // A timeout that leaves room for two retries with backoff (≤ 0.4 s, then ≤ 0.8 s).
    for (const [tag, attrs, ready] of WIDGETS) {
      requests = 0;
      clearFetchCache();
      const el = await embed(tag, attrs, 5_000);
      await within(5_500, `${tag} data`, () => !!$(el, ready));
      expect(requests).to.equal(3);
      seen.widgets++;
      seen.requests += requests;
    }
  });

  it('slow source (2 s) with a generous timeout: loading, then the data', async function () {
    this.timeout(30_000);
    mode = 'slow';
    const [tag, , ready] = WIDGETS[1];
    const host = await mount<HTMLElement>(html`<si-data-source type="json" src=${URL_} timeout="4000"></si-data-source>`, 'si-data-source');
    const el = document.createElement(tag);
    host.append(el);
    await within(FAST_DEADLINE, 'loading', () => loadingShown(el));
    const took = await within(4_500, 'data', () => !!$(el, ready));
    expect(took).to.be.greaterThan(1_000); // it really waited for the slow answer
    expect(requests).to.equal(1);
  });

  it('offline revisit: stale data with its time, for every widget', async function () {
    this.timeout(30_000);
    for (const [tag, attrs, ready] of WIDGETS) {
      clearFetchCache();
      mode = 'ok';
      // maxAge 0: every visit asks the source; the in-memory copy is what an offline visit shows.
      const adapter = createJsonAdapter({ src: URL_, fetchOptions: { maxAge: 0, retryDelay: 1, timeout: TIMEOUT_MS } });
      const make = async () => {
        const host = await mount<HTMLElement>(html`<div></div>`, 'div');
        const el = document.createElement(tag) as HTMLElement & { adapter: unknown };
        for (const [, name, value] of attrs.matchAll(/([\w-]+)="([^"]*)"/g)) el.setAttribute(name!, value!);
        el.adapter = adapter;
        host.append(el);
        return el;
      };
      const first = await make();
      await waitUntil(() => !!$(first, ready), `${tag}: first visit`);
      expect($$(first, '[part=notice]')).to.have.length(0);
      mode = 'offline';
      const again = await make();
      await waitUntil(() => !!$(again, ready), `${tag}: offline revisit shows no data`);
      const notice = $$(again, '[part=notice]').map(text).join(' ');
      expect(notice, `${tag}: no stale notice`).to.match(/Angezeigt wird der Stand von .*\d{2}:\d{2}/);
      seen.widgets++;
    }
  });

  it('removal mid-request: no console error, no unhandled rejection', async () => {
    mode = 'stall';
    const errors: string[] = [];
    const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandledrejection: ${String(e.reason)}`);
    const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void errors.push(`console.error: ${args.map(String).join(' ')}`);
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    try {
      for (const [tag, attrs] of WIDGETS) {
        requests = 0;
        clearFetchCache();
        const el = await embed(tag, attrs);
        await waitUntil(() => requests > 0, `${tag}: no request started`);
        el.closest('si-data-source')!.remove();
        seen.widgets++;
      }
      // Past every timeout and backoff of the aborted requests.
      await sleep(STALLED_DEADLINE);
    } finally {
      console.error = consoleError;
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });
});
