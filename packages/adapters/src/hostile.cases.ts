// Hostile feeds, shared by the Node run (msw/node, `hostile.node.test.ts`) and the browser run
// (msw service worker, `hostile.test.ts`): text that sends backtracking regular expressions into
// quadratic time, bodies past the byte cap, next links to other servers, relative URLs, and
// lists too long to spread into `push`. Test code, not shipped (no package entry imports it).
import { http, HttpResponse, type JsonBodyType, type RequestHandler } from 'msw';
import { AdapterError, LIMITS, type DataAdapter, type FetchOptions } from '@sozial-innovativ/core';
import { createJsonAdapter } from './json/index.js';
import { createKvmAdapter } from './kvm/index.js';
import { createRestAdapter, createTribeAdapter, createWordPressAdapter } from './rest/index.js';

export interface HostileRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  describe: (name: string, fn: () => void) => any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  it: (name: string, fn: () => Promise<void>) => any;
  /** Installs response handlers for one test (they are reset after each). */
  use: (...handlers: RequestHandler[]) => void;
  /** URLs requested since the test began. */
  requests: () => string[];
}

/**
 * A freeze detector, not a timing check: each case takes milliseconds; the regular expressions
 * they replace took 5 s to minutes on the same input. Below mocha's 10 s test timeout, and
 * measured after the work, because a synchronous freeze would also hold up any timer.
 */
export const WATCHDOG_MS = 8_000;

async function watchdog<T>(work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  const took = Date.now() - started;
  if (took > WATCHDOG_MS) throw new Error(`froze for ${took} ms (watchdog ${WATCHDOG_MS} ms)`);
  return result;
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
const equal = (actual: unknown, expected: unknown, what: string) =>
  check(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)?.slice(0, 300)}`);
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

const fast: Omit<FetchOptions, 'signal'> = { retryDelay: 1, maxRetryDelay: 5, maxAge: 0, timeout: 6000, retries: 2 };
const all = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
const start = '2025-10-21T17:00:00+02:00';

const JSON_URL = 'https://json.hostile.example.test/daten/feed.json';
const REST_URL = 'https://api.hostile.example.test/v1/termine';
const WP = 'https://wp.hostile.example.test';
const WP_POSTS = `${WP}/wp-json/wp/v2/posts`;
const TRIBE = `${WP}/wp-json/tribe/events/v1/events`;
const KVM = 'https://kvm.hostile.example.test/v0';
const ELSEWHERE = 'https://elsewhere.example.test';

const json = (body: unknown, headers: Record<string, string> = {}) => HttpResponse.json(body as JsonBodyType, { headers });
const restItem = (i: number) => ({ id: `t${i}`, title: `Termin ${i}`, start });
const tribeItem = (i: number, extra: Record<string, unknown> = {}) => ({
  id: i, title: `Treff ${i}`, all_day: false, timezone: 'Europe/Berlin', start_date: '2025-10-21 17:00:00', utc_start_date: '2025-10-21 15:00:00', ...extra,
});

/** One adapter per source kind, each asking `url` first; `load` is the call a widget makes. */
interface Source {
  name: string;
  url: string;
  create(fetchOptions?: Omit<FetchOptions, 'signal'>): DataAdapter;
  load(a: DataAdapter): Promise<{ items: unknown[] }>;
  /** A valid body of about `bytes` bytes. */
  body(bytes: number): unknown;
}
const padding = (bytes: number) => 'x'.repeat(bytes);
const sources: Source[] = [
  {
    name: 'json', url: JSON_URL,
    create: (o = fast) => createJsonAdapter({ src: JSON_URL, fetchOptions: o }),
    load: (a) => a.events!(all),
    body: (bytes) => ({ events: [{ id: 'a', title: 'A', start, description: padding(bytes) }] }),
  },
  {
    name: 'rest', url: REST_URL,
    create: (o = fast) => createRestAdapter({ src: REST_URL, pagination: 'none', fetchOptions: o }),
    load: (a) => a.events!(all),
    body: (bytes) => [{ ...restItem(1), description: padding(bytes) }],
  },
  {
    name: 'wordpress', url: WP_POSTS,
    create: (o = fast) => createWordPressAdapter({ src: WP, fetchOptions: o }),
    load: (a) => a.initiatives!({}),
    body: (bytes) => [{ id: 1, title: { rendered: 'A' }, content: { rendered: padding(bytes) } }],
  },
  {
    name: 'tribe', url: TRIBE,
    create: (o = fast) => createTribeAdapter({ src: WP, fetchOptions: o }),
    load: (a) => a.events!(all),
    body: (bytes) => ({ events: [tribeItem(1, { description: padding(bytes) })], total_pages: 1 }),
  },
  {
    name: 'kvm', url: `${KVM}/events`,
    create: (o = fast) => createKvmAdapter({ src: KVM, fetchOptions: o }),
    load: (a) => a.events!(all),
    body: (bytes) => [{ id: 'e1', title: 'A', start: Date.parse(start) / 1000, description: padding(bytes) }],
  },
];

/** A body in `chunks` chunks and no `Content-Length`: the size shows only while reading. */
function streamed(text: string, chunks: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const size = Math.ceil(bytes.length / chunks);
  let offset = 0;
  return new ReadableStream({
    pull(c) {
      if (offset >= bytes.length) return c.close();
      c.enqueue(bytes.slice(offset, (offset += size)));
    },
  });
}

export function hostileSuite(runner: HostileRunner): void {
  const { describe, it, use, requests } = runner;

  describe('hostile feeds: text that makes backtracking regular expressions quadratic', () => {
    it('schema.org: descriptions of 100 000 EM SPACEs', async () => {
      const description = `Offen${'\u2003'.repeat(100_000)}für alle`;
      const graph = [1, 2, 3].map((i) => ({ '@type': 'Event', name: `Fest ${i}`, startDate: start, description }));
      use(http.get(JSON_URL, () => json({ '@context': 'https://schema.org', '@graph': graph })));
      const r = await watchdog(() => createJsonAdapter({ src: JSON_URL, fetchOptions: fast }).events!(all));
      equal(r.items.map((e) => e.description), ['Offen für alle', 'Offen für alle', 'Offen für alle'], 'descriptions');
    });

    it('schema.org: sameAs of 1 000 000 slashes before a line break', async () => {
      const sameAs = ['/'.repeat(1_000_000) + '\n', `https://www.verein.example.test/${'/'.repeat(1_000_000)}\n`];
      use(http.get(JSON_URL, () => json({ '@context': 'https://schema.org', '@type': 'NGO', name: 'Bürgerverein', sameAs })));
      const r = await watchdog(() => createJsonAdapter({ src: JSON_URL, fetchOptions: fast }).initiatives!({}));
      equal(r.items.map((x) => x.name), ['Bürgerverein'], 'initiatives');
      equal(r.items[0]!.links.map((l) => l.label), ['verein.example.test'], 'link labels');
    });

    it('WordPress: titles of 200 000 `<` (and unclosed <script> tags)', async () => {
      const posts = [1, 2, 3].map((id) => ({
        id, title: { rendered: '<'.repeat(200_000) }, excerpt: { rendered: '<script>'.repeat(25_000) }, content: { rendered: '<style>a'.repeat(25_000) },
      }));
      use(http.get(WP_POSTS, () => json(posts, { 'X-WP-TotalPages': '1' })));
      const r = await watchdog(() => createWordPressAdapter({ src: WP, fetchOptions: fast }).initiatives!({}));
      equal(r.items.map((x) => x.name), [1, 2, 3].map(() => '<'.repeat(LIMITS.shortText)), 'names');
    });

    it('Link header of 100 000 repeated `rel=`', async () => {
      const link = `<${REST_URL}?page=2>; ${'rel='.repeat(100_000)}`;
      use(http.get(REST_URL, () => json([restItem(1)], { Link: link })));
      const r = await watchdog(() => createRestAdapter({ src: REST_URL, fetchOptions: fast }).events!(all));
      equal(r.items.map((e) => e.title), ['Termin 1'], 'titles');
      equal(requests().length, 1, 'requests (no next link in that header)');
    });

    it('The Events Calendar: entities of endless digits and white space runs between them', async () => {
      const title = `Treff ${'&#x'.repeat(30_000)}${'1'.repeat(100_000)} \t\u00a0\r `.repeat(2);
      use(http.get(TRIBE, () => json({ events: [tribeItem(1, { title, description: title })] })));
      const r = await watchdog(() => createTribeAdapter({ src: WP, fetchOptions: fast }).events!(all));
      equal(r.items.length, 1, 'events');
      check(r.items[0]!.title.startsWith('Treff &#x&#x'), `title ${r.items[0]!.title.slice(0, 40)}`);
    });
  });

  describe('hostile feeds: bodies past the byte cap', () => {
    const maxBytes = 10_000;
    for (const s of sources) {
      it(`${s.name}: a declared Content-Length over the cap is refused as too large`, async () => {
        const text = JSON.stringify(s.body(2 * maxBytes));
        use(http.get(s.url, () => new HttpResponse(text, { headers: { 'Content-Type': 'application/json', 'Content-Length': String(text.length) } })));
        const e = await failure(s.load(s.create({ ...fast, maxBytes })));
        check(e instanceof AdapterError && e.kind === 'too-large', `expected a too-large AdapterError, got ${String(e)}`);
        equal(requests().length, 1, 'requests (too large is not retried)');
      });

      it(`${s.name}: a streamed body without Content-Length is cut off at the cap`, async () => {
        const text = JSON.stringify(s.body(2 * maxBytes));
        use(http.get(s.url, () => new HttpResponse(streamed(text, 20), { headers: { 'Content-Type': 'application/json' } })));
        const e = await failure(s.load(s.create({ ...fast, maxBytes })));
        check(e instanceof AdapterError && e.kind === 'too-large', `expected a too-large AdapterError, got ${String(e)}`);
        equal(requests().length, 1, 'requests');
      });

      it(`${s.name}: a body just under the cap loads`, async () => {
        const text = JSON.stringify(s.body(maxBytes - 500));
        use(http.get(s.url, () => new HttpResponse(streamed(text, 20), { headers: { 'Content-Type': 'application/json' } })));
        const r = await s.load(s.create({ ...fast, maxBytes }));
        equal(r.items.length, 1, 'items');
      });
    }
  });

  describe('hostile feeds: next links to other servers are not followed', () => {
    const elsewhere = () => http.get(`${ELSEWHERE}/*`, () => json([restItem(99)]));

    for (const [name, next] of [['another host', `${ELSEWHERE}/termine?page=2`], ['http instead of https', `${REST_URL.replace('https:', 'http:')}?page=2`]]) {
      it(`rest: a Link header to ${name}`, async () => {
        use(http.get(REST_URL, () => json([restItem(1)], { Link: `<${next}>; rel="next"` })), elsewhere());
        const r = await createRestAdapter({ src: REST_URL, fetchOptions: fast }).events!(all);
        equal(r.items.map((e) => e.title), ['Termin 1'], 'titles');
        equal(requests().map((u) => u.split('?')[0]), [REST_URL], 'requests');
      });
    }

    it('rest: a relative next link on the same server is followed', async () => {
      use(http.get(REST_URL, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return json([restItem(page)], page === 1 ? { Link: '<termine?page=2>; rel="next"' } : {});
      }));
      const r = await createRestAdapter({ src: REST_URL, fetchOptions: fast }).events!(all);
      equal(r.items.map((e) => e.title), ['Termin 1', 'Termin 2'], 'titles');
      equal(requests().map((u) => u.split('?')[0]), [REST_URL, REST_URL], 'requests');
      equal(requests()[1], `${REST_URL}?page=2`, 'the next link');
    });

    it('The Events Calendar: next_rest_url to another host', async () => {
      use(http.get(TRIBE, () => json({ events: [tribeItem(1)], total_pages: 5, next_rest_url: `${ELSEWHERE}/wp-json/tribe/events/v1/events?page=2` })), elsewhere());
      const r = await createTribeAdapter({ src: WP, fetchOptions: fast }).events!(all);
      equal(r.items.map((e) => e.title), ['Treff 1'], 'titles');
      equal(requests().filter((u) => !u.startsWith(WP)), [], 'requests elsewhere');
    });

    it('Karte von morgen: ids that are paths or URLs never leave the API', async () => {
      const visible = ['a1', '../../elsewhere', `${ELSEWHERE}/x`, 'a2?x=1', 'a3'].map((id) => ({ id }));
      use(
        http.get(`${KVM}/search`, () => json({ visible })),
        http.get(`${KVM}/entries/:ids`, ({ params }) => json(String(params.ids).split(',').map((id) => ({ id, title: `Eintrag ${id}` })))),
        elsewhere(),
      );
      const r = await createKvmAdapter({ src: KVM, fetchOptions: fast }).initiatives!({});
      equal(r.items.map((x) => x.name), ['Eintrag a1', 'Eintrag a3'], 'names');
      check(requests().every((u) => u.startsWith(`${KVM}/`)), `requests ${requests().join(' ')}`);
    });
  });

  describe('hostile feeds: relative URLs resolve against the feed, not the host page', () => {
    it('json (documented format)', async () => {
      use(http.get(JSON_URL, () => json({ events: [{ id: 'a', title: 'A', start, url: '/termine/a', image: { url: 'bild.jpg', alt: '' }, organizer: { name: 'V', url: '../verein' } }] })));
      const [e] = (await createJsonAdapter({ src: JSON_URL, fetchOptions: fast }).events!(all)).items;
      equal([e!.url, e!.image?.url, e!.organizer?.url], [
        'https://json.hostile.example.test/termine/a', 'https://json.hostile.example.test/daten/bild.jpg', 'https://json.hostile.example.test/verein',
      ], 'urls');
    });

    it('schema.org', async () => {
      use(http.get(JSON_URL, () => json({
        '@context': 'https://schema.org', '@type': 'NGO', name: 'Verein', url: '/verein/', logo: 'logo.png', sameAs: ['//social.example.test/@verein'],
      })));
      const [x] = (await createJsonAdapter({ src: JSON_URL, fetchOptions: fast }).initiatives!({})).items;
      equal([x!.url, x!.image?.url, x!.links.map((l) => l.url)], [
        'https://json.hostile.example.test/verein/', 'https://json.hostile.example.test/daten/logo.png', ['https://social.example.test/@verein'],
      ], 'urls');
    });

    it('WordPress', async () => {
      use(http.get(WP_POSTS, () => json([{
        id: 1, link: '/initiative/1/', title: { rendered: 'A' }, _embedded: { 'wp:featuredmedia': [{ source_url: '/wp-content/uploads/a.jpg' }] },
      }], { 'X-WP-TotalPages': '1' })));
      const [x] = (await createWordPressAdapter({ src: WP, fetchOptions: fast }).initiatives!({})).items;
      equal([x!.url, x!.image?.url], [`${WP}/initiative/1/`, `${WP}/wp-content/uploads/a.jpg`], 'urls');
    });

    it('The Events Calendar', async () => {
      use(http.get(TRIBE, () => json({ events: [tribeItem(1, { url: '/event/1/', image: { url: '/bild.jpg' }, organizer: [{ organizer: 'V', website: '/verein' }] })] })));
      const [e] = (await createTribeAdapter({ src: WP, fetchOptions: fast }).events!(all)).items;
      equal([e!.url, e!.image?.url, e!.organizer?.url], [`${WP}/event/1/`, `${WP}/bild.jpg`, `${WP}/verein`], 'urls');
    });

    it('Karte von morgen', async () => {
      use(
        http.get(`${KVM}/search`, () => json({ visible: [{ id: 'a1' }] })),
        http.get(`${KVM}/entries/:ids`, () => json([{ id: 'a1', title: 'A', homepage: '/a1', image_url: 'bilder/a1.png' }])),
        http.get(`${KVM}/events`, () => json([{ id: 'e1', title: 'E', start: Date.parse(start) / 1000, homepage: '/e1', image_url: 'e1.png' }])),
      );
      const a = createKvmAdapter({ src: KVM, fetchOptions: fast });
      const [x] = (await a.initiatives!({})).items;
      const [e] = (await a.events!(all)).items;
      equal([x!.url, x!.image?.url, e!.url, e!.image?.url], [
        `${KVM.replace('/v0', '')}/a1`, `${KVM}/entries/bilder/a1.png`, `${KVM.replace('/v0', '')}/e1`, `${KVM}/e1.png`,
      ], 'urls');
    });
  });

  describe('hostile feeds: lists longer than push(...list) can take', () => {
    it('rest: 200 000 items in one page', async () => {
      use(http.get(REST_URL, () => json(Array.from({ length: 200_000 }, (_, i) => (i < 3 ? restItem(i) : 0)))));
      const r = await createRestAdapter({ src: REST_URL, pagination: 'none', fetchOptions: fast }).events!(all);
      equal(r.items.length, 3, 'items');
      equal(r.dropped, 200_000 - 3, 'dropped');
    });

    it('Karte von morgen: an entries batch of 200 000', async () => {
      use(
        http.get(`${KVM}/search`, () => json({ visible: [{ id: 'a1' }] })),
        http.get(`${KVM}/entries/:ids`, () => json(Array.from({ length: 200_000 }, (_, i) => (i === 0 ? { id: 'a1', title: 'A' } : 0)))),
      );
      const r = await createKvmAdapter({ src: KVM, fetchOptions: fast }).initiatives!({});
      equal(r.items.map((x) => x.name), ['A'], 'names');
      equal(r.dropped, 200_000 - 1, 'dropped');
    });
  });
}
