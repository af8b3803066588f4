// Shared fixtures for the cross-widget quality gates (issue #9): data, mounting, axe, probes.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { AxeResults, RunOptions } from 'axe-core';
// axe-core is a UMD bundle: imported for its side effect, it registers `window.axe`.
import 'axe-core/axe.min.js';
import { executeServerCommand } from '@web/test-runner-commands';
import type { DataAdapter } from '@sozial-innovativ/core';
import '@sozial-innovativ/core/define/data-source';
import '@sozial-innovativ/event-calendar/define';
import '@sozial-innovativ/initiative-cards/define';
import '@sozial-innovativ/match-finder/define';
import type { SiEventCalendar } from '@sozial-innovativ/event-calendar';
import type { SiInitiativeCard, SiInitiativeCards } from '@sozial-innovativ/initiative-cards';
import type { SiMatchFinder } from '@sozial-innovativ/match-finder';

export type { SiEventCalendar, SiInitiativeCard, SiInitiativeCards, SiMatchFinder };

// ── Good data for every widget ───────────────────────────────────────────────────────────

/** All in October/November 2026; mount the calendar with `date="2026-10-01" months="2"`. */
export const EVENTS = [
  {
    id: 'leipzig', title: 'Zukunft unternehmerisch gestalten', start: '2026-10-21T17:00:00+02:00', end: '2026-10-21T20:00:00+02:00',
    format: 'hybrid', topics: ['Sozialunternehmen'], onlineUrl: 'https://example.org/stream', url: 'https://example.org/leipzig',
    location: { name: 'Impact Hub Leipzig', town: 'Leipzig', accessibility: 'Stufenlos erreichbar.' },
    registration: { state: 'open', url: 'https://example.org/anmeldung', deadline: '2026-10-16' },
    description: 'Sozialunternehmen als Sozialinnovatoren für Sachsen.', easyLanguage: 'Ein Treffen in Leipzig.',
  },
  { id: 'telux', title: 'Den ländlichen Raum stärken', start: '2026-11-09T17:00:00+01:00', topics: ['Wohnen'], location: { name: 'TELUX', town: 'Weißwasser' } },
  { id: 'pflege', title: 'Pflege im Quartier', start: '2026-10-07T17:00:00+02:00', status: 'cancelled', location: { town: 'Görlitz' } },
  ...[9, 10, 11, 12].map((h, i) => ({ id: `werkstatt-${i + 1}`, title: `Werkstatt ${i + 1}`, start: `2026-10-14T${String(h).padStart(2, '0')}:00:00+02:00`, location: { town: 'Dresden' } })),
];

export const INITIATIVES = [
  {
    id: 'bring-together', name: 'bring-together', kind: 'social-enterprise',
    summary: 'Bringt Alleinerziehende, Familien und Ältere mit Wohnprojekten zusammen.', easyLanguage: 'bring-together hilft beim Wohnen.',
    description: 'Sozialunternehmen aus Leipzig.', topics: ['Wohnen', 'Gemeinschaft'], targetGroups: ['Alleinerziehende'],
    region: { town: 'Leipzig', district: 'Leipzig' }, contact: { email: 'hallo@bring-together.example', phone: '+49 341 000000' },
    links: [{ label: 'Projekte', url: 'https://www.bring-together.de/de' }], founded: '2019', lastChecked: '2025-06-10',
    source: { name: 'Sozial.Innovativ', url: 'https://example.org/quelle', licence: 'CC BY 4.0' },
  },
  { id: 'telux', name: 'Soziokulturelles Zentrum TELUX', kind: 'organisation', summary: 'Kultur in Weißwasser.', topics: ['Kultur'], region: { town: 'Weißwasser', district: 'Görlitz' } },
  { id: 'oekodorf', name: 'Ökodorf Zittau', summary: 'Gemeinschaftlich wohnen.', topics: ['Wohnen'], region: { town: 'Zittau', district: 'Görlitz' }, url: 'https://example.org/oekodorf' },
];

const option = (value: string, label: string) => ({ value, label });
export const QUESTIONNAIRE = {
  id: 'wohnen', title: 'Wohnprojekt finden', intro: 'Ein paar Fragen zu Ihnen.',
  questions: [
    { id: 'household', kind: 'single', required: true, seeks: 'household', label: 'Wer möchte einziehen?', shortLabel: 'Haushalt', options: [option('family', 'Familie mit Kindern'), option('senior', 'Über 60')] },
    { id: 'where', kind: 'location', hard: true, label: 'Wo möchten Sie wohnen?', shortLabel: 'Entfernung' },
    { id: 'rent', kind: 'range', hard: true, attribute: 'rent', unit: '€', label: 'Wie viel Miete können Sie zahlen?', shortLabel: 'Miete' },
    { id: 'stepFree', kind: 'boolean', attribute: 'stepFree', label: 'Brauchen Sie eine stufenlose Wohnung?', shortLabel: 'Stufenlos' },
    { id: 'community', kind: 'scale', attribute: 'community', min: 1, max: 5, label: 'Wie viel Gemeinschaft?', shortLabel: 'Gemeinschaft', hint: '1 = wenig, 5 = sehr viel' },
    { id: 'setting', kind: 'multiple', attribute: 'setting', label: 'Welche Umgebung passt?', shortLabel: 'Umgebung', options: [option('city', 'Stadt'), option('village', 'Dorf')] },
  ],
};
const offer = (id: string, name: string, town: string, district: string, attributes: object, household: string[]) => ({
  id, name, summary: `${name} in ${town}`, description: `Mehr über ${name}.`, location: { town, district },
  url: `https://example.org/${id}`, contact: { email: `${id}@example.org`, name: 'Kontakt' }, attributes: { stepFree: true, ...attributes }, seeks: { household },
});
export const OFFERS = [
  offer('a', 'Alte Gärtnerei', 'Leipzig', 'Leipzig', { rent: 600, community: 4, setting: 'city' }, ['family']),
  offer('b', 'Bahnhof Taucha', 'Taucha', 'Nordsachsen', { rent: 500, community: 3, setting: 'village' }, ['senior']),
  offer('c', 'Dorfgemeinschaft Delitzsch', 'Delitzsch', 'Nordsachsen', { rent: 450, community: 3, setting: 'village' }, ['family']),
  offer('d', 'Elbhaus', 'Dresden', 'Dresden', { rent: 500, community: 3, setting: 'city' }, ['family']),
];

/** Every model in the documented JSON format, for the json adapter and inline data. */
export const ALL_DATA = { events: EVENTS, initiatives: INITIATIVES, questionnaire: QUESTIONNAIRE, offers: OFFERS };

// ── Shadow DOM helpers ───────────────────────────────────────────────────────────────────

export const sr = (el: Element): ShadowRoot => el.shadowRoot!;
export const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => sr(el).querySelector<T>(selector);
export const $$ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => [...sr(el).querySelectorAll<T>(selector)];
export const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The element that really has focus, through every shadow root. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Every element under `root`, through every open shadow root. */
export function allElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root instanceof Element) out.push(root);
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/** Every open shadow root at or below `root`. */
export const shadowRoots = (root: Element): ShadowRoot[] =>
  allElements(root).flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []));

// ── Mounting ─────────────────────────────────────────────────────────────────────────────

export const TIMEOUT = 8_000;

export async function mount<T extends HTMLElement>(template: TemplateResult, selector: string): Promise<T> {
  const host = await fixture<HTMLElement>(html`<div class="si-quality-host">${template}</div>`);
  return host.querySelector<T>(selector)!;
}

export const calendarReady = (el: SiEventCalendar) =>
  waitUntil(() => $(el, '.body')?.getAttribute('aria-busy') === 'false', 'the calendar did not finish loading', { timeout: TIMEOUT });
export const showcaseReady = (el: SiInitiativeCards) =>
  waitUntil(() => $(el, '[part=status], [part~=state]:not([part~=loading])'), 'the showcase did not render', { timeout: TIMEOUT });
export const cardReady = (el: SiInitiativeCard) =>
  waitUntil(() => $(el, 'article, [part~=state]:not([part~=loading])'), 'the card did not render', { timeout: TIMEOUT });
export const finderReady = (el: SiMatchFinder) =>
  waitUntil(() => $(el, '.start, [role=alert], [part~=empty]'), 'the match finder did not load', { timeout: TIMEOUT });

export async function calendar(adapter: DataAdapter, attrs: { view?: string; months?: string } = {}): Promise<SiEventCalendar> {
  const el = await mount<SiEventCalendar>(html`<si-event-calendar .adapter=${adapter} date="2026-10-01" months=${attrs.months ?? '2'} view=${attrs.view ?? 'list'}></si-event-calendar>`, 'si-event-calendar');
  await calendarReady(el);
  return el;
}
export async function showcase(adapter: DataAdapter, pageSize = 24): Promise<SiInitiativeCards> {
  const el = await mount<SiInitiativeCards>(html`<si-initiative-cards .adapter=${adapter} page-size=${pageSize}></si-initiative-cards>`, 'si-initiative-cards');
  await showcaseReady(el);
  await Promise.all($$(el, 'si-initiative-card').map((c) => (c as unknown as SiInitiativeCard).updateComplete));
  return el;
}
export async function card(adapter: DataAdapter, id: string): Promise<SiInitiativeCard> {
  const el = await mount<SiInitiativeCard>(html`<si-initiative-card .adapter=${adapter} initiative-id=${id}></si-initiative-card>`, 'si-initiative-card');
  await cardReady(el);
  return el;
}
export async function finder(adapter: DataAdapter): Promise<SiMatchFinder> {
  const el = await mount<SiMatchFinder>(html`<si-match-finder .adapter=${adapter}></si-match-finder>`, 'si-match-finder');
  await finderReady(el);
  return el;
}

/** Opens an event's details dialog by clicking its agenda button; resolves with the dialog. */
/** From the first step to the results: one answer, every other question skipped. */
export async function toResults(el: SiMatchFinder) {
  $<HTMLInputElement>(el, '#answer-0')!.click();
  await el.updateComplete;
  $(el, '[part~=next-button]')!.click();
  for (let step = 2; step <= ALL_DATA.questionnaire.questions.length; step++) {
    await waitUntil(() => text($(el, '#heading')).startsWith(`Schritt ${step} `), `never reached step ${step}`);
    $$(el, 'button').find((b) => text(b) === 'Frage überspringen')!.click();
    await el.updateComplete;
  }
  await waitUntil(() => $$(el, 'button').some((b) => text(b) === 'Ergebnisse anzeigen'));
  $$(el, 'button').find((b) => text(b) === 'Ergebnisse anzeigen')!.click();
  await waitUntil(() => $(el, '[part~=results]'));
}

export async function openEvent(el: SiEventCalendar, button: HTMLElement): Promise<HTMLDialogElement> {
  button.click();
  const dialog = $<HTMLDialogElement>(el, 'dialog.event-dialog')!;
  await waitUntil(() => dialog.open && dialog.querySelector('h2'), 'the event dialog did not open', { timeout: TIMEOUT });
  return dialog;
}
/** Closes a dialog and waits for its `close` event, which widgets handle a task later. */
export async function closeDialog(dialog: HTMLDialogElement): Promise<void> {
  const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
  dialog.close();
  await closed;
  await new Promise((resolve) => setTimeout(resolve));
}

// ── axe ──────────────────────────────────────────────────────────────────────────────────

interface AxeApi {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}
const axe = (window as unknown as { axe: AxeApi }).axe;

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/**
 * Page-level best-practice rules, off on purpose: they judge a whole page (one `<main>`, one
 * `<h1>`, all content inside landmarks), and an embedded widget is a part of the host's page,
 * never the page. Every other rule of the tags above runs.
 */
export const PAGE_LEVEL_RULES = ['region', 'landmark-one-main', 'page-has-heading-one'];

/** axe's violations in `el` as readable lines (`rule: target`), empty when there are none. */
export async function axeViolations(el: Element): Promise<string[]> {
  const results = await axe.run(el, {
    runOnly: { type: 'tag', values: AXE_TAGS },
    rules: Object.fromEntries(PAGE_LEVEL_RULES.map((id) => [id, { enabled: false }])),
    resultTypes: ['violations'],
  });
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

/** Counts every axe check, so the report can say how many states were checked. */
export const axeStats = { states: 0 };

export async function expectNoAxeViolations(el: Element, state = el.localName): Promise<void> {
  axeStats.states++;
  const found = await axeViolations(el);
  if (found.length) throw new Error(`axe found ${found.length} violation(s) in ${state}:\n  ${found.join('\n  ')}`);
}

// ── Media emulation (see quality/wtr-plugins.mjs) ────────────────────────────────────────

/** `true` when the browser emulated the media features; `false` when it cannot (Firefox over BiDi). */
export const emulateMediaFeatures = (features: { forcedColors?: 'active' | 'none'; reducedMotion?: 'reduce' | 'no-preference' }) =>
  executeServerCommand<boolean, typeof features>('si-emulate-media', features);

// ── Request recording (privacy) ──────────────────────────────────────────────────────────

/**
 * Records every request the page starts: fetch, XMLHttpRequest, sendBeacon (wrapped, with their
 * bodies and headers) and everything Resource Timing sees (images, scripts, styles, fetches,
 * service-worker answered requests too).
 */
export function recordRequests() {
  const calls: { via: string; url: string; body: string; headers: string }[] = [];
  const resources: string[] = [];
  const start = performance.now();
  const original = { fetch: window.fetch, open: XMLHttpRequest.prototype.open, send: XMLHttpRequest.prototype.send, beacon: navigator.sendBeacon };
  window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    calls.push({ via: 'fetch', url, body: typeof init?.body === 'string' ? init.body : '', headers: [...headers].map(([k, v]) => `${k}: ${v}`).join('\n') });
    return original.fetch.call(window, input, init);
  };
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    calls.push({ via: 'xhr', url: String(url), body: '', headers: '' });
    return (original.open as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    if (calls.at(-1)?.via === 'xhr') calls.at(-1)!.body = typeof body === 'string' ? body : '';
    return original.send.call(this, body);
  };
  navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
    calls.push({ via: 'beacon', url: String(url), body: typeof data === 'string' ? data : '', headers: '' });
    return original.beacon.call(navigator, url, data);
  };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime >= start) resources.push(entry.name);
  });
  observer.observe({ type: 'resource', buffered: true });
  return {
    calls,
    resources,
    /** Stops recording and returns every URL seen (wrapped calls and Resource Timing). */
    stop(): string[] {
      for (const entry of observer.takeRecords()) if (entry.startTime >= start) resources.push(entry.name);
      observer.disconnect();
      window.fetch = original.fetch;
      XMLHttpRequest.prototype.open = original.open;
      XMLHttpRequest.prototype.send = original.send;
      navigator.sendBeacon = original.beacon;
      return [...calls.map((c) => c.url), ...resources];
    },
  };
}

/** URLs whose host is none of `allowed` (relative URLs resolve against the page). */
export const foreignRequests = (urls: string[], allowed: string[]) =>
  urls.filter((u) => {
    const url = new URL(u, location.href);
    return !['blob:', 'data:', 'about:'].includes(url.protocol) && !allowed.includes(url.host);
  });

/** Cookies, web storage and IndexedDB databases left behind, as readable lines. */
export async function storageLeftovers(): Promise<string[]> {
  const left: string[] = [];
  if (document.cookie) left.push(`cookie: ${document.cookie}`);
  for (let i = 0; i < localStorage.length; i++) left.push(`localStorage: ${localStorage.key(i)}`);
  for (let i = 0; i < sessionStorage.length; i++) left.push(`sessionStorage: ${sessionStorage.key(i)}`);
  // indexedDB.databases() is in Chromium and Firefox ≥ 126; where missing there is nothing to list.
  if (typeof indexedDB.databases === 'function') for (const db of await indexedDB.databases()) left.push(`indexedDB: ${db.name}`);
  return left;
}

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
