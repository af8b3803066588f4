// The calendar page. The calendars get their events from a memory adapter: the dialogue series
// from the press release (data/events.json) plus a generated year of events across Saxony. No
// request leaves this site. A module file rather than an inline script, so the page runs under
// a strict CSP (script-src 'self') like the other demo pages.
import '@sozial-innovativ/event-calendar/define';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import type { DataAdapter } from '@sozial-innovativ/core';
import { generateEvents } from './data/generate-events.js';
import data from './data/events.json';

const adapter: DataAdapter = {
  ...createMemoryAdapter({ events: [...data.events, ...generateEvents(600, { seed: 2026, from: '2026-09-01', months: 12 })] }),
  feedUrl: data.feedUrl,
};
for (const el of document.querySelectorAll('si-event-calendar')) el.adapter = adapter;

const lastSelected = document.querySelector('#last-selected')!;
document.querySelector<HTMLElement>('#kalender')!.addEventListener('si-event-select', (e) => {
  lastSelected.textContent = `Zuletzt geöffnet: ${e.detail.event.title}`;
});
