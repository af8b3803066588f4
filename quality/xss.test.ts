// XSS and prototype-pollution gates of issue #9: core's corpus (50 text + 22 URL payloads) in every
// text and URL field of every model, through the memory, json (HTTP and inline <si-data-source>)
// and ical adapters, rendered in every widget with every dialog open.
import { expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { clearFetchCache, validateEvents, validateInitiatives, validateOffers, validateQuestionnaire, type DataAdapter } from '@sozial-innovativ/core';
import { findInjections } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { createJsonAdapter } from '@sozial-innovativ/adapters/json';
import { createIcalAdapter } from '@sozial-innovativ/adapters/ical';
import {
  $, $$, TIMEOUT, allElements, calendar, calendarReady, closeDialog, finderReady, mount, openEvent, showcase, showcaseReady, sleep, text,
  type SiInitiativeCard, type SiInitiativeCards, type SiMatchFinder,
} from './fixtures.js';
import {
  FIELDS, TEXTS, URLS, hostileEvents, hostileIcs, hostileInitiatives, hostileOffers, hostileQuestionnaire, pollutingJson,
} from './hostile-data.js';

declare global {
  interface Window {
    __siXss: () => void;
  }
}

const DATA_URL = 'https://data.example.test/xss.json';
const POLLUTING_URL = 'https://data.example.test/polluting.json';
const hostileJson = () => JSON.stringify({ events: hostileEvents(), initiatives: hostileInitiatives(), questionnaire: hostileQuestionnaire(), offers: hostileOffers() });
const worker = setupWorker(
  http.get(DATA_URL, () => new HttpResponse(hostileJson(), { headers: { 'Content-Type': 'application/json' } })),
  http.get(POLLUTING_URL, () => new HttpResponse(pollutingJson(), { headers: { 'Content-Type': 'application/json' } })),
);
const fast = { retryDelay: 1, maxAge: 0, timeout: 5_000 };

let executed = 0;
const dialogs: string[] = [];
const originals = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };
before(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  window.__siXss = () => void executed++;
  window.alert = (m?: unknown) => void dialogs.push(`alert ${String(m)}`);
  window.confirm = (m?: string) => (dialogs.push(`confirm ${m}`), false);
  window.prompt = (m?: string) => (dialogs.push(`prompt ${m}`), null);
});
after(() => {
  worker.stop();
  Object.assign(window, originals);
});
beforeEach(() => clearFetchCache());

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:', 'webcal:']);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'srcset', 'ping', 'background', 'cite'];

/** What a successful injection would leave: core's findInjections plus any href/src outside the allowed schemes. */
function injections(el: Element, where: string): string[] {
  const found = findInjections(el).map((f) => `${where}: ${f}`);
  for (const node of allElements(el)) {
    for (const name of URL_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      let url: URL | undefined;
      try {
        url = new URL(value, location.href);
      } catch { /* unparsable: reported below */ }
      const tag = `${where}: <${node.localName} ${name}="${value.slice(0, 50)}">`;
      if (!url || !SAFE_SCHEMES.has(url.protocol)) found.push(tag);
      // Credentials dress a foreign host up as a trusted one; mailto header fields add recipients or text.
      else if (url.username || url.password) found.push(`${tag} (credentials)`);
      else if (url.protocol === 'mailto:' && /[?&=]|%3f|%26/i.test(url.href)) found.push(`${tag} (mailto header fields)`);
    }
  }
  return found;
}

/** The counters a payload that ran would have moved. */
async function ranNothing(what: string) {
  await sleep(30); // image errors and autofocus handlers fire asynchronously
  expect(executed, `__siXss() ran during ${what}`).to.equal(0);
  expect(dialogs, `dialogs opened during ${what}`).to.deep.equal([]);
  expect(({} as Record<string, unknown>).polluted, `Object.prototype polluted during ${what}`).to.equal(undefined);
}

/** Payloads must arrive as visible text, or the test proves nothing. */
function showsPayloadsAsText(el: Element, where: string) {
  const all = allElements(el).map((n) => (n.shadowRoot ? '' : n.textContent ?? '')).join('\n');
  const missing = ['<script>__siXss()</script>', '<img src=x onerror=__siXss()>', '<svg onload=__siXss()>'].filter((p) => !all.includes(p));
  expect(missing, `${where}: payloads not shown as text`).to.deep.equal([]);
}

/** Unfolds an .ics and lists every line whose property is not one the writer emits. */
function icsProblems(ics: string): string[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const known = /^(BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|X-WR-CALNAME|UID|DTSTAMP|DTSTART|DTEND|SUMMARY|DESCRIPTION|LOCATION|GEO|URL|STATUS|CATEGORIES)[;:]/;
  const problems = lines.filter((l) => !known.test(l) || /[\r\n\u2028\u2029]/.test(l)).map((l) => `unknown line: ${l.slice(0, 60)}`);
  if (lines.filter((l) => l === 'BEGIN:VEVENT').length !== 1) problems.push('not exactly one VEVENT');
  for (const l of lines.filter((x) => x.startsWith('URL:'))) if (!/^URL:https?:\/\//.test(l)) problems.push(`unsafe ${l.slice(0, 60)}`);
  return problems;
}

const counts = { renders: 0, dialogs: 0, ics: 0, payloadFields: 0 };

async function checkCalendar(adapter: DataAdapter, label: string, expectAll = true) {
  const el = await calendar(adapter, { months: '1' });
  const problems: string[] = [];
  const buttons = $$(el, '.agenda .event');
  if (expectAll) expect(buttons.length, `${label}: events shown`).to.equal(TEXTS.length);
  else expect(buttons.length, `${label}: events shown`).to.be.greaterThan(TEXTS.length - 5);
  showsPayloadsAsText(el, label);
  problems.push(...injections(el, `${label} list`));
  const { createObjectURL } = URL;
  const click = HTMLAnchorElement.prototype.click;
  const blobs: Blob[] = [];
  URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:quality');
  HTMLAnchorElement.prototype.click = function () { /* no real download */ };
  try {
    for (const button of buttons) {
      const dialog = await openEvent(el, button);
      counts.dialogs++;
      problems.push(...injections(el, `${label} dialog ${button.dataset.id}`));
      dialog.querySelector<HTMLElement>('[part=ics-button]')!.click();
      const ics = await blobs.at(-1)!.text();
      counts.ics++;
      problems.push(...icsProblems(ics).map((p) => `${label} .ics of ${button.dataset.id}: ${p}`));
      await closeDialog(dialog);
    }
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  expect(blobs.length).to.equal(buttons.length);
  el.view = 'month';
  await waitUntil(() => $(el, '[role=grid]') || $(el, '.agenda'));
  await calendarReady(el);
  problems.push(...injections(el, `${label} month`));
  counts.renders += 2;
  expect(problems).to.deep.equal([]);
  await ranNothing(label);
}

async function checkShowcase(el: SiInitiativeCards, label: string) {
  const problems: string[] = [];
  const cards = $$(el, 'si-initiative-card') as unknown as SiInitiativeCard[];
  expect(cards.length, `${label}: cards shown`).to.equal(TEXTS.length);
  showsPayloadsAsText(el, label);
  problems.push(...injections(el, `${label} showcase`));
  $<HTMLDetailsElement>(el, 'details.facets')!.open = true;
  for (const c of cards) {
    await c.showDetails();
    counts.dialogs++;
    problems.push(...injections(el, `${label} details ${c.initiative?.id}`));
    c.closeDetails();
    await c.updateComplete;
  }
  counts.renders++;
  expect(problems).to.deep.equal([]);
  await ranNothing(label);
}

async function checkFinder(el: SiMatchFinder, label: string) {
  await finderReady(el);
  const problems: string[] = [];
  expect($(el, '.start'), `${label}: no start screen`).to.not.equal(null);
  problems.push(...injections(el, `${label} start`));
  $(el, '[part~=start-button]')!.click();
  for (let i = 0; i < TEXTS.length; i++) {
    await el.updateComplete;
    await waitUntil(() => $(el, 'form.step'), `${label}: step ${i + 1} missing`);
    problems.push(...injections(el, `${label} step ${i + 1}`));
    $<HTMLInputElement>(el, 'input[name=answer]')!.click();
    $(el, '[part~=next-button]')!.click();
  }
  await waitUntil(() => $(el, '[part~=check]'), `${label}: no check page`);
  showsPayloadsAsText(el, `${label} check`);
  problems.push(...injections(el, `${label} check`));
  $(el, '[part~=results-button]')!.click();
  await waitUntil(() => $(el, '[part~=results]'));
  for (const d of $$<HTMLDetailsElement>(el, 'details')) d.open = true;
  await el.updateComplete;
  problems.push(...injections(el, `${label} results`));
  counts.renders += TEXTS.length + 3;
  expect(problems).to.deep.equal([]);
  await ranNothing(label);
}

describe('XSS: every payload in every field, through every adapter', () => {
  before(() => {
    counts.payloadFields =
      TEXTS.length * (FIELDS.event.length + FIELDS.initiative.length + FIELDS.question.length + FIELDS.offer.length) +
      TEXTS.length * (FIELDS.eventUrls.length + FIELDS.initiativeUrls.length + FIELDS.offerUrls.length);
  });
  after(() => console.log(`[quality] XSS: ${TEXTS.length} text + ${URLS.length} URL payloads, ${counts.payloadFields} payload×field placements per adapter; ${counts.renders} renders, ${counts.dialogs} dialogs, ${counts.ics} .ics files checked`));

  it('the validators keep the hostile data (the payloads reach the widgets)', () => {
    expect(validateEvents(hostileEvents()).items).to.have.length(TEXTS.length);
    expect(validateInitiatives(hostileInitiatives()).items).to.have.length(TEXTS.length);
    expect(validateOffers(hostileOffers()).items).to.have.length(TEXTS.length);
    expect(validateQuestionnaire(hostileQuestionnaire())?.questions).to.have.length(TEXTS.length);
  });

  it('calendar: memory adapter (list, month, every dialog, every .ics)', async function () {
    this.timeout(30_000);
    await checkCalendar(createMemoryAdapter({ events: hostileEvents() }), 'calendar/memory');
  });
  it('calendar: json adapter over HTTP', async function () {
    this.timeout(30_000);
    await checkCalendar(createJsonAdapter({ src: DATA_URL, fetchOptions: fast }), 'calendar/json');
  });
  it('calendar: ical adapter (payloads in SUMMARY, DESCRIPTION, LOCATION, CATEGORIES, URL)', async function () {
    this.timeout(30_000);
    await checkCalendar(createIcalAdapter({ text: hostileIcs() }), 'calendar/ical', false);
  });

  it('initiative showcase and cards: memory adapter, json over HTTP, inline <si-data-source>', async function () {
    this.timeout(60_000);
    await checkShowcase(await showcase(createMemoryAdapter({ initiatives: hostileInitiatives() }), 100), 'showcase/memory');
    await checkShowcase(await showcase(createJsonAdapter({ src: DATA_URL, fetchOptions: fast }), 100), 'showcase/json');
    const host = await mount<HTMLElement>(html`<si-data-source type="json"><si-initiative-cards page-size="100"></si-initiative-cards></si-data-source>`, 'si-data-source');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = hostileJson();
    host.prepend(script);
    host.setAttribute('data-reload', '1'); // the source re-reads its options on an attribute change
    const inline = host.querySelector('si-initiative-cards')!;
    await showcaseReady(inline);
    await waitUntil(() => $$(inline, 'si-initiative-card').length === TEXTS.length, 'inline data not shown', { timeout: TIMEOUT });
    await checkShowcase(inline, 'showcase/inline');
    // One card by id, the way a CMS page embeds a single initiative.
    const single = await mount<SiInitiativeCard>(html`<si-initiative-card .adapter=${createMemoryAdapter({ initiatives: hostileInitiatives() })} initiative-id=${hostileInitiatives()[0]!.id}></si-initiative-card>`, 'si-initiative-card');
    await waitUntil(() => $(single, 'article'));
    await single.showDetails();
    expect(injections(single, 'card by id')).to.deep.equal([]);
    await ranNothing('card by id');
  });

  it('match finder: memory adapter and json over HTTP, every step, check page, results with details', async function () {
    this.timeout(30_000);
    const memory = createMemoryAdapter({ questionnaire: hostileQuestionnaire(), offers: hostileOffers() });
    await checkFinder(await mount<SiMatchFinder>(html`<si-match-finder .adapter=${memory}></si-match-finder>`, 'si-match-finder'), 'finder/memory');
    const json = createJsonAdapter({ src: DATA_URL, fetchOptions: fast });
    await checkFinder(await mount<SiMatchFinder>(html`<si-match-finder .adapter=${json}></si-match-finder>`, 'si-match-finder'), 'finder/json');
  });
});

describe('Prototype pollution: hostile JSON leaves ({}).polluted undefined', () => {
  it('through the json adapter over HTTP, inline data, and every widget', async () => {
    const adapter = createJsonAdapter({ src: POLLUTING_URL, fetchOptions: fast });
    const el = await calendar(adapter, { months: '1' });
    expect(text($(el, '.agenda'))).to.contain('T');
    const cards = await showcase(createJsonAdapter({ src: POLLUTING_URL, fetchOptions: fast }));
    expect($$(cards, 'si-initiative-card')).to.have.length(1);
    const finderEl = await mount<SiMatchFinder>(html`<si-match-finder .adapter=${createJsonAdapter({ data: JSON.parse(pollutingJson()) })}></si-match-finder>`, 'si-match-finder');
    await finderReady(finderEl);
    expect($(finderEl, '.start')).to.not.equal(null);
    await ranNothing('polluting JSON');
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
  });
});
