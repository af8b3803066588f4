import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { addDays, dayKey, type DataAdapter, type EventQuery } from '@sozial-innovativ/core';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { flakyAdapter, spyAdapter, staleAdapter, stalledAdapter } from '@sozial-innovativ/core/testing';
import type { SiEventCalendar } from './index.js';
import './define.js';

// ── Shared fixtures ────────────────────────────────────────────────────────────────────────

const EVENTS = [
  {
    id: 'leipzig', title: 'Sozial.Innovativ Zukunft unternehmerisch gestalten', start: '2026-10-21T17:00:00+02:00', end: '2026-10-21T20:00:00+02:00',
    format: 'hybrid', topics: ['Sozialunternehmen'], onlineUrl: 'https://example.org/stream',
    location: { name: 'Impact Hub Leipzig', town: 'Leipzig', accessibility: 'Stufenlos erreichbar, Induktionsschleife.' },
    registration: { state: 'open', url: 'https://example.org/anmeldung', deadline: '2026-10-16' },
    url: 'javascript:alert(1)', description: 'Sozialunternehmen als Sozialinnovatoren für Sachsen.', easyLanguage: 'Ein Treffen in Leipzig. Alle können kommen.',
  },
  { id: 'telux', title: 'Sozial.Innovativ den ländlichen Raum stärken', start: '2026-11-09T17:00:00+01:00', topics: ['Ländlicher Raum', 'Wohnen'], location: { name: 'TELUX', town: 'Weißwasser' } },
  { id: 'pflege', title: 'Pflege im Quartier', start: '2026-10-07T17:00:00+02:00', status: 'cancelled', topics: ['Pflege'], location: { town: 'Görlitz' } },
  { id: 'online', title: 'Online-Sprechstunde Wohnen', start: '2026-10-28T15:00:00+01:00', format: 'online', onlineUrl: 'https://example.org/online', topics: ['Wohnen'] },
  ...[9, 10, 11, 12, 13].map((h, i) => ({
    id: `werkstatt-${i + 1}`, title: `Werkstatt ${i + 1}`, start: `2026-10-14T${String(h).padStart(2, '0')}:00:00+02:00`, topics: ['Bildung'], location: { town: 'Dresden' },
  })),
];

/** A memory source with `events` (the shared fixtures unless given). */
const memory = (events: unknown[] = EVENTS): DataAdapter => createMemoryAdapter({ events });
/** The last query the calendar asked of a spied source. */
const lastQuery = (adapter: ReturnType<typeof spyAdapter>) => adapter.calls.filter((c) => c.method === 'events').at(-1)?.args[0] as EventQuery;

const shadow = (el: SiEventCalendar) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: SiEventCalendar, sel: string) => shadow(el).querySelector<T & HTMLElement>(sel);
const $$ = <T extends Element = HTMLElement>(el: SiEventCalendar, sel: string) => [...shadow(el).querySelectorAll<T & HTMLElement>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const active = (el: SiEventCalendar) => shadow(el).activeElement as HTMLElement | null;
const loaded = (el: SiEventCalendar) => waitUntil(() => $(el, '.body')?.getAttribute('aria-busy') === 'false', 'calendar did not finish loading');
const liveRegion = (el: SiEventCalendar) => text($(el, '[aria-live=polite]'));
const dayLabel = (cell: Element | null | undefined) => text(cell?.querySelector('.day-label'));
/** Presses a key with Shift held, e.g. `Shift+PageDown`, as a person does. */
async function press(key: string): Promise<void> {
  const [mod, main] = key.includes('+') ? key.split('+') : [undefined, key];
  if (mod) await sendKeys({ down: mod });
  await sendKeys({ press: main! });
  if (mod) await sendKeys({ up: mod });
}
const titles = (el: SiEventCalendar) => $$(el, '.agenda .event-title').map(text);

async function calendar(template: (adapter: DataAdapter) => ReturnType<typeof html>, adapter: DataAdapter = memory()): Promise<SiEventCalendar> {
  const el = await fixture<SiEventCalendar>(template(adapter));
  await loaded(el);
  return el;
}

// ── Views ──────────────────────────────────────────────────────────────────────────────────

describe('<si-event-calendar> list view', () => {
  it('is the default and lists each event once, in order, with German dates and set positions', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="2"></si-event-calendar>`);
    expect(titles(el)).to.deep.equal([
      'Pflege im Quartier', 'Werkstatt 1', 'Werkstatt 2', 'Werkstatt 3', 'Werkstatt 4', 'Werkstatt 5',
      'Sozial.Innovativ Zukunft unternehmerisch gestalten', 'Online-Sprechstunde Wohnen', 'Sozial.Innovativ den ländlichen Raum stärken',
    ]);
    const rows = $$(el, '.agenda > li');
    expect(rows.map((r) => r.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(rows.every((r) => r.getAttribute('aria-setsize') === '9')).to.equal(true);
    expect(text(rows[6])).to.contain('Mi., 21. Okt.').and.contain('17:00–20:00').and.contain('Leipzig · Impact Hub Leipzig');
    expect(text(rows[0]!.querySelector('.event'))).to.equal('Abgesagt Pflege im Quartier');
    expect(text($(el, '#title'))).to.contain('1. Okt.').and.contain('30. Nov. 2026');
    await expect(el).to.be.accessible();
  });

  it('pages a long agenda: 50 rows, then "show more" with focus on the first new row', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ id: `e${i}`, title: `Termin ${i + 1}`, start: `${addDays('2026-10-01', i % 60)}T${String(8 + (i % 10)).padStart(2, '0')}:00:00+02:00` }));
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="3" hide-filters></si-event-calendar>`, memory(many));
    expect($$(el, '.agenda > li')).to.have.length(50);
    expect($(el, '.agenda > li')!.getAttribute('aria-setsize')).to.equal('120');
    const more = $(el, '[part=more-button]')!;
    expect(text(more)).to.equal('Weitere anzeigen (50 von 120 angezeigt)');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(el, '.agenda > li').length === 100);
    expect(active(el)?.closest('li')?.getAttribute('aria-posinset')).to.equal('51');
    await expect(el).to.be.accessible();
  });

  it('asks the adapter only for the visible period and moves it with the navigation', async () => {
    const adapter = spyAdapter(memory());
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="1" hide-filters></si-event-calendar>`, adapter);
    expect(lastQuery(adapter)).to.deep.include({ from: '2026-09-30T22:00:00.000Z', to: '2026-10-31T23:00:00.000Z' });
    const change = oneEvent(el, 'si-range-change');
    $(el, '[data-step="1"]')!.click();
    expect((await change).detail).to.deep.equal({ from: '2026-11-01', to: '2026-12-01', view: 'list' });
    await loaded(el);
    expect(titles(el)).to.deep.equal(['Sozial.Innovativ den ländlichen Raum stärken']);
    expect(liveRegion(el)).to.contain('30. Nov. 2026').and.equal(text($(el, '#title')));
  });

  it('shows only the next N events in upcoming mode, without navigation or filters', async () => {
    const today = dayKey(Date.now());
    const soon = [-3, 1, 2, 5, 40, 400].map((d, i) => ({ id: `u${i}`, title: `In ${d} Tagen`, start: addDays(today, d) }));
    const adapter = memory(soon);
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} limit="3" heading="Nächste Termine"></si-event-calendar>`, adapter);
    expect(titles(el)).to.deep.equal(['In 1 Tagen', 'In 2 Tagen', 'In 5 Tagen']);
    expect($(el, '.toolbar')).to.equal(null);
    expect($(el, '.filters')).to.equal(null);
    expect($(el, 'section')!.getAttribute('aria-label')).to.equal('Nächste Termine');
    await expect(el).to.be.accessible();
  });

  it('keeps to a preset topic in upcoming mode, looking further ahead until it has N of them', async () => {
    const today = dayKey(Date.now());
    const events = [
      { id: 'w1', title: 'Wohnen bald', start: addDays(today, 3), topics: ['Wohnen'] },
      { id: 'p1', title: 'Pflege bald', start: addDays(today, 4), topics: ['Pflege'] },
      { id: 'w2', title: 'Wohnen im Sommer', start: addDays(today, 200), topics: ['Wohnen'] },
      { id: 'w3', title: 'Wohnen danach', start: addDays(today, 300), topics: ['Wohnen'] },
    ];
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} limit="2" topics="Wohnen"></si-event-calendar>`, memory(events));
    expect(titles(el)).to.deep.equal(['Wohnen bald', 'Wohnen im Sommer']);
  });

  it('shows the agenda instead of the grid in a narrow container, without horizontal scrolling', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><si-event-calendar view="month" date="2026-10-21" .adapter=${memory()}></si-event-calendar></div>`);
    wrapper.style.width = '320px';
    const el = wrapper.querySelector('si-event-calendar')!;
    await waitUntil(() => $(el, '.agenda'), 'no agenda in a narrow container');
    await loaded(el);
    expect($(el, '[role=grid]')).to.equal(null);
    expect(titles(el)).to.include('Sozial.Innovativ Zukunft unternehmerisch gestalten');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(shadow(el).querySelector('.base')!.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});

describe('<si-event-calendar> month grid keyboard model', () => {
  it('has one tab stop and moves with arrows, Home/End, PageUp/PageDown and Shift+PageUp/PageDown', async () => {
    const adapter = spyAdapter(memory());
    const page = await fixture<HTMLDivElement>(html`<div><si-event-calendar .adapter=${adapter} view="month" date="2026-10-21" hide-filters></si-event-calendar><button>Weiter im Text</button></div>`);
    const el = page.querySelector('si-event-calendar')!;
    await loaded(el);
    const grid = $(el, '[role=grid]')!;
    expect(grid.getAttribute('aria-labelledby')).to.equal('title');
    expect(text($(el, '#title'))).to.equal('Oktober 2026');
    expect($$(el, '[role=gridcell]')).to.have.length(42);
    expect($$(el, '[role=gridcell][tabindex="0"]').map((c) => c.dataset.day)).to.deep.equal(['2026-10-21']);
    expect(lastQuery(adapter)).to.deep.include({ from: '2026-09-27T22:00:00.000Z', to: '2026-11-08T23:00:00.000Z' });

    $(el, '[data-view=month]')!.focus();
    await sendKeys({ press: 'Tab' });
    const day = () => active(el)?.dataset.day;
    expect(day()).to.equal('2026-10-21');
    expect(dayLabel(active(el))).to.equal('Mittwoch, 21. Oktober 2026, 1 Veranstaltung');

    const steps: [string, string][] = [
      ['ArrowRight', '2026-10-22'], ['ArrowDown', '2026-10-29'], ['ArrowLeft', '2026-10-28'], ['ArrowUp', '2026-10-21'],
      ['Home', '2026-10-19'], ['End', '2026-10-25'], ['PageDown', '2026-11-25'], ['PageUp', '2026-10-25'],
      ['Shift+PageDown', '2027-10-25'], ['Shift+PageUp', '2026-10-25'],
    ];
    for (const [key, expected] of steps) {
      await press(key);
      await waitUntil(() => day() === expected, `${key} should focus ${expected}, focus is on ${day()}`);
      expect($$(el, '[role=gridcell][tabindex="0"]')).to.have.length(1);
    }
    // The month change after Shift+PageDown was announced, and the new grid was loaded.
    await sendKeys({ press: 'PageDown' });
    await waitUntil(() => day() === '2026-11-25');
    expect(liveRegion(el)).to.equal('November 2026');
    expect(text($(el, '#title'))).to.equal('November 2026');
    expect(lastQuery(adapter)).to.deep.include({ from: '2026-10-25T23:00:00.000Z' });

    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(page.querySelector('button'));
    await loaded(el);
    await expect(el).to.be.accessible();
  });

  it('shows a few events per day and a "+N more" that opens the day, by click and by Enter', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} view="month" date="2026-10-14" hide-filters></si-event-calendar>`);
    const cell = $(el, '[data-day="2026-10-14"]')!;
    expect($$(el, '[data-day="2026-10-14"] .chip').map(text)).to.deep.equal(['09:00 Werkstatt 1', '10:00 Werkstatt 2']);
    const more = cell.querySelector<HTMLElement>('.more-link')!;
    expect(text(more)).to.equal('+3 weitere');
    expect(dayLabel(cell)).to.equal('Mittwoch, 14. Oktober 2026, 5 Veranstaltungen');
    expect(text($(el, '[data-day="2026-10-07"] .chip'))).to.contain('Pflege im Quartier');

    more.click();
    const dayDialog = $<HTMLDialogElement>(el, 'dialog.day-dialog')!;
    await waitUntil(() => dayDialog.open);
    expect(text(dayDialog.querySelector('h2'))).to.equal('Veranstaltungen am Mittwoch, 14. Oktober 2026');
    expect([...dayDialog.querySelectorAll('.event-title')].map(text)).to.deep.equal(['Werkstatt 1', 'Werkstatt 2', 'Werkstatt 3', 'Werkstatt 4', 'Werkstatt 5']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dayDialog.open);
    expect(active(el)).to.equal(cell);

    // Keyboard: Enter on the day, then Tab to an event and open it: the event dialog stacks on
    // top; Escape goes back one level at a time and focus follows.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dayDialog.open);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(active(el))).to.equal('Werkstatt 3');
    await sendKeys({ press: 'Enter' });
    const eventDialog = $<HTMLDialogElement>(el, 'dialog.event-dialog')!;
    await waitUntil(() => eventDialog.open);
    expect(text(eventDialog.querySelector('h2'))).to.equal('Werkstatt 3');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !eventDialog.open);
    expect(dayDialog.open).to.equal(true);
    expect(text(active(el))).to.equal('Werkstatt 3');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dayDialog.open);
    expect(active(el)).to.equal(cell);
  });
});

// ── Details, .ics, events out ──────────────────────────────────────────────────────────────

describe('<si-event-calendar> event details', () => {
  it('opens an accessible dialog with date, venue, format, registration and easy language; focus goes in and back', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="2"></si-event-calendar>`);
    const trigger = $$(el, '.agenda .event').find((b) => text(b).includes('unternehmerisch'))!;
    trigger.focus();
    const selected = oneEvent(el, 'si-event-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.event.id).to.equal('leipzig');
    const dialog = $<HTMLDialogElement>(el, 'dialog.event-dialog')!;
    await waitUntil(() => dialog.open);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(shadow(el).getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal('Sozial.Innovativ Zukunft unternehmerisch gestalten');
    expect(dialog.contains(active(el))).to.equal(true);
    const facts = Object.fromEntries([...dialog.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]));
    expect(facts.Wann).to.match(/^Mittwoch, 21\. Oktober 2026, 17:00\s?–\s?20:00/);
    expect(facts.Wo).to.equal('Impact Hub LeipzigLeipzig');
    expect(facts.Barrierefreiheit).to.equal('Stufenlos erreichbar, Induktionsschleife.');
    expect(facts.Format).to.equal('Hybrid (vor Ort und online)');
    expect(facts.Anmeldung).to.equal('Anmeldung möglichAnmeldeschluss: 16. Oktober 2026');
    expect(text(dialog.querySelector('.easy'))).to.equal('In Leichter SpracheEin Treffen in Leipzig. Alle können kommen.');
    const links = [...dialog.querySelectorAll('a:not([part=provider-link])')].map((a) => [text(a), a.getAttribute('href')]);
    expect(links).to.deep.equal([['Zur Anmeldung', 'https://example.org/anmeldung'], ['Online teilnehmen', 'https://example.org/stream']]);
    // The add-to-calendar menu's Google and Outlook links (#17) are built here: https only.
    expect([...dialog.querySelectorAll('a')].every((a) => a.href.startsWith('https://'))).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(active(el)).to.equal(trigger);
  });

  it('marks a cancelled event clearly and offers no registration for it', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} lang="en" date="2026-10-01" months="1"></si-event-calendar>`, memory([
      { ...EVENTS[0], status: 'cancelled' },
    ]));
    await el.messagesReady(); // English loads on first use
    await el.updateComplete;
    expect(text($(el, '.agenda .event'))).to.equal('Cancelled Sozial.Innovativ Zukunft unternehmerisch gestalten');
    $(el, '.agenda .event')!.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog.event-dialog')!;
    await waitUntil(() => dialog.open);
    expect(text(dialog.querySelector('.status-banner'))).to.equal('Cancelled');
    expect(text(dialog.querySelector('.facts'))).to.contain('Wednesday, 21 October 2026');
    expect([...dialog.querySelectorAll('a')].map(text)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLElement>('.close')!.click();
    await waitUntil(() => !dialog.open);
  });

  it('downloads a valid .ics for one event, made in the browser', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="1"></si-event-calendar>`);
    $$(el, '.agenda .event').find((b) => text(b).includes('unternehmerisch'))!.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog.event-dialog')!;
    await waitUntil(() => dialog.open);
    const blobs: Blob[] = [];
    const clicked: HTMLAnchorElement[] = [];
    const { createObjectURL } = URL;
    const anchorClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:test');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      dialog.querySelector<HTMLElement>('[part=ics-button]')!.click();
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = anchorClick;
    }
    expect(clicked.map((a) => [a.download, a.getAttribute('href')])).to.deep.equal([['sozial-innovativ-zukunft-unternehmerisch-gestalten.ics', 'blob:test']]);
    expect(blobs[0]!.type).to.equal('text/calendar;charset=utf-8');
    const ics = await blobs[0]!.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).to.equal(true);
    expect(ics).to.contain('\r\nBEGIN:VEVENT\r\nUID:leipzig@').and.contain('\r\nDTSTART:20261021T150000Z\r\nDTEND:20261021T180000Z\r\n');
    expect(ics).to.contain('SUMMARY:Sozial.Innovativ Zukunft unternehmerisch gestalten');
    expect(ics).to.not.contain('javascript:');
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).to.equal(true);
    dialog.close();
  });

  it('lets a host page show its own details by cancelling si-event-select', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="1"></si-event-calendar>`);
    el.addEventListener('si-event-select', (e) => e.preventDefault());
    $(el, '.agenda .event')!.click();
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog.event-dialog')!.open).to.equal(false);
  });

  it('offers a subscribe link when the source has a feed', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01"></si-event-calendar>`, { ...memory(), feedUrl: 'webcal://example.org/termine.ics' });
    const link = $(el, '[part=subscribe-link]')!;
    expect([text(link), link.getAttribute('href')]).to.deep.equal(['Kalender abonnieren', 'webcal://example.org/termine.ics']);
  });
});

// ── Filters ────────────────────────────────────────────────────────────────────────────────

describe('<si-event-calendar> filters', () => {
  it('applies preset attributes and filters by topic, town, format and free text', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="2" topics="Wohnen"></si-event-calendar>`);
    expect(titles(el)).to.deep.equal(['Online-Sprechstunde Wohnen', 'Sozial.Innovativ den ländlichen Raum stärken']);
    const topic = $<HTMLSelectElement>(el, 'select[name=topics]')!;
    expect(topic.value).to.equal('Wohnen');

    const format = $<HTMLSelectElement>(el, 'select[name=format]')!;
    format.focus();
    const changed = oneEvent(el, 'si-filter-change');
    format.value = 'online';
    format.dispatchEvent(new Event('change', { bubbles: true }));
    expect((await changed).detail.filter).to.deep.equal({ topics: ['Wohnen'], towns: [], format: 'online', q: '', preset: '' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Online-Sprechstunde Wohnen']);
    expect(liveRegion(el)).to.equal('1 Veranstaltung');
    await expect(el).to.be.accessible();
  });

  it('filters from the keyboard right after the first render: Tab to the search, type, hear the count', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><button>Vorher</button><si-event-calendar .adapter=${memory()} date="2026-10-01" months="2"></si-event-calendar></div>`);
    const el = page.querySelector('si-event-calendar')!;
    await loaded(el);
    page.querySelector('button')!.focus();
    for (let i = 0; i < 20 && active(el)?.getAttribute('name') !== 'q'; i++) await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('name'), 'Tab reaches the search field').to.equal('q');
    await sendKeys({ type: 'Werkstatt 3' });
    await waitUntil(() => titles(el).length === 1, 'the list did not follow the search');
    expect(titles(el)).to.deep.equal(['Werkstatt 3']);
    await waitUntil(() => liveRegion(el) === '1 Veranstaltung', 'the count was not announced');
    expect(active(el)?.getAttribute('name'), 'focus stays in the search field').to.equal('q');
    await sendKeys({ press: 'Tab' });
    expect(text(active(el)), 'the next stop resets the filters').to.equal('Filter zurücksetzen');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => titles(el).length === 9, 'reset did not bring back every event');
    await expect(el).to.be.accessible();
  });

  it('follows a filter a host page sets right after the first render', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="2"></si-event-calendar>`);
    el.filter = { towns: ['Görlitz'] };
    await waitUntil(() => titles(el).length === 1, 'the list did not follow the filter');
    expect(titles(el)).to.deep.equal(['Pflege im Quartier']);
    expect($<HTMLSelectElement>(el, 'select[name=towns]')!.value).to.equal('Görlitz');
    await loaded(el);
  });

  it('searches as you type and offers "reset filters" when nothing matches', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="2"></si-event-calendar>`);
    $(el, 'input[name=q]')!.focus();
    await sendKeys({ type: 'weisswasser' });
    await waitUntil(() => titles(el).length === 1);
    expect(titles(el)).to.deep.equal(['Sozial.Innovativ den ländlichen Raum stärken']);
    await sendKeys({ type: ' xyz' });
    await waitUntil(() => $(el, '[part~=empty]'));
    expect(text($(el, '[part~=empty]'))).to.contain('Keine Veranstaltungen passen zu den gewählten Filtern.');
    await expect(el).to.be.accessible();
    $(el, '[part~=empty] [part=reset-button]')!.click();
    await waitUntil(() => titles(el).length === 9);
    expect($<HTMLInputElement>(el, 'input[name=q]')!.value).to.equal('');
  });

  it('narrows to this week with the date preset and filters by town', async () => {
    const today = dayKey(Date.now());
    const events = [
      { id: 'now', title: 'Diese Woche in Leipzig', start: today, location: { town: 'Leipzig' } },
      { id: 'now2', title: 'Diese Woche in Chemnitz', start: today, location: { town: 'Chemnitz' } },
      { id: 'later', title: 'In sechs Wochen', start: addDays(today, 42), location: { town: 'Leipzig' } },
    ];
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} preset="week"></si-event-calendar>`, memory(events));
    expect(titles(el).sort()).to.deep.equal(['Diese Woche in Chemnitz', 'Diese Woche in Leipzig']);
    const town = $<HTMLSelectElement>(el, 'select[name=towns]')!;
    expect([...town.options].map((o) => o.textContent)).to.deep.equal(['Alle Orte', 'Chemnitz', 'Leipzig']);
    town.value = 'Leipzig';
    town.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Diese Woche in Leipzig']);
    el.filter = { towns: ['Leipzig'] };
    await waitUntil(() => titles(el).length === 2, 'without the preset the calendar should load the whole year');
    expect(titles(el)).to.deep.equal(['Diese Woche in Leipzig', 'In sechs Wochen']);
  });

  it('reads and writes the filter in the URL fragment with sync-url', async () => {
    const before = location.hash;
    history.replaceState(null, '', '#programm&termine-topics=Pflege&termine-view=list');
    try {
      const el = await calendar((a) => html`<si-event-calendar .adapter=${a} id="termine" sync-url date="2026-10-01" months="2"></si-event-calendar>`);
      expect(titles(el)).to.deep.equal(['Pflege im Quartier']);
      $(el, '[part=reset-button]')!.click();
      await el.updateComplete;
      expect(location.hash).to.equal('#programm');
      const q = $<HTMLInputElement>(el, 'input[name=q]')!;
      q.value = 'Werkstatt';
      q.dispatchEvent(new Event('input', { bubbles: true }));
      expect(location.hash).to.equal('#programm&termine-q=Werkstatt');
    } finally {
      history.replaceState(null, '', before || location.pathname + location.search);
    }
  });
});

// ── States ─────────────────────────────────────────────────────────────────────────────────

describe('<si-event-calendar> states', () => {
  it('shows loading with aria-busy while the source answers', async () => {
    const el = await fixture<SiEventCalendar>(html`<si-event-calendar .adapter=${stalledAdapter()}></si-event-calendar>`);
    await el.updateComplete;
    await waitUntil(() => $(el, '[part~=loading]'));
    expect($(el, '.body')!.getAttribute('aria-busy')).to.equal('true');
    expect(text($(el, '[part~=loading]'))).to.equal('Wird geladen …');
    await expect(el).to.be.accessible();
  });

  it('shows the adapter\'s error with a retry button that loads again', async () => {
    // The first call fails with HTTP 503, later ones answer.
    const adapter = spyAdapter(flakyAdapter(memory()));
    const el = await fixture<SiEventCalendar>(html`<si-event-calendar date="2026-10-01" .adapter=${adapter}></si-event-calendar>`);
    await waitUntil(() => $(el, '[role=alert]'));
    expect(text($(el, '[role=alert]'))).to.contain('Die Datenquelle meldet einen Fehler.').and.contain('HTTP 503 Service Unavailable');
    await expect(el).to.be.accessible();
    $(el, '[part=retry-button]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => titles(el).length > 0);
    expect(adapter.calls).to.have.length(2);
  });

  it('says so when there are no events, in the month view too', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} view="month" date="2026-10-01"></si-event-calendar>`, memory([]));
    expect(text($(el, '[part~=empty]'))).to.equal('In diesem Zeitraum sind keine Veranstaltungen eingetragen.');
    expect($(el, '[role=grid]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('marks stale data with its time and notes items left out', async () => {
    const fetchedAt = Date.parse('2026-10-20T08:30:00Z');
    const adapter = staleAdapter(memory(), { fetchedAt, dropped: 2 });
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01"></si-event-calendar>`, adapter);
    const notes = $$(el, '[part=notice]').map(text);
    const time = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(fetchedAt);
    expect(notes[0]).to.contain(`Angezeigt wird der Stand von ${time}`);
    expect(notes[1]).to.equal('2 ungültige Einträge wurden ausgelassen.');
    await expect(el).to.be.accessible();
  });

  it('speaks Upper Sorbian as a preview and falls back to German for the rest', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} lang="hsb" view="month" date="2026-10-21" hide-filters></si-event-calendar>`);
    await el.messagesReady(); // Upper Sorbian loads on first use
    await el.updateComplete;
    expect(text($(el, '[part=notice]'))).to.contain('Přehlad');
    expect(text($(el, '[data-view=month]'))).to.equal('Měsac');
    expect(dayLabel($(el, '[data-day="2026-10-21"]'))).to.match(/, 1 zarjadowanje$/);
    await expect(el).to.be.accessible();
  });
});
