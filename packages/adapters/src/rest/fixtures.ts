// Responses as WordPress, The Events Calendar and OpenFairDB send them (trimmed), for Node and browser tests.
export const wpPost = (id: number) => ({
  id, link: `https://wp.example.test/initiative/${id}/`, modified: '2025-09-01T10:00:00',
  title: { rendered: `Initiative &#8222;Nr. ${id}&#8220; &amp; Co` }, excerpt: { rendered: '<p>Kurz <b>und</b> gut</p>' }, content: { rendered: '<p>Lang</p>' },
  _embedded: { 'wp:featuredmedia': [{ source_url: `https://wp.example.test/img/${id}.jpg`, alt_text: 'Gruppe' }], 'wp:term': [[{ name: 'Teilhabe' }], [{ name: 'Ehrenamt' }]] },
});

export const tribeEvent = (id: number, day: number) => ({
  id, title: `Treff ${id}`, description: '<p>Offen für alle</p>', url: `https://wp.example.test/event/${id}/`, all_day: false,
  start_date: `2025-10-${String(day).padStart(2, '0')} 17:00:00`, end_date: `2025-10-${String(day).padStart(2, '0')} 19:00:00`,
  utc_start_date: `2025-10-${String(day).padStart(2, '0')} 15:00:00`, utc_end_date: `2025-10-${String(day).padStart(2, '0')} 17:00:00`,
  timezone: 'Europe/Berlin', venue: { venue: 'Stadtteilladen', address: 'Hauptstr. 1', city: 'Chemnitz', zip: '09111', geo_lat: 50.83, geo_lng: 12.92 },
  organizer: [{ organizer: 'Verein', email: 'v@example.test' }], categories: [{ name: 'Begegnung' }], tags: [],
});

export const kvmEntries = [
  { id: 'a1', title: 'Repair-Café Dresden', description: 'Reparieren statt wegwerfen', lat: 51.05, lng: 13.74, city: 'Dresden', zip: '01067', tags: ['reparatur'], categories: ['2cad5d1a6af347898d1302fa2aa1c5d4'], license: 'CC0-1.0', homepage: 'https://repair.example.test' },
  { id: 'a2', title: 'Solawi Leipzig', description: 'Solidarische Landwirtschaft', lat: 51.34, lng: 12.37, city: 'Leipzig', tags: ['landwirtschaft'], categories: [] },
];
export const kvmEvents = [
  { id: 'ev1', title: 'Tauschbörse', start: Date.UTC(2025, 9, 21, 15) / 1000, end: Date.UTC(2025, 9, 21, 17) / 1000, lat: 51.05, lng: 13.74, city: 'Dresden', tags: ['tausch'] },
  { id: 'ev2', title: 'Pflanzentausch', start: Date.UTC(2025, 10, 2, 10) / 1000, city: 'Leipzig', tags: [] },
];
