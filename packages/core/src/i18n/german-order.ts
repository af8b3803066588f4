/*
 * German dictionary order without `Intl.Collator`. A page's first collator costs ~6 ms on a cold
 * page (ICU loads its collation data), more than sorting the names it is used for. German uses
 * CLDR's root order, which for the characters below is simple enough to write down: every
 * character is a list of collation elements (primary: the letter or sign; secondary: accents;
 * tertiary: case and variants), and strings compare by all primaries first, then all
 * secondaries, then all tertiaries. A key encodes the three levels so that `<` on keys is
 * `Intl.Collator('de').compare`; german-order.node.test.ts compares them over every character
 * and random names. A string with any other character has no key and goes to the collator.
 */

// The primary order of signs, then digits, then letters, as ICU sorts them (checked by the tests).
// Not · (after an l it is a mark of the l: Catalan "l·l").
const SIGNS = ' _-\u2013\u2014,;:!¡?¿.\'"«»()[]{}§¶@*/\\&#%`´^¯¨¸°©®+±÷×<=>¬|¦~¤¢$£¥\u20ac';
const LETTERS = 'abcdefghijklmnopqrstuvwxyzþ';
/** Latin-1 letters U+00C0–U+00FF as a base letter and an accent (the index in the secondaries); `.`: none. */
const BASES = 'AAAAAA.CEEEEIIIIDNOOOOO.OUUUUY..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y';
const MARKS = '102543.7102410246510254.610240..102543.7102410246510254.610240.4';
/** Characters beyond Latin-1, each in a slot after it. */
const BEYOND = '\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u20ac';
// Primary weights, written as they stand in a key: the space lowest, the other signs as two
// characters below the digits, digits and letters as themselves (þ after z).
const SPACE = 0x20;
const SIGN = 0x100;
const DIGIT = 0x30;
const LETTER = 0x61;
// Secondary weights, lowest first: quote variants (‘ of '), then accents as ICU orders them (acute,
// grave, circumflex, ring, diaeresis, tilde, the stroke of ø and ð, cedilla), then the mark of ß and æ.
const ACCENT = 4;
const LIGATURE = ACCENT + 8;
const VARIANT = 1;
const UPPER = 2;

const slot = (code: number): number => {
  const beyond = code < 0x100 ? -1 : BEYOND.indexOf(String.fromCharCode(code));
  return code < 0x100 ? code : beyond < 0 ? -1 : 0x100 + beyond;
};
/** Per slot: 1 + the number of collation elements (0: no key), then up to three (primary, secondary, tertiary). */
const STRIDE = 10;
const table = new Uint16Array((0x100 + BEYOND.length) * STRIDE);
const define = (c: string, ...elements: number[]) => {
  const at = slot(c.charCodeAt(0)) * STRIDE;
  table[at] = 1 + elements.length / 3;
  table.set(elements, at + 1);
};
/** A defined character's elements. */
const of = (c: string): number[] => {
  const at = slot(c.charCodeAt(0)) * STRIDE;
  return Array.from(table.subarray(at + 1, at + table[at]! * 3 - 2));
};
define(' ', SPACE, 0, 0);
for (let i = 1; i < SIGNS.length; i++) define(SIGNS[i]!, SIGN + i, 0, 0);
for (let d = 0; d < 10; d++) define(String(d), DIGIT + d, 0, 0);
for (let i = 0; i < LETTERS.length; i++) {
  define(LETTERS[i]!, LETTER + i, 0, 0);
  define(LETTERS[i]!.toUpperCase(), LETTER + i, 0, UPPER);
}
for (let i = 0; i < 64; i++) if (BASES[i] !== '.') define(String.fromCharCode(0xc0 + i), ...of(BASES[i]!), 0, ACCENT + Number(MARKS[i]), 0);
// ß is ss, æ ae, each with a mark of its own; … is ... .
for (const [c, a, b] of ['ßss', 'æae', 'ÆAE']) define(c!, ...of(a!), 0, LIGATURE, 0, ...of(b!));
define('\u2026', ...[1, 2, 3].flatMap(() => [...of('.').slice(0, 2), VARIANT]));
define('\xa0', ...of(' ').slice(0, 2), VARIANT); // no-break space
define('\xad'); // soft hyphen: ignored
for (let i = 0; i < 3; i++) {
  define('\u2018\u2019\u201a'[i]!, ...of("'").slice(0, 1), VARIANT + i, 0);
  define('\u201c\u201d\u201e'[i]!, ...of('"').slice(0, 1), VARIANT + i, 0);
}

/** The characters with a key (and no others), for a quick look at a whole list. */
const chars = Array.from({ length: table.length / STRIDE }, (_, i) => (table[i * STRIDE] ? String.fromCharCode(i < 0x100 ? i : BEYOND.charCodeAt(i - 0x100)) : ''));
const KEYED = new RegExp(`^[${chars.map((c) => (c ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : '')).join('')}]*$`);
const MAX_LENGTH = 4000;
/** Whether `s` has a key: no other character, not too long, no number longer than ICU takes whole. */
const keyed = (s: string, numeric: boolean) => s.length <= MAX_LENGTH && KEYED.test(s) && !(numeric && /\d{255}/.test(s));

/** Each character's primaries as they stand in a key, for those that are not themselves. */
const primaries: Record<string, string> = {};
for (const c of chars) {
  if (c) primaries[c] = String.fromCharCode(...of(c).filter((_, i) => i % 3 === 0 && _).flatMap((w) => (w >= SIGN ? [0x21 + ((w - SIGN) >> 4), 0x30 + ((w - SIGN) & 15)] : [w])));
}
const NOT_ITSELF = /[^ a-z0-9]/g;
const NOT_ITSELF_NUMERIC = /[0-9]+|[^ a-z0-9]/g;

// A number by its value, leading zeros ignored: a digit's weight, its count of digits, the digits.
const number = (digits: string) => {
  let zeros = 0;
  while (digits.charCodeAt(zeros) === 48 && zeros < digits.length - 1) zeros++;
  return '0' + String.fromCharCode(DIGIT + digits.length - zeros) + (zeros ? digits.slice(zeros) : digits);
};

/**
 * The first level of `s`'s key: a string whose `<` order is the collator's at base sensitivity
 * (letters without accents and case). Native string functions do most of the work.
 */
function primaryKey(s: string, numeric: boolean): string {
  const lower = s.toLowerCase();
  return numeric ? lower.replace(NOT_ITSELF_NUMERIC, (m) => (m >= '0' && m < ':' ? number(m) : primaries[m]!)) : lower.replace(NOT_ITSELF, (m) => primaries[m]!);
}

// The other levels: the secondaries and the tertiaries other than the plain ones, each as
// (position counted down from the top, weight), each level ended by (the count, from the bottom).
// Comparing these pairs is comparing the whole sequences of weights: a plain weight is lower than
// any other, an end lower than both.
function otherLevels(s: string, numeric: boolean): string {
  let secondary = '';
  let tertiary = '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (numeric && code >= 48 && code <= 57) {
      while (s.charCodeAt(i + 1) >= 48 && s.charCodeAt(i + 1) <= 57) i++;
      n++;
      continue;
    }
    const at = (code < 0x100 ? code : slot(code)) * STRIDE;
    for (let j = at + 1, last = at + table[at]! * 3 - 2; j < last; j += 3, n++) {
      if (table[j + 1]) secondary += String.fromCharCode(0xffff - n, table[j + 1]!);
      if (table[j + 2]) tertiary += String.fromCharCode(0xffff - n, table[j + 2]!);
    }
  }
  const end = String.fromCharCode(1 + n);
  return secondary + end + tertiary + end;
}

/**
 * A key whose `<` order is `Intl.Collator('de', { numeric })`'s, equal keys for strings it finds
 * equal; undefined for a string with a character outside ASCII, Latin-1 (but ª º µ · ¹ ² ³ ¼ ½ ¾),
 * the typographic quotes and dashes, … and €.
 */
export function germanOrderKey(s: string, { numeric = false }: { numeric?: boolean } = {}): string | undefined {
  return keyed(s, numeric) ? `${primaryKey(s, numeric)}\0${otherLevels(s, numeric)}` : undefined;
}

const collators: Record<string, Intl.Collator> = {};
const collator = (numeric: boolean) => (collators[String(numeric)] ??= new Intl.Collator('de', { numeric }));

const allKeyed = (strings: readonly string[], numeric: boolean) => strings.every((s) => keyed(s, numeric));
const byCollator = (strings: readonly string[], numeric: boolean) => {
  const intl = collator(numeric);
  return (a: number, b: number) => intl.compare(strings[a]!, strings[b]!);
};
/** Compares by keys: the first level (from `first` or made on first use), the others only for a tie there. */
const byKeys = (strings: readonly string[], numeric: boolean, first: string[]) => {
  const rest: string[] = [];
  return (a: number, b: number) => {
    const x = (first[a] ??= primaryKey(strings[a]!, numeric));
    const y = (first[b] ??= primaryKey(strings[b]!, numeric));
    if (x !== y) return x < y ? -1 : 1;
    const u = (rest[a] ??= otherLevels(strings[a]!, numeric));
    const v = (rest[b] ??= otherLevels(strings[b]!, numeric));
    return u < v ? -1 : u > v ? 1 : 0;
  };
};

/**
 * Compares positions of `strings` in German order (0 for strings the collator finds equal): by
 * keys made on first use when every string has one, else by `Intl.Collator('de', { numeric })`,
 * created on this first need.
 */
export function germanCompare(strings: readonly string[], { numeric = false }: { numeric?: boolean } = {}): (a: number, b: number) => number {
  return allKeyed(strings, numeric) ? byKeys(strings, numeric, []) : byCollator(strings, numeric);
}

/** The positions of `strings` in German order (as `germanCompare`), equal strings by position. */
export function germanOrder(strings: readonly string[], { numeric = false }: { numeric?: boolean } = {}): Uint32Array {
  const compare = allKeyed(strings, numeric) ? byKeys(strings, numeric, strings.map((s) => primaryKey(s, numeric))) : byCollator(strings, numeric);
  return Uint32Array.from(strings, (_, i) => i).sort((a, b) => compare(a, b) || a - b);
}
