// Issue #17 in the browser: add to calendar (this date, the whole series, Google and Outlook
// links), series shown once, following a selection, JSON-LD for search engines, print.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { addDays, dayKey, type DataAdapter } from '@sozial-innovativ/core';
import { createIcalAdapter } from '@sozial-innovativ/adapters/ical';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import type { SiEventCalendar } from './index.js';
import { FEED } from './test-fixtures/series-feed.js';
import './define.js';

const $ = <T extends Element = HTMLElement>(el: SiEventCalendar, sel: string) => el.shadowRoot!.querySelector<T & HTMLElement>(sel);
const $$ = <T extends Element = HTMLElement>(el: SiEventCalendar, sel: string) => [...el.shadowRoot!.querySelectorAll<T & HTMLElement>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const loaded = (el: SiEventCalendar) => waitUntil(() => $(el, '.body')?.getAttribute('aria-busy') === 'false', 'calendar did not finish loading');

async function calendar(template: (adapter: DataAdapter) => ReturnType<typeof html>, adapter: DataAdapter = createIcalAdapter({ text: FEED })): Promise<SiEventCalendar> {
  const el = await fixture<SiEventCalendar>(template(adapter));
  await loaded(el);
  return el;
}

/** Clicks `button` with Blob URLs and anchor clicks caught; returns the files it handed over. */
async function downloads(button: HTMLElement): Promise<{ name: string; type: string; text: string }[]> {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const { createObjectURL } = URL;
  const anchorClick = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob) => (blobs.push(blob), `blob:test-${blobs.length}`);
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    names.push(this.download);
  };
  try {
    button.click();
    await waitUntil(() => blobs.length, 'nothing was downloaded');
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = anchorClick;
  }
  return Promise.all(blobs.map(async (b, i) => ({ name: names[i]!, type: b.type, text: await b.text() })));
}

async function openEvent(el: SiEventCalendar, title: string): Promise<HTMLDialogElement> {
  $$(el, '.agenda .event').find((b) => text(b).includes(title))!.click();
  const dialog = $<HTMLDialogElement>(el, 'dialog.event-dialog')!;
  await waitUntil(() => dialog.open && dialog.querySelector('[part=add-menu]'));
  return dialog;
}

describe('<si-event-calendar> add to calendar', () => {
  it('offers this date, the whole series and provider links, with a help line, axe-clean', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="3"></si-event-calendar>`);
    const dialog = await openEvent(el, 'Dialog im Quartier');
    const menu = dialog.querySelector<HTMLDetailsElement>('[part=add-menu]')!;
    expect(menu.open).to.equal(false);
    menu.querySelector('summary')!.click();
    await waitUntil(() => menu.open);
    expect(text(menu.querySelector('summary'))).to.equal('In meinen Kalender');
    const links = [...menu.querySelectorAll<HTMLAnchorElement>('[part=provider-link]')];
    expect(links.map(text)).to.deep.equal(['Google (übergibt den Termin an Google)', 'Outlook.com (übergibt den Termin an Outlook.com)']);
    expect(links.map((a) => new URL(a.href).origin)).to.deep.equal(['https://calendar.google.com', 'https://outlook.live.com']);
    expect(links.every((a) => a.target === '_blank' && a.rel.includes('noopener'))).to.equal(true);
    expect(new URL(links[0]!.href).searchParams.get('dates')).to.equal('20261020T150000Z/20261020T170000Z');
    expect(text(menu.querySelector('.help'))).to.contain('.ics-Datei');
    await expect(el).to.be.accessible();

    const [one] = await downloads(menu.querySelector('[part=ics-button]')!);
    expect([one!.name, one!.type]).to.deep.equal(['dialog-im-quartier.ics', 'text/calendar;charset=utf-8']);
    expect(one!.text).to.contain('DTSTART:20261020T150000Z').and.not.contain('RRULE');
    const [series] = await downloads(menu.querySelector('[part=ics-series-button]')!);
    expect(series!.name).to.equal('dialog-im-quartier.ics');
    expect(series!.text).to.contain('\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8\r\n').and.contain('EXDATE;TZID=Europe/Berlin:20261103T170000').and.contain('RECURRENCE-ID');
    dialog.close();
  });

  it('offers no series for a single event', async () => {
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="3"></si-event-calendar>`);
    const dialog = await openEvent(el, 'Sommerfest');
    expect(dialog.querySelector('[part=ics-series-button]')).to.equal(null);
    expect(dialog.querySelectorAll('[part=provider-link]')).to.have.length(2);
    dialog.close();
  });
});

// 12 Tuesdays from the next one (in UTC, so the test reads the same all year), and one single event.
const today = dayKey(Date.now(), 'UTC');
const firstTuesday = addDays(today, ((2 - new Date(`${today}T12:00:00Z`).getUTCDay() + 7) % 7) || 7);
const WEEKLY = [
  ...Array.from({ length: 12 }, (_, i) => ({
    id: `dialog-${i}`, uid: 'dialog', title: 'Dialog im Quartier', start: `${addDays(firstTuesday, 7 * i)}T16:00:00Z`, timeZone: 'UTC', location: { town: 'Görlitz' },
  })),
  { id: 'fest', title: 'Sommerfest', start: `${addDays(firstTuesday, 1)}T15:00:00Z`, timeZone: 'UTC' },
];

describe('<si-event-calendar group-series>', () => {
  it('shows a series once with its rule, and opens to its dates (aria-expanded), axe-clean', async () => {
    const adapter = createMemoryAdapter({ events: WEEKLY });
    const plain = await calendar((a) => html`<si-event-calendar .adapter=${a} months="6"></si-event-calendar>`, adapter);
    expect($$(plain, '.agenda > li')).to.have.length(13);
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} months="6" group-series></si-event-calendar>`, adapter);
    const rows = $$(el, '.agenda > li');
    expect(rows.map((r) => text(r.querySelector('.event')))).to.deep.equal(['Dialog im Quartier', 'Sommerfest']);
    expect(rows.map((r) => r.getAttribute('aria-setsize'))).to.deep.equal(['2', '2']);
    expect(text($(el, '[part=series-rule]'))).to.match(/^jeden Dienstag, 16:00 · nächster Termin \d+\. \S+ · 11 weitere Termine$/);
    const toggle = $(el, '[part=series-toggle]')!;
    const dates = $(el, `#${toggle.getAttribute('aria-controls')}`)!;
    expect([toggle.getAttribute('aria-expanded'), dates.hidden]).to.deep.equal(['false', true]);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect([toggle.getAttribute('aria-expanded'), dates.hidden]).to.deep.equal(['true', false]);
    expect(dates.querySelectorAll('li')).to.have.length(12);
    await expect(el).to.be.accessible();
    // Each date opens its own occurrence.
    [...dates.querySelectorAll<HTMLElement>('.event')][3]!.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog.event-dialog')!;
    await waitUntil(() => dialog.open);
    expect(text(dialog.querySelector('.facts'))).to.contain(String(Number(addDays(firstTuesday, 21).slice(8))));
    dialog.close();
    toggle.click();
    await el.updateComplete;
    expect([toggle.getAttribute('aria-expanded'), dates.hidden]).to.deep.equal(['false', true]);
  });

  it('puts the rule in English and in easy-to-read German', async () => {
    const en = await calendar((a) => html`<si-event-calendar .adapter=${a} months="6" group-series lang="en"></si-event-calendar>`, createMemoryAdapter({ events: WEEKLY }));
    await en.messagesReady();
    await en.updateComplete;
    expect(text($(en, '[part=series-rule]'))).to.match(/^every Tuesday, 16:00 · next date \d+ \S+ · 11 more dates$/);
    expect(text($(en, '[part=series-toggle]'))).to.equal('Show all dates');
    const easy = await calendar((a) => html`<si-event-calendar .adapter=${a} months="6" group-series easy-read></si-event-calendar>`, createMemoryAdapter({ events: WEEKLY }));
    expect(text($(easy, '[part=series-rule]'))).to.match(/^Jeden Dienstag um 16:00 Uhr\. Der nächste Termin ist am \d+\. \S+\. Danach gibt es noch 11 Termine\.$/);
  });
});

describe('<si-event-calendar> following a selection', () => {
  const EVENTS = [
    { id: 'w', title: 'Wohnen im Alter', start: '2026-10-07T17:00:00+02:00', topics: ['Wohnen'] },
    { id: 'p', title: 'Pflege im Quartier', start: '2026-10-08T17:00:00+02:00', topics: ['Pflege'] },
  ];

  it('subscribes to the filtered feed (webcal:) when the source can filter on the server', async () => {
    const adapter = { ...createMemoryAdapter({ events: EVENTS }), feedUrl: 'https://example.org/feed.ics', feedUrlFor: (f: { topics: string[] }) => `https://example.org/feed.ics?tags=${f.topics.join(',')}` };
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="1" topics="Wohnen"></si-event-calendar>`, adapter);
    await waitUntil(() => $(el, '[part=subscribe-link]')!.getAttribute('href')!.startsWith('webcal:'), 'the link did not follow the filter');
    expect($(el, '[part=subscribe-link]')!.getAttribute('href')).to.equal('webcal://example.org/feed.ics?tags=Wohnen');
    expect($(el, '[part=selection-ics-button]')).to.equal(null);
    el.topics = '';
    await el.updateComplete;
    expect($(el, '[part=subscribe-link]')!.getAttribute('href')).to.equal('https://example.org/feed.ics', 'no filter: the whole feed');
  });

  it('otherwise offers the selection as an .ics and says why', async () => {
    const adapter = { ...createMemoryAdapter({ events: EVENTS }), feedUrl: 'https://example.org/feed.ics' };
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="1"></si-event-calendar>`, adapter);
    expect($(el, '[part=selection-ics-button]')).to.equal(null, 'nothing to follow without a filter');
    el.topics = 'Wohnen';
    await waitUntil(() => $(el, '[part=selection-ics-button]'), 'the selection download did not show');
    const button = $(el, '[part=selection-ics-button]')!;
    expect(text(button)).to.equal('Diese Auswahl als .ics herunterladen');
    expect(text($(el, `#${button.getAttribute('aria-describedby')}`))).to.contain('kann nicht nach Ihrer Auswahl filtern');
    expect($(el, '[part=subscribe-link]')!.getAttribute('href')).to.equal('https://example.org/feed.ics');
    await expect(el).to.be.accessible();
    const [file] = await downloads(button);
    expect([file!.name, file!.type]).to.deep.equal(['auswahl.ics', 'text/calendar;charset=utf-8']);
    expect(file!.text).to.contain('SUMMARY:Wohnen im Alter').and.not.contain('Pflege');
  });
});

describe('<si-event-calendar> JSON-LD for search engines', () => {
  it('writes the visible events as schema.org Events into the light DOM; no-jsonld removes it', async () => {
    const events = [
      { id: 'a', title: 'Wohnen im Alter', start: '2026-10-07T17:00:00+02:00', status: 'cancelled', location: { name: 'Rathaus', town: 'Görlitz' }, registration: { url: 'https://example.org/a', state: 'open' } },
      { id: 'b', title: '</script><b>x</b>', start: '2026-10-08T17:00:00+02:00', onlineUrl: 'https://example.org/b', organizer: { name: 'Verein' } },
      { id: 'c', title: 'Später', start: '2026-12-08T17:00:00+01:00' },
    ];
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} date="2026-10-01" months="1"></si-event-calendar>`, createMemoryAdapter({ events }));
    const script = () => el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
    await waitUntil(script, 'no JSON-LD was written');
    expect(script()!.text).to.not.contain('</script>');
    const data = JSON.parse(script()!.text) as { itemListElement: { item: Record<string, unknown> }[] };
    const items = data.itemListElement.map((x) => x.item);
    expect(items.map((x) => x.name)).to.deep.equal(['Wohnen im Alter', '</script><b>x</b>'], 'only the events on screen');
    expect(items[0]).to.include({ eventStatus: 'https://schema.org/EventCancelled', eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode' });
    expect(items[0]!.offers).to.deep.equal({ '@type': 'Offer', url: 'https://example.org/a', availability: 'https://schema.org/InStock' });
    expect(items[1]).to.deep.include({ eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode', organizer: { '@type': 'Organization', name: 'Verein' } });
    el.noJsonld = true;
    await waitUntil(() => !script(), 'no-jsonld did not remove the JSON-LD');
  });

  it('follows a month switch with the page, not a frame later', async () => {
    const events = [
      { id: 'o', title: 'Oktobertreffen', start: '2026-10-07T17:00:00+02:00' },
      { id: 'n', title: 'Novembertreffen', start: '2026-11-12T17:00:00+01:00' },
    ];
    const el = await calendar((a) => html`<si-event-calendar .adapter=${a} view="month" date="2026-10-01"></si-event-calendar>`, createMemoryAdapter({ events }));
    const names = () => (JSON.parse(el.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]')?.text ?? '{"itemListElement":[]}') as {
      itemListElement: { item: { name: string } }[];
    }).itemListElement.map((x) => x.item.name);
    await waitUntil(() => names().includes('Oktobertreffen'), 'no JSON-LD for October');
    // What the JSON-LD says the moment November's chip is in the grid (a mutation observer runs
    // right after the update that drew it): the grid and the JSON-LD change in the same update.
    let atChip: string[] | undefined;
    const watch = new MutationObserver(() => {
      if (!atChip && $(el, '[data-day="2026-11-12"] [part~="event-chip"]')) atChip = names();
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    $(el, 'button[data-step="1"]')!.click();
    await waitUntil(() => atChip, 'November did not show');
    watch.disconnect();
    expect(atChip).to.deep.equal(['Novembertreffen']);
  });
});
