import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { AdapterError, type DataAdapter } from '@sozial-innovativ/core';
import { createIcalAdapter } from '@sozial-innovativ/adapters/ical';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { failingAdapter, staleAdapter, stalledAdapter } from '@sozial-innovativ/core/testing';
import '@sozial-innovativ/event-calendar/define';
import type { SiEventCalendar } from '@sozial-innovativ/event-calendar';
import { FEED as SERIES_FEED } from '../packages/event-calendar/src/test-fixtures/series-feed';
import data from '../demo/data/events.json';
import { generateEvents } from '../demo/data/generate-events';

/** The dialogue series from the seed plus a generated year around it, and the demo feed URL. */
const withData = (): DataAdapter => ({
  ...createMemoryAdapter({ events: [...data.events, ...generateEvents(400, { seed: 7, from: '2026-09-01', months: 12 })] }),
  feedUrl: data.feedUrl,
});
const empty = (): DataAdapter => createMemoryAdapter({ events: [] });
const failing = () => failingAdapter(() => new AdapterError('http', 'HTTP 503 Service Unavailable (https://example.org/events.json)', 503));
/** The seed events, served from cache (fetched 20 Oct 2026, 08:30 UTC) after the source failed. */
const stale = () => staleAdapter(createMemoryAdapter({ events: data.events }));
/**
 * An iCal feed with a weekly series (one date cancelled, one moved), the one the browser tests use:
 * the add-to-calendar menu offers the whole series from it.
 */
const series = (): DataAdapter => createIcalAdapter({ text: SERIES_FEED });
/** The seed and generated events from a source that can filter its feed on the server (`feedUrlFor`). */
const filterableFeed = (): DataAdapter & { feedUrlFor(filter: { topics: string[] }): string } => ({
  ...withData(),
  feedUrlFor: (filter) => `${data.feedUrl}?tags=${encodeURIComponent(filter.topics.join(','))}`,
});

interface Args {
  view: 'list' | 'month';
  date: string;
  limit?: number;
  months: number;
  topics: string;
  towns: string;
  format: string;
  q: string;
  preset: string;
  lang: string;
  heading: string;
  easyRead: boolean;
  hideFilters: boolean;
  groupSeries: boolean;
  adapter: () => DataAdapter;
}

const meta: Meta<Args> = {
  title: 'Widgets/Event calendar',
  component: 'si-event-calendar',
  tags: ['autodocs'],
  argTypes: {
    view: { control: 'inline-radio', options: ['list', 'month'] },
    format: { control: 'select', options: ['', 'onsite', 'online', 'hybrid'] },
    preset: { control: 'select', options: ['', 'week', 'month'] },
    lang: { control: 'inline-radio', options: ['de', 'en', 'hsb'] },
    adapter: { table: { disable: true } },
  },
  args: {
    view: 'list', date: '2026-09-01', months: 12, topics: '', towns: '', format: '', q: '', preset: '',
    lang: 'de', heading: 'Veranstaltungen', easyRead: false, hideFilters: false, groupSeries: false, adapter: withData,
  },
  render: (a) => html`<si-event-calendar
    .adapter=${a.adapter()}
    view=${a.view}
    date=${a.date}
    limit=${a.limit ?? ''}
    months=${a.months}
    topics=${a.topics}
    towns=${a.towns}
    format=${a.format}
    q=${a.q}
    preset=${a.preset}
    lang=${a.lang}
    heading=${a.heading}
    ?easy-read=${a.easyRead}
    ?hide-filters=${a.hideFilters}
    ?group-series=${a.groupSeries}
  ></si-event-calendar>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The agenda: the default view, paged beyond 50 rows. */
export const List: Story = {};

/** The month grid with the dialogue-series event in Leipzig (keyboard: arrows, Home/End, Page Up/Down). */
export const Month: Story = { args: { view: 'month', date: '2026-10-21' } };

/** "Upcoming N events" from now, for a sidebar. */
export const Upcoming: Story = { args: { limit: 3, heading: 'Nächste Termine' } };

/** In a 320 px column the month view falls back to the agenda (and the filters fold away). */
export const NarrowColumn: Story = {
  args: { view: 'month', date: '2026-10-21' },
  render: (a, ctx) => html`<div style="max-width: 320px">${meta.render!(a, ctx)}</div>`,
};

/**
 * A CMS theme's content column (650 px): the compact month, a count per day and the focused day's
 * events listed in full under the grid (arrow keys move through the days as in the wide grid).
 */
export const CompactMonth: Story = {
  args: { view: 'month', date: '2026-10-21' },
  render: (a, ctx) => html`<div style="max-width: 650px">${meta.render!(a, ctx)}</div>`,
};

/** A phone (360 px): the filters fold into "Filter (1 aktiv)" under the search, so events come first. */
export const CollapsedFilters: Story = {
  args: { topics: 'Wohnen', date: '2026-10-01' },
  render: (a, ctx) => html`<div style="max-width: 360px">${meta.render!(a, ctx)}</div>`,
};

/** Preset filters from attributes, as a CMS editor sets them. */
export const PresetFilters: Story = { args: { topics: 'Wohnen', format: 'online' } };

export const Loading: Story = { args: { adapter: stalledAdapter } };
export const ErrorState: Story = { name: 'Error', args: { adapter: failing } };
export const Empty: Story = { args: { adapter: empty } };
/** Filters that match nothing: the empty state offers "reset filters". */
export const EmptyFiltered: Story = { args: { q: 'Mondbasis' } };
/** Served from cache after the source failed: marked with its time. */
export const Stale: Story = { args: { adapter: stale } };
/** English and Upper Sorbian texts load on first use; the story is done once they are there. */
const textsLoaded: Story['play'] = async ({ canvasElement }) => {
  await canvasElement.querySelector('si-event-calendar')?.messagesReady();
};
export const English: Story = { args: { lang: 'en', heading: 'Events' }, play: textsLoaded };
/** Upper Sorbian preview: untranslated texts fall back to German, with a note. */
export const UpperSorbian: Story = { args: { lang: 'hsb', view: 'month', date: '2026-10-21', heading: 'Zarjadowanja' }, play: textsLoaded };
/** Easy-to-read German first in the details (open an event of the dialogue series). */
export const EasyRead: Story = { args: { easyRead: true, date: '2026-09-01' } };

/** The story's calendar once its data and the views it shows have loaded (the body is no longer busy). */
async function loadedCalendar(canvas: HTMLElement): Promise<SiEventCalendar> {
  const el = canvas.querySelector('si-event-calendar')!;
  for (let i = 0; i < 200 && el.shadowRoot?.querySelector('.body')?.getAttribute('aria-busy') !== 'false'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await el.updateComplete;
  return el;
}

/**
 * The add-to-calendar menu open in the details of a series date: this date or the whole series as
 * `.ics` (made in the browser), Google and Outlook.com links that say they hand the event over, and
 * the one-line help.
 */
export const AddToCalendarMenu: Story = {
  args: { adapter: series, date: '2026-10-01', months: 3 },
  play: async ({ canvasElement }) => {
    const el = await loadedCalendar(canvasElement);
    el.shadowRoot!.querySelector<HTMLElement>('.agenda .event')!.click();
    const dialog = el.shadowRoot!.querySelector('dialog.event-dialog')!;
    for (let i = 0; i < 200 && !dialog.querySelector('[part=add-menu]'); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    dialog.querySelector<HTMLDetailsElement>('[part=add-menu]')!.open = true;
  },
};

/** `group-series`: a weekly series once, with its rule in words, the next date and how many follow. */
export const SeriesCollapsed: Story = { args: { adapter: series, date: '2026-10-01', months: 3, groupSeries: true } };

/** `group-series` with the series opened to its dates ("Alle Termine zeigen"). */
export const SeriesExpanded: Story = {
  args: { adapter: series, date: '2026-10-01', months: 3, groupSeries: true },
  play: async ({ canvasElement }) => {
    const el = await loadedCalendar(canvasElement);
    el.shadowRoot!.querySelector<HTMLElement>('[part=series-toggle]')!.click();
  },
};

/**
 * Following a selection from a source that cannot filter its feed: "Diese Auswahl als .ics
 * herunterladen", with the reason a subscription would not follow the filter.
 */
export const FollowSelectionHint: Story = { args: { topics: 'Wohnen', date: '2026-10-01' } };

/** Following a selection from a source that can filter on the server: "Kalender abonnieren" carries the filter (`webcal:`). */
export const FollowSelectionSubscribe: Story = { args: { topics: 'Wohnen', date: '2026-10-01', adapter: filterableFeed } };

/**
 * Print preview (A4 landscape): the calendar's own `@media print` rules applied on screen, once the
 * views it shows have loaded (their print rules come with them). What a printer gets: no controls, whole titles,
 * dates, places and each event's web address.
 */
const printPreview: Decorator<Args> = (story) =>
  html`<div class="print-preview" style="max-width: 29.7cm; padding: 1cm; background: #fff; color: #000; box-shadow: 0 0 0.5em rgb(0 0 0 / 0.3)"
    ${ref((node) => node && void showPrintRules(node as HTMLElement))}>${story()}</div>`;

async function showPrintRules(container: HTMLElement): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  const el = await loadedCalendar(container);
  const root = el.shadowRoot!;
  const rules = root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print')
    .flatMap((rule) => [...rule.cssRules].map((r) => r.cssText));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The list as printed ("Drucken" opens the browser's print dialog). */
export const PrintPreview: Story = { args: { date: '2026-10-01', months: 1 }, decorators: [printPreview] };

/** The month as printed: chips show their whole titles. */
export const PrintPreviewMonth: Story = { args: { view: 'month', date: '2026-10-21' }, decorators: [printPreview] };
