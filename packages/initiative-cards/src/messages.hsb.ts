import { plural } from '@sozial-innovativ/core';
import type { Messages } from './messages.js';

/** Upper Sorbian: a preview, partly translated; the rest falls back to German. */
const hsb: Partial<Messages> = {
  'kind.initiative': 'Iniciatiwa',
  'kind.organisation': 'Organizacija',
  'kind.project': 'Projekt',
  topics: 'Temy',
  region: 'Region',
  contact: 'Kontakt',
  search: 'Iniciatiwy pytać',
  filters: 'Filtry',
  more: 'Wjace pokazać',
  results: 'Iniciatiwy',
  searchPreparing: 'Pytanje so přihotuje …',
  found: (n: number) => plural('hsb', n, { one: '{n} iniciatiwa namakana', two: '{n} iniciatiwje namakanej', few: '{n} iniciatiwy namakane', other: '{n} iniciatiwow namakanych' }),
};

export default hsb;
