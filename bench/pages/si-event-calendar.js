// <si-event-calendar>: month grid and list with the same events as FullCalendar and EventCalendar.
// The timed part starts from the raw JSON: the memory adapter validates it (as the JSON adapter
// does after a fetch), then the element queries, indexes and renders.
import '@sozial-innovativ/event-calendar/define';
import { createMemoryAdapter } from '@sozial-innovativ/adapters/memory';
import { MONTH, YEAR_FROM, events, host, register, timed, until } from './harness.js';

const create = (view, date, adapter) => {
  const el = document.createElement('si-event-calendar');
  el.setAttribute('view', view);
  el.setAttribute('date', date);
  el.setAttribute('lang', 'de');
  el.adapter = adapter;
  host().append(el);
  return el;
};
const shadow = () => host().querySelector('si-event-calendar')?.shadowRoot;
const idle = () => shadow()?.querySelector('[part~="body"][aria-busy="false"]');
const monthDone = (lastDay) => () => {
  const root = shadow();
  if (!idle() || !root.querySelector(`[role="grid"] [data-day="${lastDay}"]`)) return false;
  const rows = root.querySelectorAll('[part~="event-chip"]').length;
  return rows > 0 && { rows };
};
const listDone = () => {
  const rows = idle() && shadow().querySelectorAll('[part~="list-item"]').length;
  return rows > 0 && { rows };
};

register({
  // The March grid runs from 23 February to 5 April; April's from 30 March to 10 May.
  month: (n) => {
    const data = events(n);
    return () => timed(() => create('month', MONTH, createMemoryAdapter({ events: data })), monthDone('2026-03-31'), 'the March grid');
  },
  list: (n) => {
    const data = events(n);
    return () => timed(() => create('list', YEAR_FROM, createMemoryAdapter({ events: data })), listDone, 'the list');
  },
  // The same with the events validated beforehand (adapter created untimed): the render alone.
  monthReady: (n) => {
    const adapter = createMemoryAdapter({ events: events(n) });
    return () => timed(() => create('month', MONTH, adapter), monthDone('2026-03-31'), 'the March grid');
  },
  listReady: (n) => {
    const adapter = createMemoryAdapter({ events: events(n) });
    return () => timed(() => create('list', YEAR_FROM, adapter), listDone, 'the list');
  },
  switch: async (n) => {
    const el = create('month', MONTH, createMemoryAdapter({ events: events(n) }));
    await el.updateComplete;
    await until(monthDone('2026-03-31'), 'the March grid');
    return () =>
      timed(() => el.shadowRoot.querySelector('button[data-step="1"]').click(), monthDone('2026-05-10'), 'the April grid');
  },
});
