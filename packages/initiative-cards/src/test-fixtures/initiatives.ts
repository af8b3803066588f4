/** A small, varied set for the browser tests (not shipped). */
export const fixtureInitiatives = [
  {
    id: 'bring-together', name: 'bring-together', kind: 'social-enterprise',
    summary: 'Bringt Alleinerziehende, junge Familien und Ältere mit gemeinschaftlichen Wohnprojekten zusammen.',
    easyLanguage: 'bring-together hilft Menschen. Sie finden eine Wohn-Gemeinschaft.',
    description: 'Sozialunternehmen aus Leipzig, das Menschen auf der Suche nach Gemeinschaft mit Wohnprojekten vernetzt.',
    topics: ['Wohnen', 'Gemeinschaft'], targetGroups: ['Alleinerziehende', 'Junge Familien', 'Seniorinnen und Senioren'],
    region: { town: 'Leipzig', district: 'Leipzig', geo: { lat: 51.34, lon: 12.37 } },
    contact: { email: 'hallo@bring-together.example', phone: '+49 341 000000' },
    links: [{ label: 'Projekte', url: 'https://www.bring-together.de/de' }],
    url: 'https://www.bring-together.de/de', founded: '2019', lastChecked: '2025-06-10',
    source: { name: 'Sozial.Innovativ', url: 'https://example.org/quelle', licence: 'CC BY 4.0' },
    image: { url: 'https://img.example/bring-together.jpg', alt: 'Menschen am Gemeinschaftstisch' },
  },
  {
    id: 'telux', name: 'Soziokulturelles Zentrum TELUX', kind: 'organisation',
    summary: 'Kultur, Begegnung und Jugendarbeit in Weißwasser. </script><script>alert(1)</script>',
    topics: ['Kultur', 'Jugend'], targetGroups: ['Jugendliche'],
    region: { town: 'Weißwasser', district: 'Görlitz', geo: { lat: 51.5, lon: 14.64 } }, founded: '2012', lastChecked: '2025-03-01',
  },
  {
    id: 'impact-hub', name: 'Impact Hub Leipzig', kind: 'social-enterprise',
    summary: 'Gründungszentrum und Netzwerk für Sozialunternehmen.', topics: ['Sozialunternehmen', 'Bildung'],
    targetGroups: ['Gründerinnen und Gründer'], region: { town: 'Leipzig', district: 'Leipzig' }, founded: '2016', lastChecked: '2024-11-20',
    url: 'javascript:alert(1)',
  },
  {
    id: 'oekodorf', name: 'Ökodorf Zittau', kind: 'initiative', summary: 'Gemeinschaftlich wohnen im Dreiländereck.',
    topics: ['Wohnen', 'Klima und Umwelt'], targetGroups: ['Junge Familien'], region: { town: 'Zittau', district: 'Görlitz' },
  },
  {
    id: 'buergerbus', name: 'Bürgerbus Erzgebirge', kind: 'project', summary: 'Ehrenamtliche fahren Ältere zum Arzt.',
    topics: ['Mobilität', 'Ländlicher Raum'], targetGroups: ['Seniorinnen und Senioren'],
    region: { town: 'Annaberg-Buchholz', district: 'Erzgebirgskreis' }, founded: '2021',
  },
  {
    id: 'mgh-bautzen', name: 'Mehrgenerationenhaus Bautzen', kind: 'organisation', summary: 'Offener Treff für alle Generationen.',
    topics: ['Gemeinschaft', 'Familie'], targetGroups: ['Junge Familien', 'Seniorinnen und Senioren'],
    region: { town: 'Bautzen', district: 'Bautzen' }, lastChecked: '2025-01-15',
  },
];
