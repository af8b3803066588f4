import type { Lang } from '@sozial-innovativ/core';
import { LocaleController, type SiElement } from '@sozial-innovativ/core/elements';

/**
 * German: the complete catalog, bundled. English (`messages.en.ts`, complete, checked by the
 * type) and Upper Sorbian (`messages.hsb.ts`, partial, falls back to German) are loaded by
 * core's `LocaleController` on first use, so a German page never downloads them.
 */
export const de = {
  'kind.initiative': 'Initiative',
  'kind.organisation': 'Organisation',
  'kind.social-enterprise': 'Sozialunternehmen',
  'kind.project': 'Projekt',
  'kind.network': 'Netzwerk',
  'kind.public-body': 'Öffentliche Stelle',
  topics: 'Themen',
  targetGroups: 'Zielgruppen',
  region: 'Region',
  lastChecked: 'Zuletzt geprüft',
  distance: (km: string) => `etwa ${km} km entfernt`,
  notFound: 'Diese Initiative wurde nicht gefunden.',
  description: 'Beschreibung',
  easyLanguage: 'In Leichter Sprache',
  contact: 'Kontakt',
  email: 'E-Mail',
  phone: 'Telefon',
  website: 'Website',
  links: 'Links',
  address: 'Adresse',
  founded: 'Gegründet',
  source: 'Quelle',
  licence: 'Lizenz',
  search: 'Initiativen durchsuchen',
  searchHint: 'Name, Thema, Ort – auch mit Tippfehlern',
  filters: 'Filter',
  activeFilters: (n: number) => (n === 1 ? '1 aktiv' : `${n} aktiv`),
  'facet.topics': 'Themen',
  'facet.kinds': 'Art',
  'facet.targetGroups': 'Zielgruppen',
  'facet.districts': 'Landkreis oder kreisfreie Stadt',
  'facet.towns': 'Ort',
  resetFilters: 'Suche und Filter zurücksetzen',
  sort: 'Sortieren nach',
  'sort.relevance': 'Beste Treffer',
  'sort.name': 'Name',
  'sort.newest': 'Neueste zuerst',
  'sort.checked': 'Zuletzt geprüft',
  'sort.distance': 'Entfernung',
  near: 'In der Nähe von',
  nearNone: 'Überall in Sachsen',
  postcode: 'oder Postleitzahl',
  postcodeUnknown: 'Diese Postleitzahl ist nicht hinterlegt.',
  easyRead: 'Leichte Sprache',
  // "10.000" as `toLocaleString('de-DE')` writes it, without a number format: the first one of a
  // page costs milliseconds, and this count is on the first render.
  found: (n: number) => (n === 1 ? '1 Initiative gefunden' : `${String(n).replace(/\B(?=(\d{3})+$)/g, '.')} Initiativen gefunden`),
  sortedByDistance: (place: string) => `, nach Entfernung von ${place} sortiert`,
  /** Status while a search waits for the search index (the first search of a page with many initiatives). */
  searchPreparing: 'Die Suche wird vorbereitet …',
  showing: (shown: number, total: number) => `${shown} von ${total} angezeigt`,
  more: 'Mehr anzeigen',
  results: 'Initiativen',
  empty: 'Keine Initiative passt zu Ihrer Suche.',
  emptyAll: 'Es sind noch keine Initiativen eingetragen.',
};
export type Messages = typeof de;

/** The interface texts of `host` in its language; `ready()` resolves once they are loaded. */
export const localeFor = (host: SiElement, language: () => Lang) =>
  new LocaleController<Messages>(host, language, de, {
    en: () => import('./messages.en.js'),
    hsb: () => import('./messages.hsb.js'),
    ls: () => import('./messages.ls.js'),
  });

export type Translate = LocaleController<Messages>['t'];
