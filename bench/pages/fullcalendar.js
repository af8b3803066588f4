// FullCalendar 7: month grid and list with the same events as our calendar.
import { Calendar, dayGridPlugin, listPlugin, classicThemePlugin, deLocale } from '../peers/fullcalendar.js';
import { MONTH, YEAR_FROM, events, host, register, timed } from './harness.js';

// FullCalendar's own input format; converting is the partner's server's job, so it is not timed.
const input = (n) => events(n).map((e) => ({ id: e.id, title: e.title, start: e.start, end: e.end, allDay: e.allDay }));
const options = { plugins: [dayGridPlugin, listPlugin, classicThemePlugin], locale: deLocale, timeZone: 'local', dayMaxEvents: true };
// FullCalendar 7 marks every rendered event with its colour variable.
const rendered = () => host().querySelectorAll('[style*="--fc-event-color"]').length;
const grid = (label) => host().querySelector(`[role="grid"][aria-label="${label}"]`);

register({
  month: (n) => {
    const data = input(n);
    return () =>
      timed(
        () => new Calendar(host(), { ...options, initialView: 'dayGridMonth', initialDate: MONTH, events: data }).render(),
        () => grid('März 2026') && rendered() > 0 && { rows: rendered() },
        'the March grid',
      );
  },
  list: (n) => {
    const data = input(n);
    return () =>
      timed(
        () => new Calendar(host(), { ...options, initialView: 'listYear', initialDate: YEAR_FROM, events: data }).render(),
        () => rendered() > 0 && { rows: rendered() },
        'the list',
      );
  },
  switch: (n) => {
    const calendar = new Calendar(host(), { ...options, initialView: 'dayGridMonth', initialDate: MONTH, events: input(n) });
    calendar.render();
    return () =>
      timed(
        () => calendar.next(),
        () => grid('April 2026') && rendered() > 0 && { rows: rendered() },
        'the April grid',
      );
  },
});
