import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdapterError, type DataAdapter } from '@sozial-innovativ/core';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { failingAdapter, staleAdapter, stalledAdapter } from '@sozial-innovativ/core/testing';
import '@sozial-innovativ/event-calendar/define';
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
    lang: 'de', heading: 'Veranstaltungen', easyRead: false, hideFilters: false, adapter: withData,
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
