// FullCalendar 7 as a partner would ship it for our use case: month grid + list + German,
// with the stylesheet and the classic theme from its README (Temporal polyfill included, it is a
// required peer dependency). The speed pages import this very file, so size and speed measure
// the same bundle.
import 'fullcalendar/skeleton.css';
import 'fullcalendar/themes/classic/theme.css';
import 'fullcalendar/themes/classic/palette.css';

export { Calendar } from 'fullcalendar';
export { default as dayGridPlugin } from 'fullcalendar/daygrid';
export { default as listPlugin } from 'fullcalendar/list';
export { default as classicThemePlugin } from 'fullcalendar/themes/classic';
export { default as deLocale } from 'fullcalendar/locales/de';
