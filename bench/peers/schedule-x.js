// Schedule-X 4 with the month grid and list views, its default theme and the Temporal polyfill
// it needs in browsers without Temporal (0.3.2, pinned by its peer dependency and installed
// nested in bench/node_modules so FullCalendar 7 keeps temporal-polyfill 1.x). Size only: the
// speed comparison covers FullCalendar and EventCalendar.
import 'temporal-polyfill/global';
import '@schedule-x/theme-default/dist/index.css';

export { createCalendar, createViewMonthGrid, createViewList } from '@schedule-x/calendar';
