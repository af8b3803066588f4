import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateEvents } from '@sozial-innovativ/core';
import { JSON_LD_LIMIT, eventToSchemaOrg, eventsJsonLd } from './to-json-ld.js';

const [hybrid, cancelled, online] = validateEvents([
  {
    id: 'l', title: 'Zukunft gestalten', start: '2026-10-21T17:00:00+02:00', end: '2026-10-21T20:00:00+02:00', format: 'hybrid',
    onlineUrl: 'https://example.org/stream', location: { name: 'Impact Hub', address: 'Str. 1', postalCode: '04109', town: 'Leipzig', geo: { lat: 51.3, lon: 12.4 } },
    registration: { state: 'waitlist', url: 'https://example.org/anmeldung', deadline: '2026-10-16' }, organizer: { name: 'Sozial.Innovativ', url: 'javascript:alert(1)' },
    url: 'https://example.org/termin', description: 'Werkstatt', topics: ['Wohnen', 'Pflege'],
  },
  { id: 'c', title: 'Abgesagt', start: '2026-10-22', status: 'cancelled', location: { town: 'Görlitz' }, url: 'javascript:alert(1)' },
  { id: 'o', title: 'Sprechstunde', start: '2026-10-23T10:00:00+02:00', onlineUrl: 'https://example.org/o' },
]).items;

describe('eventToSchemaOrg', () => {
  it('status, attendance mode, place and virtual location, organiser, offer with registration', () => {
    assert.deepEqual(eventToSchemaOrg(hybrid!), {
      '@type': 'Event', name: 'Zukunft gestalten', startDate: '2026-10-21T17:00:00+02:00', eventStatus: 'https://schema.org/EventScheduled',
      endDate: '2026-10-21T20:00:00+02:00', eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      location: [
        {
          '@type': 'Place', name: 'Impact Hub', address: { '@type': 'PostalAddress', streetAddress: 'Str. 1', postalCode: '04109', addressLocality: 'Leipzig', addressCountry: 'DE' },
          geo: { '@type': 'GeoCoordinates', latitude: 51.3, longitude: 12.4 },
        },
        { '@type': 'VirtualLocation', url: 'https://example.org/stream' },
      ],
      description: 'Werkstatt', url: 'https://example.org/termin', organizer: { '@type': 'Organization', name: 'Sozial.Innovativ' },
      offers: { '@type': 'Offer', url: 'https://example.org/anmeldung', availability: 'https://schema.org/LimitedAvailability', validThrough: '2026-10-16' },
      keywords: 'Wohnen, Pflege',
    });
  });
  it('cancelled, all-day, unsafe URLs left out; online without format', () => {
    const c = eventToSchemaOrg(cancelled!);
    assert.equal(c.eventStatus, 'https://schema.org/EventCancelled');
    assert.equal(c.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
    assert.equal(c.url, undefined);
    assert.equal(c.startDate, '2026-10-22');
    const o = eventToSchemaOrg(online!);
    assert.equal(o.eventAttendanceMode, 'https://schema.org/OnlineEventAttendanceMode');
    assert.deepEqual(o.location, { '@type': 'VirtualLocation', url: 'https://example.org/o' });
  });
  it('an ItemList with each event once', () => {
    const list = eventsJsonLd([hybrid!, online!, hybrid!]);
    assert.equal(list.numberOfItems, 2);
    assert.deepEqual((list.itemListElement as { position: number }[]).map((x) => x.position), [1, 2]);
  });
  it('a month of thousands of events writes the first JSON_LD_LIMIT of them', () => {
    const many = Array.from({ length: JSON_LD_LIMIT * 3 }, (_, i) => ({ ...hybrid!, id: `e${i}`, title: `Termin ${i}` }));
    const list = eventsJsonLd(many);
    assert.equal(list.numberOfItems, JSON_LD_LIMIT);
    const items = list.itemListElement as { item: { name: string } }[];
    assert.equal(items.length, JSON_LD_LIMIT);
    assert.equal(items.at(-1)!.item.name, `Termin ${JSON_LD_LIMIT - 1}`);
  });
});
