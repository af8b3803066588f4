import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DataAdapter } from '@sozial-innovativ/core';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { createMergedAdapter } from '@sozial-innovativ/adapters/merge';
import { failingAdapter } from '@sozial-innovativ/core/testing';
import '@sozial-innovativ/adapters/register';
import '@sozial-innovativ/core/define/data-source';
import '@sozial-innovativ/event-calendar/define';
import data from '../demo/data/events.json';
import impactHub from '../demo/data/impact-hub-leipzig.json';

/** The dialogue series (its three dates from the demo seed). */
const dialog = () => createMemoryAdapter({ events: data.events.filter((e) => e.topics.includes('Dialogreihe')) });
/** The Impact Hub Leipzig's programme; it lists the Leipzig dialogue date too, which shows once. */
const hub = () => createMemoryAdapter(impactHub);
/** TELUX Weißwasser: a few evenings (stories load no files, so these sit here rather than in the .ics). */
const telux = () => createMemoryAdapter({
  events: [
    { id: 'telux-repair-09', title: 'Repair-Café im TELUX', start: '2026-09-03T16:00:00+02:00', end: '2026-09-03T19:00:00+02:00', location: { name: 'TELUX', town: 'Weißwasser' } },
    { id: 'telux-abend', title: 'Lausitzer Abend: Junge Menschen und der Strukturwandel', start: '2026-10-15T18:00:00+02:00', location: { name: 'TELUX', town: 'Weißwasser' } },
  ],
});

interface Args {
  lang: string;
  /** The sources; the third one is down when `failing` is set. */
  failing: boolean;
}

const merged = (failing: boolean): DataAdapter => createMergedAdapter([
  { adapter: dialog(), label: 'Dialogreihe' },
  { adapter: hub(), label: 'Impact Hub Leipzig' },
  { adapter: telux(), label: 'TELUX Weißwasser' },
  ...(failing ? [{ adapter: failingAdapter(), label: 'Stadtteilzentrum' }] : []),
]);

/**
 * Several organisers' feeds in one calendar (`<si-data-source type="merge">` with one nested
 * `<si-data-source label="…">` per feed, or `createMergedAdapter` from `@sozial-innovativ/adapters/merge`):
 * merged by time, each event with its source's label, an event two feeds list (same UID and start)
 * once, and a notice when a feed is down while the others show.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Event calendar/Several sources',
  component: 'si-data-source',
  tags: ['autodocs'],
  argTypes: { lang: { control: 'inline-radio', options: ['de', 'en', 'hsb'] } },
  args: { lang: 'de', failing: false },
  render: (a) => html`<si-event-calendar lang=${a.lang} .adapter=${merged(a.failing)} date="2026-09-01" months="4"></si-event-calendar>`,
};
export default meta;
type Story = StoryObj<Args>;

export const ThreeOrganisers: Story = {};

/** One of four feeds is down: the other three show, with "1 von 4 Kalendern ist gerade nicht erreichbar". */
export const OneSourceDown: Story = { args: { failing: true } };

export const OneSourceDownEnglish: Story = { args: { failing: true, lang: 'en' } };

/**
 * The nested form a CMS editor pastes, with `src="…"` on each nested source; here each gets a ready
 * adapter instead, since stories load no files.
 */
export const Declarative: Story = {
  render: (a) => html`<si-data-source type="merge" lang=${a.lang}>
    <si-data-source label="Dialogreihe" .adapter=${dialog()}></si-data-source>
    <si-data-source label="Impact Hub Leipzig" .adapter=${hub()}></si-data-source>
    <si-event-calendar date="2026-09-01" months="4"></si-event-calendar>
  </si-data-source>`,
};
