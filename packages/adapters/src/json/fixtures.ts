// Data in the documented format and as schema.org JSON-LD, shared by Node and browser tests.
export const sampleData = {
  events: [
    { id: 'dd', title: 'Sozial.Innovativ mit neuen Ideen für Sachsen', start: '2025-09-07T17:00:00+02:00', end: '2025-09-07T20:00:00+02:00', status: 'scheduled' },
    { id: 'l', title: 'Zukunft unternehmerisch gestalten', start: '2025-10-21T17:00:00+02:00', location: { town: 'Leipzig' } },
    { id: 'ww', title: 'Den ländlichen Raum stärken', start: '2025-11-09T17:00:00+01:00' },
    { id: 'bad', title: '', start: 'never' },
  ],
  initiatives: [{ id: 'bring-together', name: 'bring-together', kind: 'social-enterprise' }, { id: 'rc', name: 'Repair-Café' }],
  offers: [{ id: 'o', name: 'Wohnprojekt', attributes: { rooms: 2 } }],
  questionnaire: { id: 'q', title: 'Wohnen', questions: [{ id: 'kids', kind: 'boolean', label: 'Kinder?' }] },
};

export const schemaOrgEvents = {
  '@context': 'https://schema.org',
  '@graph': [
    {
      '@type': 'EducationEvent', '@id': 'https://example.test/e/1', name: 'Werkstatt Zukunft', startDate: '2025-10-21T17:00',
      endDate: '2025-10-21T19:00', eventStatus: 'https://schema.org/EventCancelled', eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      location: [
        { '@type': 'Place', name: 'Kreativraum', address: { '@type': 'PostalAddress', streetAddress: 'Hauptstraße 1', postalCode: '04109', addressLocality: 'Leipzig' } },
        { '@type': 'VirtualLocation', url: 'https://meet.example.test/w' },
      ],
      superEvent: { '@type': 'EventSeries', '@id': 'https://example.test/reihe', name: 'Reihe Zukunft' },
    },
    { '@type': 'Event', name: 'Online-Sprechstunde', startDate: '2025-11-03T10:00:00+01:00', url: 'https://example.test/s', eventStatus: 'EventMovedOnline' },
    { '@type': 'NGO', '@id': 'https://example.test/verein', name: 'Bürgerverein Görlitz', url: 'https://verein.example.test', address: { '@type': 'PostalAddress', addressLocality: 'Görlitz' } },
    { '@type': 'Project', name: 'Repair-Café', foundingDate: '2019' },
    { '@type': 'WebSite', name: 'ignored' },
  ],
};
