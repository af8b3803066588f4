import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateInitiatives, type Initiative } from '@sozial-innovativ/core';
// The public names come through `./logic` (the package's `/logic` subpath), helpers from their modules.
import {
  InitiativeCollection, applyFacets, buildFacetIndex, buildIndex, foldGerman, fragmentParams, readLocationState, readUrlState, resolveNear,
  writeLocationState, writeUrlState, type CardsFilter,
} from './logic.js';
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, searchTerms } from './terms.js';
import { emptySelection } from './facets.js';
import { de } from './messages.js';
import { formatDay } from './format.js';
import { orderSubset } from './sort.js';
import { parseList } from './url-state.js';
import { generateInitiatives } from '../../../demo/data/generate-initiatives.js';

const items: Initiative[] = validateInitiatives([
  { id: 'telux', name: 'Soziokulturelles Zentrum TELUX', kind: 'organisation', summary: 'Kultur und Begegnung in Weißwasser.', topics: ['Kultur', 'Jugend'], targetGroups: ['Jugendliche'], region: { town: 'Weißwasser', district: 'Görlitz' }, founded: '2012', lastChecked: '2025-03-01' },
  { id: 'bring-together', name: 'bring-together', kind: 'social-enterprise', summary: 'Gemeinschaftliches Wohnen für Alleinerziehende, junge Familien und Ältere.', topics: ['Wohnen', 'Gemeinschaft'], targetGroups: ['Alleinerziehende', 'Junge Familien'], region: { town: 'Leipzig' }, founded: '2019', lastChecked: '2025-06-10' },
  { id: 'hub', name: 'Impact Hub Leipzig', kind: 'social-enterprise', summary: 'Gründungszentrum für Sozialunternehmen.', topics: ['Sozialunternehmen', 'Bildung'], targetGroups: ['Gründerinnen und Gründer'], region: { town: 'Leipzig', district: 'Leipzig' }, founded: '2016', lastChecked: '2024-11-20' },
  { id: 'oeko', name: 'Ökodorf Zittau', kind: 'initiative', topics: ['Klima und Umwelt', 'Wohnen'], targetGroups: ['Junge Familien'], region: { town: 'Zittau', geo: { lat: 50.9, lon: 14.81 } } },
]).items;

const filter = (over: Partial<CardsFilter> = {}): CardsFilter => ({ ...emptySelection(), q: '', near: '', sort: 'name', ...over });
/** A collection with its whole index built at once. */
const collect = (xs: readonly Initiative[]) => new InitiativeCollection(xs, buildIndex(xs));
const ids = (c: InitiativeCollection, f: CardsFilter) => c.query(f).positions.map((p) => c.items[p]!.id);

test('foldGerman gives the full fold for any term, ASCII or not', () => {
  const full = (t: string) => t.toLocaleLowerCase('de').replace(/[äöüß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' })[c]!).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (t) => assert.equal(foldGerman(t), full(t))), { numRuns: 5000 });
  fc.assert(fc.property(fc.string(), (t) => assert.equal(foldGerman(t), full(t))), { numRuns: 5000 });
});

test('foldGerman folds umlauts, ß and case', () => {
  assert.equal(foldGerman('Weißwasser'), 'weisswasser');
  assert.equal(foldGerman('GÖRLITZ'), 'goerlitz');
  assert.equal(foldGerman('Café'), 'cafe');
});

test('search finds Weißwasser however it is typed, including a typo', () => {
  const index = buildIndex(items);
  for (const q of ['Weißwasser', 'weisswasser', 'WEISSWASSER', 'Weißwaßer', 'Weiswasser', 'weißw']) {
    assert.deepEqual(index.search(q)!.map((p) => items[p]!.id), ['telux'], q);
  }
});

test('search matches umlauts typed with or without e, and prefixes', () => {
  const index = buildIndex(items);
  for (const q of ['Öko', 'oeko', 'oko', 'Okodorf']) assert.deepEqual(index.search(q)!.map((p) => items[p]!.id), ['oeko'], q);
  assert.equal(index.search(''), null);
  assert.equal(index.search(' W '), null, 'one letter does not filter yet');
});

test('a pasted page of text searches only its first terms, and still finds', () => {
  const index = buildIndex(items);
  const page = 'Weißwasser '.repeat(100_000);
  const terms = searchTerms(page);
  assert.equal(terms.length, MAX_QUERY_TERMS);
  assert.ok(terms.join(' ').length <= MAX_QUERY_LENGTH);
  assert.deepEqual(index.search(page)!.map((p) => items[p]!.id), ['telux']);
  assert.deepEqual(index.search(`${' '.repeat(1_000_000)}Weißwasser`)!.map((p) => items[p]!.id), ['telux']);
});

test('a hit in the name outranks a hit in the summary', () => {
  const index = buildIndex(items);
  const order = index.search('Leipzig')!.map((p) => items[p]!.id);
  assert.equal(order[0], 'hub');
  assert.ok(order.includes('bring-together'));
});

test('facets: OR within a facet, AND across, counts per value given the other facets', () => {
  const index = buildFacetIndex(items);
  assert.deepEqual(index.values.districts, ['Görlitz', 'Leipzig']);
  const sel = { ...emptySelection(), topics: ['Wohnen'], kinds: ['social-enterprise'] };
  const { matches, counts } = applyFacets(index, null, sel);
  assert.deepEqual(matches.map((p) => items[p]!.id), ['bring-together']);
  const count = (key: 'topics' | 'kinds', value: string) => counts[key][index.values[key].indexOf(value)];
  // Topics are counted among social enterprises: Bildung would add the Impact Hub.
  assert.equal(count('topics', 'Bildung'), 1);
  assert.equal(count('topics', 'Kultur'), 0);
  // Kinds are counted among items about Wohnen: one initiative, one social enterprise.
  assert.equal(count('kinds', 'initiative'), 1);
  assert.equal(count('kinds', 'social-enterprise'), 1);
  // Values from attributes match regardless of case and umlauts.
  assert.equal(applyFacets(index, null, { ...emptySelection(), towns: ['weisswasser'] }).matches.length, 1);
});

test('sorting by name, newest, last checked and distance', () => {
  const c = collect(items);
  assert.deepEqual(ids(c, filter()), ['bring-together', 'Impact Hub Leipzig', 'Ökodorf Zittau', 'Soziokulturelles Zentrum TELUX'].map((n) => items.find((x) => x.name === n)!.id));
  assert.deepEqual(ids(c, filter({ sort: 'newest' })), ['bring-together', 'hub', 'telux', 'oeko']);
  assert.deepEqual(ids(c, filter({ sort: 'checked' })), ['bring-together', 'telux', 'hub', 'oeko']);
  const near = c.query(filter({ sort: 'distance', near: '02943' }));
  assert.equal(near.place?.name, 'Weißwasser');
  assert.deepEqual(near.positions.map((p) => items[p]!.id), ['telux', 'oeko', 'bring-together', 'hub']);
  assert.equal(Math.round(near.km![0]!), 0);
  assert.deepEqual(ids(c, filter({ sort: 'distance', near: 'Landkreis Nirgendwo' })).length, 4);
});

test('relevance follows the search, then falls back to names', () => {
  const c = collect(items);
  assert.equal(ids(c, filter({ sort: 'relevance', q: 'Leipzig' }))[0], 'hub');
  assert.equal(ids(c, filter({ sort: 'relevance' }))[0], 'bring-together');
});

test('the first page is the same before and after the whole name order is built', () => {
  // Umlauts, case, numbers by value, punctuation, equal names (kept in list order), names off a–z.
  const names = ['Zukunftswerk', 'ökodorf', 'Ökodorf', 'Oase', 'Haus 10', 'Haus 2', 'haus 2', 'Haus-Projekt', 'Haus Projekt', 'Äpfel & Birnen',
    'Apfelbaum', 'apfelbaum', '„Aufbruch“', '1. FC Soziales', 'Élan', 'Straße der Hoffnung', 'Strasse der Hoffnung', 'bring-together', 'Bring Together',
    'Zwickauer Tafel', 'Ärztehaus', 'Aerzte', 'Tafel 3', 'Tafel 12', 'Łódź-Partner', ' Leerzeichen', 'Mühle', 'Muehle', 'Mutig', 'Apfelbaum'];
  const many = validateInitiatives(Array.from({ length: 90 }, (_, i) => ({ id: `i${i}`, name: names[(i * 7) % names.length]!, kind: 'initiative' }))).items;
  const byAll = collect(many).query(filter()).positions;
  byAll.forEach((p, i) => i && many[byAll[i - 1]!]!.name === many[p]!.name && assert.ok(byAll[i - 1]! < p, 'equal names in list order'));
  for (const count of [1, 5, 12, 22]) {
    const page = collect(many).query(filter()).first(count);
    assert.deepEqual(page, byAll.slice(0, count), `first ${count}`);
  }
  const result = collect(many).query(filter({ kinds: ['initiative'] }));
  assert.equal(result.total, 90);
  assert.deepEqual(result.first(10), result.positions.slice(0, 10));
});

test('a search typed before the index is complete waits for it, then finds what a later search finds', { timeout: 30_000 }, async () => {
  const many = validateInitiatives(generateInitiatives(2000)).items;
  const early = InitiativeCollection.createInBackground(many);
  // At once: the other filters apply, the search waits for the index (nothing is indexed yet).
  const waiting = early.query(filter({ q: 'Tafel Leipzig', sort: 'relevance', kinds: ['project'] }));
  assert.equal(waiting.pending, true);
  assert.equal(waiting.total, many.filter((x) => x.kind === 'project').length);
  assert.equal(early.query(filter({ q: ' a ' })).pending, false, 'no search term, nothing to wait for');
  await early.searchReady;
  const late = collect(many);
  const words = [...new Set(many.flatMap((x) => `${x.name} ${x.region?.town ?? ''} ${x.topics.join(' ')}`.split(/\s+/)))];
  const query = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 }), fc.constantFrom('Weißw', 'oeko', 'Nachbarschaftshlfe')), { maxLength: 3 });
  fc.assert(
    fc.property(query, fc.constantFrom('relevance', 'name', 'distance') as fc.Arbitrary<CardsFilter['sort']>, (terms, sort) => {
      const f = filter({ q: terms.join(' '), sort, near: sort === 'distance' ? 'Görlitz' : '' });
      const a = early.query(f);
      assert.equal(a.pending, false);
      assert.deepEqual(a.positions, late.query(f).positions, f.q);
    }),
    { numRuns: 300 },
  );
});

test('facet counts without a search or selection are those of every item', () => {
  const index = buildFacetIndex(items);
  const everything = applyFacets(index, null, emptySelection());
  assert.deepEqual(everything, applyFacets(index, items.map((_, i) => i), emptySelection()));
  assert.equal(everything.counts.topics[index.values.topics.indexOf('Wohnen')], 2);
});

test('German dates read as Intl writes them', () => {
  const intl = new Intl.DateTimeFormat('de', { dateStyle: 'long', timeZone: 'UTC' });
  for (let month = 1; month <= 12; month++) {
    for (const day of ['2025-MM-01', '2025-MM-10', '1999-MM-28', '2024-MM-31']) {
      const iso = day.replace('MM', String(month).padStart(2, '0'));
      assert.equal(formatDay('de', iso), intl.format(Date.parse(iso)), iso);
    }
  }
  assert.equal(formatDay('en', '2025-06-10'), '10 June 2025');
});

test('the result count groups thousands as German does', () => {
  for (const n of [0, 2, 999, 1000, 10_000, 1_234_567]) assert.equal(de.found(n), `${n.toLocaleString('de-DE')} Initiativen gefunden`);
});

test('resolveNear takes towns, districts and postcodes', () => {
  assert.equal(resolveNear('Görlitz')?.name, 'Görlitz');
  assert.equal(resolveNear('Erzgebirgskreis')?.name, 'Annaberg-Buchholz');
  assert.equal(resolveNear('04109')?.name, 'Leipzig');
  assert.equal(resolveNear('0410'), undefined);
  assert.equal(resolveNear(''), undefined);
});

test('orderSubset keeps the whole-list order', () => {
  assert.deepEqual(orderSubset([3, 1, 2, 0], [0, 3]), [3, 0]);
});

test('URL state round-trips and keeps other parameters', () => {
  const state = { ...filter({ q: 'Wohnen', topics: ['Kultur, Freizeit', 'Jugend'], near: 'Zittau', sort: 'distance' as const }), initiative: 'telux' };
  const params = writeUrlState(new URLSearchParams('page=2&si-town=Alt'), state, 'relevance');
  assert.equal(params.get('page'), '2');
  assert.equal(params.has('si-town'), false);
  const back = readUrlState(params);
  assert.deepEqual(back, { q: 'Wohnen', topics: ['Kultur, Freizeit', 'Jugend'], near: 'Zittau', sort: 'distance', initiative: 'telux' });
  assert.equal(writeUrlState(new URLSearchParams(), filter({ sort: 'relevance' }), 'relevance').toString(), '');
  assert.deepEqual(readUrlState(new URLSearchParams('si-sort=evil')), {});
  assert.deepEqual(parseList(' Wohnen, ,Kultur '), ['Wohnen', 'Kultur']);
});

test('sync-url state goes into the fragment, keeps the rest of the URL, and old query links still read', () => {
  const state = { ...filter({ q: 'Wohnen & Leben', topics: ['Kultur, Freizeit', 'Jugend'], near: '04109', sort: 'relevance' }), initiative: 'telux' };
  const { search, hash } = writeLocationState('?page=2&si-q=alt&si-near=01067', '#top&kalender-view=month&si-town=Alt', state, 'relevance');
  // The postcode and the search never stay in the query, which reaches server logs.
  assert.equal(search, '?page=2');
  assert.equal(hash, '#top&kalender-view=month&si-q=Wohnen%20%26%20Leben&si-topic=Kultur%2C%20Freizeit&si-topic=Jugend&si-near=04109&si-initiative=telux');
  assert.deepEqual(readLocationState(search, hash), { q: 'Wohnen & Leben', topics: ['Kultur, Freizeit', 'Jugend'], near: '04109', initiative: 'telux' });
  // A link from before: the query is read when the fragment holds none of our keys.
  assert.deepEqual(readLocationState('?si-topic=Wohnen&si-initiative=oekodorf&si-q=a+b', '#top'), { q: 'a b', topics: ['Wohnen'], initiative: 'oekodorf' });
  // The fragment wins over the query.
  assert.deepEqual(readLocationState('?si-q=alt', '#si-q=neu'), { q: 'neu' });
  // Cleared state: our keys are gone, the rest stays.
  assert.deepEqual(writeLocationState('?si-q=x', '#top&si-q=x', { ...filter({ sort: 'relevance' }) }, 'relevance'), { search: '', hash: '#top' });
  assert.deepEqual(writeLocationState('', '', { ...filter({ sort: 'relevance' }) }, 'relevance'), { search: '', hash: '' });
  // Hostile fragments: broken escapes and unknown keys are ignored, values are capped.
  assert.deepEqual(readLocationState('', '#si-q=%E0%A4%A&si-sort=evil&si-evil=1&__proto__=x'), { q: '' });
  assert.equal(readLocationState('', `#si-q=${'x'.repeat(500)}`).q?.length, 200);
  assert.deepEqual(fragmentParams('#si-match=%7B%7D&si-topic=A').getAll('si-topic'), ['A']);
});

test('schema.org: kinds map to types, unsafe URLs are left out', async () => {
  const { initiativeToSchemaOrg, itemListJsonLd } = await import('./logic.js');
  const [x] = validateInitiatives([{ id: 'a', name: 'A', kind: 'organisation', url: 'javascript:alert(1)', links: [{ label: 'x', url: 'https://a.example/' }], region: { town: 'Bautzen', geo: { lat: 51.18, lon: 14.42 } } }]).items;
  const item = initiativeToSchemaOrg(x!);
  assert.equal(item['@type'], 'NGO');
  assert.equal(item.url, undefined);
  assert.deepEqual(item.sameAs, ['https://a.example/']);
  assert.deepEqual(item.geo, { '@type': 'GeoCoordinates', latitude: 51.18, longitude: 14.42 });
  const list = itemListJsonLd([x!], 7);
  assert.equal(list.numberOfItems, 7);
  assert.equal((list.itemListElement as { position: number }[])[0]!.position, 1);
});
