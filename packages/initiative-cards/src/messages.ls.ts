import type { Messages } from './messages.js';

/**
 * Leichte Sprache: the cards' texts for German pages with `easy-read`, loaded only then.
 * Short sentences, one statement each, no abbreviations, numbers as digits (checked by
 * `messages.ls.node.test.ts`). Partial: every missing key falls back to standard German.
 */
const ls: Partial<Messages> = {
  'kind.social-enterprise': 'Firma mit sozialem Ziel',
  'kind.public-body': 'Amt oder Behörde',
  targetGroups: 'Für wen',
  region: 'Gebiet',
  distance: (km: string) => `etwa ${km} Kilometer weg`,
  notFound: 'Wir finden diese Initiative nicht.',
  contact: 'So erreichen Sie die Initiative',
  founded: 'Gibt es seit',
  search: 'Initiativen suchen',
  searchHint: 'Geben Sie einen Namen oder ein Thema ein. Auch ein Ort geht. Tipp-Fehler sind nicht schlimm.',
  filters: 'Auswahl',
  activeFilters: (n: number) => `${n} gewählt`,
  'facet.kinds': 'Art',
  'facet.targetGroups': 'Für wen',
  'facet.districts': 'Land-Kreis oder Stadt',
  resetFilters: 'Suche und Auswahl löschen',
  sort: 'Reihenfolge',
  'sort.relevance': 'Passt am besten',
  'sort.name': 'Name von A bis Z',
  'sort.newest': 'Neue zuerst',
  'sort.distance': 'Nah zuerst',
  postcode: 'oder Post-Leitzahl',
  postcodeUnknown: 'Diese Post-Leitzahl kennen wir nicht.',
  found: (n: number) => (n === 1 ? 'Wir haben 1 Initiative gefunden.' : `Wir haben ${n.toLocaleString('de-DE')} Initiativen gefunden.`),
  sortedByDistance: (place: string) => ` Die Initiativen nah bei ${place} stehen oben.`,
  searchPreparing: 'Die Suche braucht noch einen Moment. Bitte warten Sie.',
  showing: (shown: number, total: number) => `Sie sehen ${shown} von ${total}.`,
  more: 'Mehr zeigen',
  empty: 'Keine Initiative passt zu Ihrer Suche.',
  emptyAll: 'Es gibt noch keine Initiativen.',
};
export default ls;
