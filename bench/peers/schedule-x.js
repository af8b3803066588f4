// Schedule-X 4 with the month grid and list views, its default theme and the Temporal polyfill
// it needs in browsers without Temporal (0.3.2, the version its peer dependency pins, installed
// under the alias temporal-polyfill-0.3 so FullCalendar 7 keeps temporal-polyfill 1.x; see
// bench/package.json). Size only: the speed comparison covers FullCalendar and EventCalendar.
import 'temporal-polyfill-0.3/global';
import '@schedule-x/theme-default/dist/index.css';

export { createCalendar, createViewMonthGrid, createViewList } from '@schedule-x/calendar';
