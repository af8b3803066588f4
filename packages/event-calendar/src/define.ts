// Registers <si-event-calendar> and the declarative source types (`src`, `source-type`).
import '@sozial-innovativ/adapters/register';
import { defineElement } from '@sozial-innovativ/core/elements';
import { SiEventCalendar } from './si-event-calendar.js';

defineElement('si-event-calendar', SiEventCalendar);

export { SiEventCalendar };
