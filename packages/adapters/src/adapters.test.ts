import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay, type HttpResponseResolver } from 'msw';
import { setupWorker } from 'msw/browser';
import { adapterContract } from '@sozial-innovativ/core/testing';
import { AdapterError, clearFetchCache, LIMITS, type DataAdapter, type FetchOptions, type Result } from '@sozial-innovativ/core';
import { createJsonAdapter } from './json/index.js';
import { createIcalAdapter, MAX_OCCURRENCES } from './ical/index.js';
import { createRestAdapter, createTribeAdapter, createWordPressAdapter } from './rest/index.js';
import { createKvmAdapter } from './kvm/index.js';
import { ics, weeklyBerlin } from './ical/fixtures.js';
import { kvmEntries, tribeEvent, wpPost } from './rest/fixtures.js';
import { sampleData } from './json/fixtures.js';

// Tiny delays and timeouts keep the whole table fast; retries stay at their default count.
const fast: Omit<FetchOptions, 'signal'> = { retryDelay: 1, maxRetryDelay: 5, maxAge: 0, timeout: 4000, retries: 2 };
const all = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
const day = (i: number) => String(1 + (i % 28)).padStart(2, '0');

/**
 * One row of the table: how to create the adapter, where it sends its (first) request, and what
 * a response with `valid` good and `invalid` bad items looks like. `big` replaces the first
 * item's title (and description where there is one).
 */
interface AdapterSpec {
  name: string;
  url: string;
  json: boolean;
  create(options?: Record<string, unknown>): DataAdapter;
  /** The call a widget makes: events for the range, or the initiative list. */
  load(adapter: DataAdapter, signal?: AbortSignal): Promise<Result<{ title?: string; name?: string; description?: string }>>;
  body(valid: number, invalid: number, big?: string): string;
  /** Several pages: the handlers, the items expected (titles or names) and how many requests. */
  pages?: {
    handlers: () => ReturnType<typeof http.get>[]; expected: string[]; requests: number; options?: Record<string, unknown>;
    load?: AdapterSpec['load'];
  };
  /** A server that always has one more page (one item each): the adapter stops at `maxPages`. */
  endless?: () => HttpResponseResolver;
  /** Most items one call returns (default: the model's item cap). */
  cap?: number;
}

const jsonEvents = (valid: number, invalid: number, big?: string) => [
  ...Array.from({ length: valid }, (_, i) => ({ id: `e${i}`, title: i === 0 && big ? big : `Termin ${i}`, description: i === 0 ? big : undefined, start: `2025-10-${day(i)}T17:00:00+02:00` })),
  ...Array.from({ length: invalid }, (_, i) => ({ id: `bad${i}`, title: '', start: 'kaputt' })),
];
const restItem = (i: number, title = `Termin ${i}`) => ({ key: `t${i}`, name: title, when: `2025-10-${day(i)} 18:00` });
// Lean items for the bodies (100 000 of them in one test); the full fixtures serve the page tests.
const tribeItem = (i: number, title = `Treff ${i}`) => ({
  id: i, title, all_day: false, timezone: 'Europe/Berlin', start_date: `2025-10-${day(i)} 17:00:00`, utc_start_date: `2025-10-${day(i)} 15:00:00`,
});
const wpItem = (i: number, title = `Initiative ${i}`) => ({ id: i, link: `https://wp.example.test/initiative/${i}/`, title: { rendered: title } });
const kvmEvent = (i: number, title = `Tausch ${i}`) => ({ id: `ev${i}`, title, start: Date.UTC(2025, 9, 1 + (i % 28), 15) / 1000, city: 'Dresden', tags: [] });
const vevent = (i: number, big?: string) => [
  'BEGIN:VEVENT', `UID:e${i}@test`, `DTSTART:202510${day(i)}T150000Z`, 'DURATION:PT1H', `SUMMARY:${i === 0 && big ? big : `Termin ${i}`}`,
  ...(i === 0 && big ? [`DESCRIPTION:${big}`] : []), 'END:VEVENT',
].join('\r\n');

const specs: AdapterSpec[] = [
  {
    name: 'json',
    url: 'https://json.example.test/data.json',
    json: true,
    create: (o) => createJsonAdapter({ src: 'https://json.example.test/data.json', fetchOptions: fast, ...o }),
    load: (a, signal) => a.events!(all, { signal }),
    // The file also holds a questionnaire and offers: a JSON source offers every capability.
    body: (valid, invalid, big) => JSON.stringify({ events: jsonEvents(valid, invalid, big), questionnaire: sampleData.questionnaire, offers: sampleData.offers }),
  },
  {
    name: 'ical',
    url: 'https://cal.example.test/termine.ics',
    json: false,
    // Occurrences per query are capped before the model's item cap is reached.
    cap: MAX_OCCURRENCES,
    create: (o) => createIcalAdapter({ url: 'https://cal.example.test/termine.ics', fetchOptions: fast, ...o }),
    load: (a, signal) => a.events!(all, { signal }),
    body: (valid, invalid, big) => ics(
      ...Array.from({ length: valid }, (_, i) => vevent(i, big)),
      // No DTSTART: unreadable.
      ...Array.from({ length: invalid }, (_, i) => `BEGIN:VEVENT\r\nUID:bad${i}@test\r\nSUMMARY:ohne Beginn\r\nEND:VEVENT`),
    ),
  },
  {
    name: 'rest',
    url: 'https://api.example.test/termine',
    json: true,
    create: (o) => createRestAdapter({
      src: 'https://api.example.test/termine', itemsPath: 'data.items', fields: '{"id":"key","title":"name","start":"when"}', perPage: 2, fetchOptions: fast, ...o,
    }),
    load: (a, signal) => a.events!(all, { signal }),
    body: (valid, invalid, big) => JSON.stringify({
      data: { items: [...Array.from({ length: valid }, (_, i) => restItem(i, i === 0 && big ? big : undefined)), ...Array.from({ length: invalid }, (_, i) => restItem(100 + i, ''))] },
      total: valid + invalid,
    }),
    pages: {
      // Page numbers and X-Total-Count: 3 pages of 2.
      handlers: () => [http.get('https://api.example.test/termine', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return HttpResponse.json({ data: { items: [restItem(page * 2 - 1), restItem(page * 2)] } }, { headers: { 'X-Total-Count': '6' } });
      })],
      expected: ['Termin 1', 'Termin 2', 'Termin 3', 'Termin 4', 'Termin 5', 'Termin 6'],
      requests: 3,
    },
    endless: () => ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page'));
      return HttpResponse.json({ data: { items: [restItem(page)] } }, { headers: { 'X-Total-Count': '1000000' } });
    },
  },
  {
    name: 'wordpress',
    url: 'https://wp.example.test/wp-json/wp/v2/posts',
    json: true,
    create: (o) => createWordPressAdapter({ src: 'https://wp.example.test', fetchOptions: fast, ...o }),
    load: (a, signal) => a.initiatives!({}, { signal }),
    body: (valid, invalid, big) => JSON.stringify([
      ...Array.from({ length: valid }, (_, i) => (i === 0 && big ? { ...wpItem(i + 1, big), content: { rendered: big } } : wpItem(i + 1))),
      ...Array.from({ length: invalid }, (_, i) => wpItem(1000 + i, '')),
    ]),
    pages: {
      // X-WP-Total / X-WP-TotalPages: 3 pages of 2.
      handlers: () => [http.get('https://wp.example.test/wp-json/wp/v2/posts', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return HttpResponse.json([wpPost(page * 10 + 1), wpPost(page * 10 + 2)], { headers: { 'X-WP-Total': '6', 'X-WP-TotalPages': '3' } });
      })],
      expected: [11, 12, 21, 22, 31, 32].map((n) => `Initiative „Nr. ${n}“ & Co`),
      requests: 3,
      options: { perPage: 2 },
    },
    endless: () => ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page'));
      return HttpResponse.json([wpItem(page)], { headers: { 'X-WP-TotalPages': '100000' } });
    },
  },
  {
    name: 'tribe',
    url: 'https://wp.example.test/wp-json/tribe/events/v1/events',
    json: true,
    create: (o) => createTribeAdapter({ src: 'https://wp.example.test', fetchOptions: fast, ...o }),
    load: (a, signal) => a.events!(all, { signal }),
    body: (valid, invalid, big) => JSON.stringify({
      events: [
        ...Array.from({ length: valid }, (_, i) => (i === 0 && big ? { ...tribeItem(i + 1, big), description: big } : tribeItem(i + 1))),
        ...Array.from({ length: invalid }, (_, i) => tribeItem(1000 + i, '')),
      ],
      total: valid + invalid, total_pages: 1,
    }),
    pages: {
      // next_rest_url: 2 pages.
      handlers: () => [http.get('https://wp.example.test/wp-json/tribe/events/v1/events', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
        const events = page === 1 ? [tribeEvent(1, 7), tribeEvent(2, 14)] : [tribeEvent(3, 21)];
        return HttpResponse.json({ events, total: 3, total_pages: 2, ...(page === 1 ? { next_rest_url: 'https://wp.example.test/wp-json/tribe/events/v1/events?page=2' } : {}) });
      })],
      expected: ['Treff 1', 'Treff 2', 'Treff 3'],
      requests: 2,
    },
    endless: () => ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
      return HttpResponse.json({ events: [tribeItem(page)], next_rest_url: `https://wp.example.test/wp-json/tribe/events/v1/events?page=${page + 1}` });
    },
  },
  {
    name: 'kvm',
    url: 'https://kvm.example.test/v0/events',
    json: true,
    create: (o) => createKvmAdapter({ src: 'https://kvm.example.test/v0', fetchOptions: fast, ...o }),
    load: (a, signal) => a.events!(all, { signal }),
    body: (valid, invalid, big) => JSON.stringify([
      ...Array.from({ length: valid }, (_, i) => (i === 0 && big ? { ...kvmEvent(i), title: big, description: big } : kvmEvent(i))),
      ...Array.from({ length: invalid }, (_, i) => kvmEvent(1000 + i, '')),
    ]),
    pages: {
      // The search lists 120 ids; the entries come in batches of 50.
      handlers: () => [
        http.get('https://kvm.example.test/v0/search', () => HttpResponse.json({ visible: Array.from({ length: 120 }, (_, i) => ({ id: `k${i}` })), invisible: [] })),
        http.get('https://kvm.example.test/v0/entries/:ids', ({ params }) => HttpResponse.json(String(params.ids).split(',').map((id) => ({ ...kvmEntries[0], id, title: `Eintrag ${id}` })))),
      ],
      expected: Array.from({ length: 120 }, (_, i) => `Eintrag k${i}`),
      requests: 4,
      load: (a, signal) => a.initiatives!({}, { signal }),
    },
  },
];

// Every test checks that nothing was logged as an error and no promise was left unhandled.
const consoleErrors: unknown[][] = [];
const unhandled: unknown[] = [];
const originalConsoleError = console.error;
const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);

const successHandlers = () => specs.flatMap((s) => [
  http.get(s.url, () => new HttpResponse(s.body(3, 0), { headers: { 'Content-Type': s.json ? 'application/json' : 'text/calendar' } })),
  ...(s.name === 'kvm' ? s.pages!.handlers() : []),
]);
const worker = setupWorker(...successHandlers());
let requests: string[] = [];
worker.events.on('request:start', ({ request }) => {
  requests.push(request.url);
});

before(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'error' });
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args);
    originalConsoleError.apply(console, args);
  };
  window.addEventListener('unhandledrejection', onUnhandled);
});
after(() => {
  console.error = originalConsoleError;
  window.removeEventListener('unhandledrejection', onUnhandled);
  worker.stop();
});
beforeEach(() => {
  clearFetchCache();
  requests = [];
  consoleErrors.length = 0;
  unhandled.length = 0;
});
afterEach(() => {
  worker.resetHandlers();
  expect(consoleErrors, 'console.error').to.deep.equal([]);
  expect(unhandled, 'unhandled rejections').to.deep.equal([]);
});

const respond = (s: AdapterSpec, resolver: HttpResponseResolver) => worker.use(http.get(s.url, resolver));
const okResponse = (s: AdapterSpec, text: string, init: ResponseInit = {}) =>
  new HttpResponse(text, { ...init, headers: { 'Content-Type': s.json ? 'application/json' : 'text/calendar', ...init.headers } });
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const labelOf = (x: { title?: string; name?: string }) => x.title ?? x.name;

adapterContract('json over HTTP', { create: () => specs[0]!.create(), range: { from: '2025-10-01T00:00:00Z', to: '2025-10-02T00:00:00Z' } }, { describe, it });
adapterContract('ical over HTTP', { create: () => specs[1]!.create(), range: { from: '2025-10-01T00:00:00Z', to: '2025-10-02T00:00:00Z' } }, { describe, it });
adapterContract('rest over HTTP', { create: () => specs[2]!.create(), range: { from: '2025-10-01T00:00:00Z', to: '2025-10-02T00:00:00Z' } }, { describe, it });
adapterContract('wordpress over HTTP', { create: () => specs[3]!.create() }, { describe, it });
adapterContract('tribe over HTTP', { create: () => specs[4]!.create(), range: { from: '2025-10-01T00:00:00Z', to: '2025-10-02T00:00:00Z' } }, { describe, it });
adapterContract('kvm over HTTP', { create: () => specs[5]!.create(), range: { from: '2025-10-01T00:00:00Z', to: '2025-10-02T00:00:00Z' } }, { describe, it });

/** What a widget does: start loading when connected, abort when removed, ignore the AbortError. */
class LoadProbe extends HTMLElement {
  load?: (signal: AbortSignal) => Promise<unknown>;
  settled?: Promise<unknown>;
  private controller?: AbortController;
  connectedCallback() {
    this.controller = new AbortController();
    this.settled = this.load!(this.controller.signal).then(() => 'resolved', (e: unknown) => e);
  }
  disconnectedCallback() {
    this.controller?.abort();
  }
}
customElements.define('si-adapter-load-probe', LoadProbe);

for (const s of specs) {
  describe(`${s.name} adapter over HTTP: robustness`, () => {
    it('loads valid data', async () => {
      respond(s, () => okResponse(s, s.body(5, 0)));
      const r = await s.load(s.create());
      expect(r.items.length).to.equal(5);
      expect(r.dropped).to.equal(0);
      expect(requests.length).to.equal(1);
    });

    if (s.pages) {
      const pages = s.pages;
      it('pages through several pages', async () => {
        worker.use(...pages.handlers());
        const r = await (pages.load ?? s.load)(s.create(pages.options));
        expect(r.items.map(labelOf)).to.deep.equal(pages.expected);
        expect(requests.length).to.equal(pages.requests);
      });
    }

    if (s.endless) {
      const endless = s.endless;
      it('stops at maxPages when the server never ends', async () => {
        respond(s, endless());
        const r = await s.load(s.create({ maxPages: '3', perPage: 1 }));
        expect(requests.length).to.equal(3);
        expect(r.items.length).to.equal(3);
        expect((r as { truncated?: boolean }).truncated).to.equal(true);
      });
    }

    it('reports a 404 after one request, with a clear error', async () => {
      respond(s, () => new HttpResponse('Not found', { status: 404 }));
      const e = await failure(s.load(s.create()));
      expect(e).to.be.instanceOf(AdapterError);
      expect((e as AdapterError).kind).to.equal('http');
      expect((e as AdapterError).status).to.equal(404);
      expect((e as AdapterError).message).to.contain('404');
      expect(requests.length).to.equal(1);
    });

    for (const status of [500, 429]) {
      it(`retries a ${status} a bounded number of times`, async () => {
        respond(s, () => new HttpResponse(null, { status, headers: status === 429 ? { 'Retry-After': '1' } : {} }));
        const e = await failure(s.load(s.create()));
        expect((e as AdapterError).kind).to.equal('http');
        expect((e as AdapterError).status).to.equal(status);
        expect(requests.length).to.equal(3, 'one request and two retries');
      });
    }

    it('waits out a 429 with Retry-After and then succeeds', async () => {
      let calls = 0;
      respond(s, () => (calls++ === 0 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } }) : okResponse(s, s.body(2, 0))));
      const r = await s.load(s.create());
      expect(r.items.length).to.equal(2);
      expect(calls).to.equal(2);
    });

    it('times out a stalled server with an error, and a retry then loads', async () => {
      respond(s, async () => {
        await delay('infinite');
        return okResponse(s, s.body(1, 0));
      });
      // 400 ms: long enough for a loaded CI machine to answer the retry through the service worker.
      const adapter = s.create({ fetchOptions: { ...fast, timeout: 400, retries: 0 } });
      const e = await failure(s.load(adapter));
      expect((e as AdapterError).kind).to.equal('timeout');
      expect((e as AdapterError).message).to.match(/\d/);
      respond(s, () => okResponse(s, s.body(2, 0)));
      expect((await s.load(adapter)).items.length).to.equal(2);
    });

    const malformed = s.json ? ['{"events": [{"id": "a", "title": ', '<html><body>502 Bad Gateway</body></html>'] : ['<html><body>Fehler</body></html>', 'BEGIN:VCALENDAR\r\nkaputte Zeile ohne Doppelpunkt\r\nEND:VCALENDAR'];
    it(`rejects malformed ${s.json ? 'JSON' : 'iCalendar'} with a parse error`, async () => {
      for (const text of malformed) {
        clearFetchCache();
        respond(s, () => okResponse(s, text));
        const e = await failure(s.load(s.create()));
        expect((e as AdapterError).kind, text).to.equal('parse');
      }
    });

    it('shows the valid items of a feed with 10 % invalid ones and counts the rest', async () => {
      respond(s, () => okResponse(s, s.body(18, 2)));
      const r = await s.load(s.create());
      expect(r.items.length).to.equal(18);
      expect(r.dropped).to.equal(2);
    });

    if (s.json) {
      it('ignores __proto__ and constructor keys (no prototype pollution)', async () => {
        const text = s.body(3, 0).replaceAll('{"', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"');
        expect(text).to.contain('__proto__');
        respond(s, () => okResponse(s, text));
        const r = await s.load(s.create());
        expect(r.items.length).to.equal(3);
        expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
        for (const item of r.items) {
          expect(Object.getPrototypeOf(item)).to.equal(Object.prototype);
          expect((item as Record<string, unknown>).polluted).to.equal(undefined);
        }
      });
    }

    it('caps 1 MB strings and 100 000 items', async () => {
      const count = s.json ? 100_000 : LIMITS.items + 100;
      respond(s, () => okResponse(s, s.body(count, 0, 'x'.repeat(1_000_000)), { headers: { 'X-WP-TotalPages': '1' } }));
      // 100 000 items of these feeds pass the default 10 MB cap; this test is about the item caps.
      const r = await s.load(s.create({ perPage: 100_000, fetchOptions: { ...fast, maxBytes: 100_000_000 } }));
      expect(r.items.length).to.equal(s.cap ?? LIMITS.items);
      expect(r.dropped).to.equal(count - LIMITS.items);
      const first = r.items.find((x) => (labelOf(x) ?? '').startsWith('xxx'))!;
      expect(labelOf(first)!.length).to.equal(LIMITS.shortText);
      expect((first.description ?? '').length).to.be.at.most(LIMITS.text);
      expect(requests.length).to.equal(1);
    });

    it('aborts mid-request when the widget is removed, without console errors', async () => {
      let arrived!: () => void;
      const inFlight = new Promise<void>((resolve) => (arrived = resolve));
      respond(s, async () => {
        arrived();
        await delay('infinite');
        return okResponse(s, s.body(1, 0));
      });
      const adapter = s.create();
      const probe = Object.assign(document.createElement('si-adapter-load-probe') as LoadProbe, { load: (signal: AbortSignal) => s.load(adapter, signal) });
      document.body.append(probe);
      await inFlight;
      probe.remove();
      const outcome = await probe.settled;
      expect((outcome as Error).name).to.equal('AbortError');
      // Give late rejections and log lines a chance to surface before afterEach checks for them.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(consoleErrors).to.deep.equal([]);
      expect(unhandled).to.deep.equal([]);
    });
  });
}

describe('adapters in the browser', () => {
  it('kvm fetches at most `limit` entries when the search ignores the limit', async () => {
    worker.use(http.get('https://kvm.example.test/v0/search', () => HttpResponse.json({ visible: Array.from({ length: 100_000 }, (_, i) => ({ id: `k${i}` })) })));
    const r = await specs[5]!.create({ limit: '120' }).initiatives!({});
    expect(r.items.length).to.equal(120);
    expect(r.dropped).to.equal(100_000 - 120);
    expect(requests.filter((u) => u.includes('/entries/')).length).to.equal(3);
  });

  it('expand a weekly Berlin series across the DST change at 17:00 local', async () => {
    const r = await createIcalAdapter({ text: weeklyBerlin(false) }).events(all);
    expect(r.items.map((e) => e.start.slice(11))).to.deep.equal(['17:00:00+02:00', '17:00:00+02:00', '17:00:00+01:00', '17:00:00+01:00']);
  });
});
