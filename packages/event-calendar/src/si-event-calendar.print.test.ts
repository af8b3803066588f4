// Issue #17, print: the list and the month on paper show no controls, whole titles, dates, places
// and each event's web address; the list has a "Drucken" button. Checked in print media (emulated
// in Chromium; in Firefox the calendar's own print rules applied as a screen sheet), axe-clean,
// with a screenshot of the printed list.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import type { SiEventCalendar } from './index.js';
import './define.js';

const LONG = 'Sozial.Innovativ: Zukunft unternehmerisch gestalten – eine Werkstatt für Vereine, Initiativen und Sozialunternehmen aus der Region';
const EVENTS = [
  {
    id: 'werkstatt', title: LONG, start: '2026-10-21T17:00:00+02:00', end: '2026-10-21T20:00:00+02:00', url: 'https://example.org/werkstatt',
    topics: ['Sozialunternehmen'], location: { name: 'Impact Hub Leipzig', town: 'Leipzig' },
  },
  { id: 'pflege', title: 'Pflege im Quartier', start: '2026-10-22T17:00:00+02:00', topics: ['Pflege'], location: { town: 'Görlitz' } },
];
const adapter = () => ({ ...createMemoryAdapter({ events: EVENTS }), feedUrl: 'https://example.org/feed.ics' });

const $ = (el: SiEventCalendar, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: SiEventCalendar, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rendered = (node: Element) => node.getClientRects().length > 0;
const loaded = (el: SiEventCalendar) => waitUntil(() => $(el, '.body')?.getAttribute('aria-busy') === 'false', 'calendar did not finish loading');
/** Controls a printed page must not show: every button but the events, links styled as buttons, the filter form. */
const CONTROLS = 'button:not(.event, .chip), a.si-button, input, select, summary, form';
/** What of `node` is cut off: sideways or below (an ellipsis or a line clamp). */
const clipped = (node: HTMLElement) => node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1;

async function calendar(view: 'list' | 'month'): Promise<SiEventCalendar> {
  const el = await fixture<SiEventCalendar>(html`<si-event-calendar .adapter=${adapter()} view=${view} date="2026-10-01" months="1"></si-event-calendar>`);
  await loaded(el);
  await waitUntil(() => $(el, 'form.filters'), 'the filters did not load');
  await el.updateComplete;
  return el;
}

/**
 * Print media. Chromium emulates it; Firefox under WebDriver BiDi cannot, so there the calendar's
 * own `@media print` rules (the first script's and the loaded views') are applied as a screen sheet.
 */
let emulated = false;
async function printMedia(el: SiEventCalendar): Promise<void> {
  if (!navigator.userAgent.includes('Firefox')) {
    await emulateMedia({ media: 'print' });
    emulated = true;
    expect(matchMedia('print').matches).to.equal(true);
    return;
  }
  const root = el.shadowRoot!;
  const rules = root.adoptedStyleSheets.flatMap((s) => [...s.cssRules])
    .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.media.mediaText === 'print')
    .flatMap((r) => [...r.cssRules].map((x) => x.cssText));
  expect(rules.length).to.be.above(2);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

describe('<si-event-calendar> print', () => {
  const print = window.print;
  afterEach(async () => {
    window.print = print;
    if (emulated) await emulateMedia({ media: 'screen' });
    emulated = false;
    await setViewport({ width: 800, height: 600 });
  });

  it('"Drucken" in the list opens the print dialog; the list prints without controls, with whole titles, dates, places and links', async () => {
    const el = await calendar('list');
    let printed = 0;
    window.print = () => void printed++;
    const button = $(el, '[part=print-button]')!;
    expect(text(button)).to.equal('Drucken');
    button.click();
    expect(printed).to.equal(1);
    const [long, plain] = $$(el, '.agenda .event');
    expect(long!.dataset.url).to.equal('https://example.org/werkstatt');
    expect(plain!.hasAttribute('data-url')).to.equal(false, 'no web address, nothing written out');
    const controls = $$(el, CONTROLS);
    expect(controls.filter(rendered).length, 'controls on screen').to.be.above(6);
    expect(getComputedStyle(long!, '::after').content).to.equal('none', 'on screen the address is not written out');

    await printMedia(el);
    expect(controls.filter(rendered).map((c) => c.outerHTML.slice(0, 80))).to.deep.equal([]);
    expect(text(long)).to.equal(LONG);
    expect(clipped(long!)).to.equal(false);
    expect(getComputedStyle(long!, '::after').content).to.match(/^" \(" attr\(data-url\) "\)"$|^" \(https:\/\/example\.org\/werkstatt\)"$/);
    expect(getComputedStyle(plain!, '::after').content).to.equal('none');
    // Dates, times and places stay.
    const row = long!.closest('li')!;
    expect([text(row.querySelector('.when')), text(row.querySelector('.meta'))]).to.deep.equal(['Mi., 21. Okt. 17:00–20:00', 'Leipzig · Impact Hub Leipzig']);
    expect(rendered(row.querySelector('.when')!) && rendered(row.querySelector('.meta')!)).to.equal(true);
    await expect(el).to.be.accessible();

    // What a printer gets, as a picture: saved under quality/artefacts/ and not empty.
    const file = await executeServerCommand<string, { name: string }>('si-screenshot', { name: 'event-calendar-print-list' });
    const png = new Uint8Array(await (await fetch(`/${file}`)).arrayBuffer());
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).to.equal('PNG');
    expect(png.length).to.be.above(2000);
  });

  it('prints the month with whole titles in its chips and without controls', async () => {
    await setViewport({ width: 1100, height: 900 });
    const el = await calendar('month');
    await waitUntil(() => $(el, '.chip-title'), 'the month did not show chips');
    expect($(el, '[part=print-button]'), '"Drucken" is an action of the list').to.equal(null);
    const title = $$(el, '.chip-title').find((t) => text(t) === LONG)!;
    const chip = title.closest<HTMLElement>('.chip')!;
    expect(clipped(title), 'on screen the long title is cut to two lines').to.equal(true);
    const controls = $$(el, CONTROLS);
    expect(controls.filter(rendered).length).to.be.above(4);

    await printMedia(el);
    expect(controls.filter(rendered).map((c) => c.outerHTML.slice(0, 80))).to.deep.equal([]);
    expect([clipped(title), clipped(chip)]).to.deep.equal([false, false]);
    expect(rendered(title)).to.equal(true);
    // The chip's box holds the whole title: nothing spills out of its day.
    const day = chip.closest<HTMLElement>('.day')!;
    expect(chip.getBoundingClientRect().bottom).to.be.at.most(day.getBoundingClientRect().bottom + 1);
    await expect(el).to.be.accessible();
  });
});
