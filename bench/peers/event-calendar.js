// EventCalendar (vkurko) with the month grid and list views and its stylesheet. German comes
// from Intl (its `locale` option), so no locale file is needed. The speed pages import this file.
import '@event-calendar/core/index.css';

export { createCalendar, destroyCalendar, DayGrid, List } from '@event-calendar/core';
