export { eventsToIcs, icsFileName, escapeText, foldLine, DEFAULT_PRODID, UID_DOMAIN, type IcsOptions } from './export.js';
