import { safeHttpUrl, type CalendarEvent } from '@sozial-innovativ/core';

// Model → schema.org Event JSON-LD, for search engines (as initiative-cards' `to-json-ld.ts` does
// for initiatives). DOM-free; loaded after the events show (`json-ld-view.ts` writes it).

const STATUS: Record<CalendarEvent['status'], string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
};
const ATTENDANCE = {
  onsite: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
};
const AVAILABILITY = {
  open: 'https://schema.org/InStock',
  waitlist: 'https://schema.org/LimitedAvailability',
  closed: 'https://schema.org/SoldOut',
  'not-required': 'https://schema.org/InStock',
};

/** One event as a schema.org Event. URLs only http(s). */
export function eventToSchemaOrg(e: CalendarEvent): Record<string, unknown> {
  const item: Record<string, unknown> = { '@type': 'Event', name: e.title, startDate: e.start, eventStatus: STATUS[e.status] };
  if (e.end) item.endDate = e.end;
  const online = safeHttpUrl(e.onlineUrl);
  const format = e.format ?? (online ? (e.location ? 'hybrid' : 'online') : 'onsite');
  item.eventAttendanceMode = ATTENDANCE[format];
  const l = e.location;
  const places: Record<string, unknown>[] = [];
  if (l && format !== 'online') {
    const place: Record<string, unknown> = { '@type': 'Place' };
    if (l.name) place.name = l.name;
    if (l.address || l.town || l.postalCode) {
      place.address = {
        '@type': 'PostalAddress',
        ...(l.address && { streetAddress: l.address }),
        ...(l.postalCode && { postalCode: l.postalCode }),
        ...(l.town && { addressLocality: l.town }),
        addressCountry: 'DE',
      };
    }
    if (l.geo) place.geo = { '@type': 'GeoCoordinates', latitude: l.geo.lat, longitude: l.geo.lon };
    places.push(place);
  }
  if (online && format !== 'onsite') places.push({ '@type': 'VirtualLocation', url: online });
  if (places.length) item.location = places.length === 1 ? places[0] : places;
  if (e.description) item.description = e.description;
  const url = safeHttpUrl(e.url);
  if (url) item.url = url;
  const image = safeHttpUrl(e.image?.url);
  if (image) item.image = image;
  const o = e.organizer;
  if (o?.name) item.organizer = { '@type': 'Organization', name: o.name, ...(safeHttpUrl(o.url) && { url: safeHttpUrl(o.url) }) };
  const r = e.registration;
  const register = safeHttpUrl(r?.url);
  if (register || r?.state) {
    item.offers = {
      '@type': 'Offer',
      ...(register && { url: register }),
      ...(r?.state && { availability: AVAILABILITY[r.state] }),
      ...(r?.deadline && { validThrough: r.deadline }),
    };
  }
  if (e.topics.length) item.keywords = e.topics.join(', ');
  return item;
}

/**
 * At most this many events go into the JSON-LD: a month of 10,000 events would otherwise write
 * megabytes into the partner's page on every switch, and no crawler reads that far.
 */
export const JSON_LD_LIMIT = 100;

/** The events on screen as a schema.org ItemList of Events (each event once, the first `limit`). */
export function eventsJsonLd(events: readonly CalendarEvent[], limit = JSON_LD_LIMIT): Record<string, unknown> {
  const unique = [...new Set(events)].slice(0, limit);
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    numberOfItems: unique.length,
    itemListElement: unique.map((e, i) => ({ '@type': 'ListItem', position: i + 1, item: eventToSchemaOrg(e) })),
  };
}
