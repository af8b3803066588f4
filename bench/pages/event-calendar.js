// EventCalendar (vkurko): month grid and list with the same events as our calendar.
import { createCalendar, DayGrid, List } from '../peers/event-calendar.js';
import { MONTH, YEAR_FROM, events, host, register, timed } from './harness.js';

// EventCalendar reads date strings without offsets as local time, so it gets Date objects;
// converting is the partner's job, so it is not timed.
const input = (n) =>
  events(n).map((e) => ({
    id: e.id,
    title: e.title,
    allDay: e.allDay,
    start: e.allDay ? e.start : new Date(e.start),
    end: e.allDay ? e.end : new Date(e.end),
  }));
const localDate = (day) => new Date(`${day}T00:00:00`);
const options = { locale: 'de', dayMaxEvents: true };
const rendered = () => host().querySelectorAll('.ec-event, .ec-list .ec-event').length;
const title = () => host().querySelector('.ec-title')?.textContent ?? '';

register({
  month: (n) => {
    const data = input(n);
    return () =>
      timed(
        () => createCalendar(host(), [DayGrid, List], { ...options, view: 'dayGridMonth', date: localDate(MONTH), events: data }),
        () => title() === 'März 2026' && rendered() > 0 && { rows: rendered() },
        'the March grid',
      );
  },
  list: (n) => {
    const data = input(n);
    return () =>
      timed(
        () => createCalendar(host(), [DayGrid, List], { ...options, view: 'listYear', date: localDate(YEAR_FROM), events: data }),
        () => rendered() > 0 && { rows: rendered() },
        'the list',
      );
  },
  switch: (n) => {
    const calendar = createCalendar(host(), [DayGrid, List], { ...options, view: 'dayGridMonth', date: localDate(MONTH), events: input(n) });
    return () =>
      timed(
        () => calendar.next(),
        () => title() === 'April 2026' && rendered() > 0 && { rows: rendered() },
        'the April grid',
      );
  },
});
