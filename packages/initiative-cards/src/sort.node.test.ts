import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateInitiatives, type Initiative } from '@sozial-innovativ/core';
import { FACET_KEYS, buildFacetIndex } from './facets.js';
import { buildOrders, firstByName, orderSubset } from './sort.js';
import { generateInitiatives } from '../../../demo/data/generate-initiatives.js';

// The order visitors saw when the cards sorted with `Intl.Collator` (numbers by value, equal names
// in list order), and the facets' values sorted by one.
const byIntl = (items: readonly Initiative[]) => {
  const intl = new Intl.Collator('de', { numeric: true });
  return items.map((_, i) => i).sort((a, b) => intl.compare(items[a]!.name, items[b]!.name) || a - b);
};
const sortedByIntl = (values: readonly string[]) => [...values].sort(new Intl.Collator('de').compare);

// Generated names (umlauts, ß, "Repair-Café", "e. V.", numbers), some in other cases, some twice.
const generated = validateInitiatives(generateInitiatives(3000)).items;
const items = generated.map((x, i) => (i % 97 === 0 ? { ...x, name: x.name.toUpperCase() } : i % 89 === 0 ? { ...x, name: generated[i - 1]!.name } : x));

test('the name order and the first page are those of Intl.Collator', () => {
  const expected = byIntl(items);
  assert.deepEqual(Array.from(buildOrders(items).name), expected);
  const all = items.map((_, i) => i);
  for (const count of [1, 24, 100]) assert.deepEqual(firstByName(items, all, count), expected.slice(0, count), `first ${count}`);
  // Any filtered list: the first page is the beginning of the whole order restricted to it.
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 0, max: items.length - 1 }), { maxLength: 300 }), fc.integer({ min: 1, max: 30 }), (positions, count) => {
      assert.deepEqual(firstByName(items, positions, count), orderSubset(expected, positions).slice(0, count));
    }),
    { numRuns: 200 },
  );
});

test('a name core has no key for puts the whole list in Intl.Collator order', () => {
  const some = [...items.slice(0, 300), { ...items[0]!, name: 'Łódź-Partnerschaft 3' }];
  assert.deepEqual(Array.from(buildOrders(some).name), byIntl(some));
  assert.deepEqual(firstByName(some, some.map((_, i) => i), 24), byIntl(some).slice(0, 24));
});

test('facet values are sorted as Intl.Collator sorts them', () => {
  const index = buildFacetIndex(items);
  for (const key of FACET_KEYS) assert.deepEqual(index.values[key], sortedByIntl(index.values[key]), key);
  const odd = buildFacetIndex([{ ...items[0]!, topics: ['Ökologie', 'Oase', 'oase', 'Straße', 'Strasse', 'Zukunft 2', 'Zukunft 10', 'Łąka'] }]);
  assert.deepEqual(odd.values.topics, sortedByIntl(odd.values.topics));
});

test('the first page, the facets and the name order create no Intl.Collator for names core has keys for', () => {
  const Original = Intl.Collator;
  let created = 0;
  Intl.Collator = new Proxy(Original, { construct: (target, args: ConstructorParameters<typeof Intl.Collator>) => (created++, new target(...args)) });
  try {
    const fresh = items.map((x) => ({ ...x }));
    buildFacetIndex(fresh);
    firstByName(fresh, fresh.map((_, i) => i), 24);
    assert.equal(buildOrders(fresh).name.length, fresh.length);
    assert.equal(created, 0);
  } finally {
    Intl.Collator = Original;
  }
});
