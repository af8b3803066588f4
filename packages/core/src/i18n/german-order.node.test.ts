import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { germanCompare, germanOrder, germanOrderKey } from './german-order.js';

const MODES = [{ numeric: false }, { numeric: true }] as const;
const sign = (x: number) => Math.sign(x);
const compareKeys = (a: string, b: string, numeric: boolean) => {
  const x = germanOrderKey(a, { numeric })!;
  const y = germanOrderKey(b, { numeric })!;
  assert.ok(x !== undefined && y !== undefined, `keys for ${JSON.stringify([a, b])}`);
  return x < y ? -1 : x > y ? 1 : 0;
};
/** Asserts that the keys order `a` and `b` as the collator does, equal included. */
const agree = (a: string, b: string, numeric: boolean, intl: Intl.Collator) =>
  assert.equal(sign(compareKeys(a, b, numeric)), sign(intl.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}, numeric: ${numeric}`);

// Every character a key is promised for: printable ASCII, Latin-1 but the ordinals, µ, the middle
// dot, the superscripts and fractions, and the typographic quotes, dashes, … and €.
const CHARS = [
  ...Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)).filter((c) => !'ª²³µ·¹º¼½¾'.includes(c)),
  ...'–—‘’‚“”„…€',
];
const collators = MODES.map(({ numeric }) => new Intl.Collator('de', { numeric }));

describe('German order by keys', () => {
  it('orders every character, and every pair of them, as Intl.Collator does', () => {
    for (const [m, { numeric }] of MODES.entries()) {
      const intl = collators[m]!;
      // The whole table at a glance: the same sequence, ties included.
      const byIntl = [...CHARS].sort((a, b) => intl.compare(a, b) || a.localeCompare(b, 'en'));
      const byKeys = [...CHARS].sort((a, b) => compareKeys(a, b, numeric) || a.localeCompare(b, 'en'));
      assert.deepEqual(byKeys, byIntl);
      for (const a of CHARS) for (const b of CHARS) agree(a, b, numeric, intl);
    }
  });

  it('orders every string of two characters as Intl.Collator does', () => {
    // Two characters that ICU weighs as one (a contraction) would stand out of line here.
    const pairs = CHARS.flatMap((a) => CHARS.map((b) => a + b));
    const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const [m, { numeric }] of MODES.entries()) {
      const intl = collators[m]!;
      const keys = new Map(pairs.map((s) => [s, germanOrderKey(s, { numeric })!]));
      const byKeys = (a: string, b: string) => byCode(keys.get(a)!, keys.get(b)!);
      const sorted = [...pairs].sort((a, b) => intl.compare(a, b) || byCode(a, b));
      assert.deepEqual([...pairs].sort((a, b) => byKeys(a, b) || byCode(a, b)), sorted);
      sorted.forEach((s, i) => i && agree(sorted[i - 1]!, s, numeric, intl));
    }
  });

  it('orders every string of up to three tricky characters as Intl.Collator does', () => {
    // Accents, case, ß/ss, æ/ae, ø/ö, quotes and their variants, spaces, digits, the soft hyphen.
    const tricky = [...'aAäÄáàoøÖöðdsSß\xa0 \'‘"„-.…0129æÆ\xad'];
    const strings = [''];
    let layer = [''];
    for (let length = 1; length <= 2; length++) strings.push(...(layer = layer.flatMap((s) => tricky.map((c) => s + c))));
    for (const [m, { numeric }] of MODES.entries()) {
      for (const a of strings) for (const b of strings) agree(a, b, numeric, collators[m]!);
      fc.assert(fc.property(fc.array(fc.constantFrom(...tricky), { maxLength: 3 }), fc.array(fc.constantFrom(...tricky), { maxLength: 3 }), (a, b) => agree(a.join(''), b.join(''), numeric, collators[m]!)), { numRuns: 20_000 });
    }
  });

  // Names as they come: words with umlauts and ß, spaces, numbers, and the punctuation of names.
  const letter = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz') }, { weight: 2, arbitrary: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ') }, { weight: 2, arbitrary: fc.constantFrom(...'äöüÄÖÜß') }, { weight: 1, arbitrary: fc.constantFrom(...CHARS) });
  const word = fc.array(letter, { minLength: 1, maxLength: 9 }).map((cs) => cs.join(''));
  const number = fc.oneof(fc.integer({ min: 0, max: 120 }).map(String), fc.constantFrom('007', '0', '00', '10', '2', '1000000000000000000000'));
  const gap = fc.constantFrom(' ', ' ', ' ', '-', '.', '. ', ', ', ' & ', ' (', ') ', '/', '’', "'", '"', '„', '“', ' – ', '');
  const name = fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: number }), gap), { maxLength: 5 }).map((parts) => parts.flat().join(''));
  /** `s` with a few characters swapped for others of the same letter or sign (case, accents, variants). */
  const VARIANTS = ['aAäÄáÁàâ', 'oOöÖøØóô', 'uUüÜúû', 'eEéÉèêë', 'sS', ' \xa0', '\'‘’‚', '"“”„', '-–', 'cCçÇ', 'yYýÿ'];
  const similar = (s: string, picks: number[]) =>
    picks.reduce((t, pick, i) => {
      const at = (pick >> 4) % Math.max(1, t.length);
      const group = VARIANTS.find((g) => g.includes(t[at] ?? ''));
      if (!group) return i % 2 ? t.slice(0, at) + (pick % 2 ? 'ss' : 'ß') + t.slice(at + 1) : t;
      return t.slice(0, at) + group[pick % group.length] + t.slice(at + 1);
    }, s);

  for (const { numeric } of MODES) {
    it(`orders random names as Intl.Collator does (numeric: ${numeric})`, () => {
      const intl = new Intl.Collator('de', { numeric });
      fc.assert(fc.property(name, name, (a, b) => agree(a, b, numeric, intl)), { numRuns: 20_000 });
      // Names that differ only in case, accents or variants: the second and third levels decide.
      fc.assert(fc.property(name, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (a, picks) => agree(a, similar(a, picks), numeric, intl)), { numRuns: 20_000 });
    });
  }

  it('agrees with Intl.Collator on the cases a reader checks first', () => {
    const [plain, numeric] = collators as [Intl.Collator, Intl.Collator];
    const order = (list: string[], intl: Intl.Collator, options: { numeric?: boolean }) => {
      const byIntl = [...list].sort((a, b) => intl.compare(a, b));
      assert.deepEqual(Array.from(germanOrder(list, options), (i) => list[i]), byIntl);
      return byIntl;
    };
    assert.deepEqual(order(['Haus 10', 'Haus 2', 'Haus 02', 'Haus 1'], numeric, { numeric: true }), ['Haus 1', 'Haus 2', 'Haus 02', 'Haus 10']);
    assert.deepEqual(order(['Haus 10', 'Haus 2'], plain, {}), ['Haus 10', 'Haus 2']);
    assert.deepEqual(order(['Äpfel', 'apfel', 'Apfel', 'äpfel', 'Apfelbaum'], plain, {}), ['apfel', 'Apfel', 'äpfel', 'Äpfel', 'Apfelbaum']);
    assert.deepEqual(order(['Straße', 'Strasse', 'Strassen', 'STRASSE'], plain, {}), ['Strasse', 'STRASSE', 'Straße', 'Strassen']);
    assert.deepEqual(order(['St.-Benno', 'St. Marien', 'St.Georg'], plain, {}), ['St. Marien', 'St.-Benno', 'St.Georg']);
    assert.equal(compareKeys('Haus 007', 'Haus 7', true), 0, 'leading zeros do not count');
    assert.equal(compareKeys('Kita\xadPlatz', 'KitaPlatz', false), 0, 'a soft hyphen does not count');
    assert.equal(numeric.compare('Haus 007', 'Haus 7'), 0);
  });

  it('has no key for other characters, and sorts a list with one by Intl.Collator', () => {
    for (const s of ['Łódź', 'a\tb', 'ª', '½', 'a\u0308', '😀', 'İ', 'x'.repeat(5000)]) assert.equal(germanOrderKey(s), undefined, s);
    assert.equal(germanOrderKey(`Nr. ${'9'.repeat(300)}`, { numeric: true }), undefined, 'ICU splits a number of more than 254 digits');
    assert.ok(germanOrderKey(`Nr. ${'9'.repeat(254)}`, { numeric: true }));
    const list = ['Zittau', 'Łódź-Partner', 'Lodz', 'Ärzte', 'aerzte', 'Haus 10', 'Haus 9'];
    const intl = new Intl.Collator('de', { numeric: true });
    assert.deepEqual(Array.from(germanOrder(list, { numeric: true }), (i) => list[i]), [...list].sort((a, b) => intl.compare(a, b)));
  });

  it('creates no Intl.Collator for strings it has keys for, and one when it has not', () => {
    const Original = Intl.Collator;
    let created = 0;
    Intl.Collator = new Proxy(Original, { construct: (target, args: ConstructorParameters<typeof Intl.Collator>) => (created++, new target(...args)) });
    try {
      const list = ['Wohnprojekt Görlitz 12', 'Repair-Café Löbau', 'Straße 2', 'Dorfladen „Oberland“'];
      germanCompare(list, { numeric: true })(0, 1);
      germanOrder(list);
      assert.equal(created, 0);
      germanOrder([...list, 'Łódź']);
      germanOrder([...list, 'Łódź']);
      assert.equal(created, 1, 'one collator, kept');
    } finally {
      Intl.Collator = Original;
    }
  });
});
