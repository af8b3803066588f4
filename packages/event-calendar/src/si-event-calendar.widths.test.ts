// The calendar at the widths CMS themes give it (issue #20): a phone (360 px), a content column
// (650 px) and a wide page (1000 px), measured in the browser.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import type { SiEventCalendar } from './index.js';
import './define.js';

const EVENTS = [
  {
    id: 'leipzig', title: 'Sozial.Innovativ Zukunft unternehmerisch gestalten', start: '2026-10-21T17:00:00+02:00', end: '2026-10-21T20:00:00+02:00',
    format: 'hybrid', topics: ['Sozialunternehmen'], location: { name: 'Impact Hub Leipzig', town: 'Leipzig' },
  },
  { id: 'telux', title: 'Sozial.Innovativ den ländlichen Raum stärken', start: '2026-10-22T17:00:00+02:00', topics: ['Wohnen'], location: { name: 'TELUX', town: 'Weißwasser' } },
  { id: 'pflege', title: 'Pflege im Quartier', start: '2026-10-07T17:00:00+02:00', status: 'cancelled', topics: ['Pflege'], location: { town: 'Görlitz' } },
  { id: 'beratung', title: 'Beratung Förderprogramme', start: '2026-10-21T10:00:00+02:00', format: 'online', topics: ['Wohnen'] },
];

const $ = (el: SiEventCalendar, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: SiEventCalendar, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const active = (el: SiEventCalendar) => el.shadowRoot!.activeElement as HTMLElement | null;
const loaded = (el: SiEventCalendar) => waitUntil(() => $(el, '.body')?.getAttribute('aria-busy') === 'false', 'calendar did not finish loading');
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** A calendar in a column `width` px wide, on a phone-high screen a little wider than the column. */
async function at(width: number, attrs: { view?: string; topics?: string } = {}): Promise<SiEventCalendar> {
  await setViewport({ width: width + 40, height: 640 });
  const column = await fixture<HTMLDivElement>(html`<div>
    <si-event-calendar .adapter=${createMemoryAdapter({ events: EVENTS })} view=${attrs.view ?? 'month'} date="2026-10-21" topics=${attrs.topics ?? ''}></si-event-calendar>
  </div>`);
  column.style.setProperty('width', `${width}px`);
  const el = column.querySelector('si-event-calendar')!;
  await frames();
  await loaded(el);
  await el.updateComplete;
  await frames();
  return el;
}

/**
 * How many characters of `title` a person sees: those laid out wholly inside the nearest box that
 * clips (`overflow` hidden, sideways or below), less one for the ellipsis when the text overflows it.
 */
function visibleChars(title: HTMLElement): number {
  let clip: HTMLElement | null = title;
  while (clip && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
  const box = (clip ?? title).getBoundingClientRect();
  const style = clip ? getComputedStyle(clip) : undefined;
  const right = box.right - (style ? parseFloat(style.paddingRight) + parseFloat(style.borderRightWidth) : 0);
  const bottom = box.bottom - (style ? parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth) : 0);
  const range = document.createRange();
  let seen = 0;
  let cut = false;
  const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.textContent!.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (!r.width) continue;
      if (r.right <= right + 0.5 && r.bottom <= bottom + 0.5) seen++;
      else cut = true;
    }
  }
  return cut ? seen - 1 : seen;
}

/** Event titles on screen that show fewer than 12 of their characters (or their whole text when shorter). */
function unreadable(el: SiEventCalendar): string[] {
  return $$(el, '.event-title, .chip-title')
    .filter((t) => t.checkVisibility())
    .flatMap((t) => {
      const want = Math.min(12, text(t).replace(/\s/g, '').length);
      const seen = visibleChars(t);
      return seen < want ? [`${text(t)}: ${seen} characters`] : [];
    });
}

// 768 px is the narrowest wide grid (48em): its chips still show 12 characters.
const widths = [360, 650, 768, 1000] as const;

describe('<si-event-calendar> at CMS widths', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of widths) {
    it(`at ${width} px: the right layout, readable titles, no sideways scrolling, axe clean`, async () => {
      const el = await at(width);
      const grid = $(el, '[role=grid]');
      if (width === 360) {
        expect(grid, 'a phone shows the agenda').to.equal(null);
        expect($$(el, '.agenda .event-title')).to.have.length(4);
      } else if (width === 650) {
        expect(grid?.classList.contains('compact'), 'a content column shows the compact month').to.equal(true);
        expect($$(el, '.chip')).to.have.length(0);
        // A count per day, named by the cell's label; the focused day's events listed in full.
        const cell = $(el, '[data-day="2026-10-21"]')!;
        expect(text(cell.querySelector('.count'))).to.equal('2');
        expect(text(cell.querySelector('.day-label'))).to.equal('Mittwoch, 21. Oktober 2026, 2 Veranstaltungen');
        expect(text($(el, '.day-events h3'))).to.equal('Veranstaltungen am Mittwoch, 21. Oktober 2026');
        expect($$(el, '.day-events .event-title').map(text)).to.deep.equal(['Beratung Förderprogramme', 'Sozial.Innovativ Zukunft unternehmerisch gestalten']);
      } else {
        expect(grid?.classList.contains('compact'), 'a wide page shows the full grid').to.equal(false);
        expect($$(el, '.chip').length).to.equal(4);
      }
      expect(unreadable(el)).to.deep.equal([]);
      expect(el.scrollWidth, 'no sideways scrolling').to.be.at.most(el.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      await expect(el).to.be.accessible();
    });
  }

  it('at 360 px folds the filters into "Filter (n aktiv)" under the search, and the first event is in the first screen', async () => {
    const el = await at(360, { view: 'list', topics: 'Wohnen' });
    await waitUntil(() => $(el, 'summary'), 'no filter disclosure');
    const details = $(el, 'details') as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    expect(text($(el, 'summary'))).to.equal('Filter (1 aktiv)');
    expect($(el, 'input[type=search]')!.checkVisibility(), 'the search stays visible').to.equal(true);
    expect($(el, 'select[name=topics]')!.checkVisibility(), 'the choices are folded away').to.equal(false);
    const first = $(el, '.agenda .event')!;
    expect(text(first)).to.equal('Beratung Förderprogramme');
    expect(first.getBoundingClientRect().bottom, 'first event within the first screen').to.be.at.most(innerHeight);
    await expect(el).to.be.accessible();

    // Opened by keyboard, the choices work as before.
    $(el, 'summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => details.open);
    expect($(el, 'select[name=topics]')!.checkVisibility()).to.equal(true);
    const topics = $(el, 'select[name=topics]') as HTMLSelectElement;
    topics.value = '';
    topics.dispatchEvent(new Event('change'));
    await waitUntil(() => text($(el, 'summary')) === 'Filter');
    expect(details.open, 'stays open while in use').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('at 650 and 1000 px keeps the filters as a form, without a disclosure', async () => {
    for (const width of [650, 1000]) {
      const el = await at(width, { view: 'list' });
      await waitUntil(() => $(el, 'select[name=topics]'));
      expect($(el, 'details'), `${width} px`).to.equal(null);
    }
  });

  for (const width of [650, 1000]) {
    it(`at ${width} px keeps the grid's keyboard model; the compact list follows the focused day`, async () => {
      const el = await at(width);
      // The search field is the last control before the grid.
      await waitUntil(() => $(el, 'input[type=search]'));
      $(el, 'input[type=search]')!.focus();
      await sendKeys({ press: 'Tab' });
      const day = () => active(el)?.dataset.day;
      expect(day()).to.equal('2026-10-21');
      const steps: [string, string][] = [
        ['ArrowRight', '2026-10-22'], ['ArrowDown', '2026-10-29'], ['ArrowLeft', '2026-10-28'], ['ArrowUp', '2026-10-21'],
        ['Home', '2026-10-19'], ['End', '2026-10-25'], ['PageDown', '2026-11-25'], ['PageUp', '2026-10-25'], ['ArrowLeft', '2026-10-24'],
      ];
      for (const [key, expected] of steps) {
        await sendKeys({ press: key });
        await waitUntil(() => day() === expected, `${key} should focus ${expected}, focus is on ${day()}`);
        expect($$(el, '[role=gridcell][tabindex="0"]')).to.have.length(1);
      }
      // Back to the 22nd: Enter lists its events in the day dialog, in both layouts.
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => day() === '2026-10-22', `focus is on ${day()}`);
      if (width === 650) {
        await loaded(el);
        expect($$(el, '.day-events .event-title').map(text)).to.deep.equal(['Sozial.Innovativ den ländlichen Raum stärken']);
      }
      await sendKeys({ press: 'Enter' });
      const dialog = $(el, 'dialog.day-dialog') as HTMLDialogElement;
      await waitUntil(() => dialog.open, 'Enter opens the day');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open);
      expect(day()).to.equal('2026-10-22');
      await expect(el).to.be.accessible();
    });
  }
});
