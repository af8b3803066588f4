/**
 * The machine-checkable part of the Netzwerk Leichte Sprache rules, for the widgets' own
 * interface texts (`messages.ls.ts`). A human review is still needed for common words, active
 * voice and one statement per sentence; this catches what a rule can: long sentences,
 * abbreviations, numbers written as words, semicolons and nested clauses.
 */

/** At most this many words in one sentence. */
export const MAX_WORDS = 15;

/** Abbreviations that Leichte Sprache writes out ("zum Beispiel", "Kilometer", "Prozent"). */
export const ABBREVIATIONS = ['z. B.', 'z.B.', 'bzw.', 'ca.', 'usw.', 'etc.', 'inkl.', 'ggf.', 'evtl.', 'u. a.', 'd. h.', 'bzgl.', 'Nr.', 'Tel.', 'km', '%'];

/** Numbers as words; Leichte Sprache writes digits. */
export const NUMBER_WORDS = ['eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'zwanzig', 'dreißig', 'hundert', 'tausend', 'million'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole word (or abbreviation) of `list`, not part of a longer word: `acht` but not `Achtung`. */
const wordsOf = (list: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map(escape).join('|')})(?![\\p{L}])`, 'iu');
const ABBREVIATION = wordsOf(ABBREVIATIONS);
/** Number words, also at the start or end of a compound (`zweimal`, `dreißig`), not inside one. */
const NUMBER_WORD = new RegExp(`(?<![\\p{L}])(?:${NUMBER_WORDS.join('|')})(?:mal|te|ten|ter)?(?![\\p{L}])`, 'iu');

/** Splits a text into sentences at `.`, `!`, `?` or `:` followed by a space or the end. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?:])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What in `text` breaks the rules, one line each; empty when the text passes. */
export function leichteSpracheProblems(text: string): string[] {
  const problems: string[] = [];
  for (const sentence of sentences(text)) {
    const words = sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (words.length > MAX_WORDS) problems.push(`${words.length} words (at most ${MAX_WORDS}): "${sentence}"`);
    if ((sentence.match(/,/g) ?? []).length > 1) problems.push(`more than one comma: "${sentence}"`);
  }
  if (text.includes(';')) problems.push(`semicolon: "${text}"`);
  const abbreviation = ABBREVIATION.exec(text);
  if (abbreviation) problems.push(`abbreviation "${abbreviation[0]}": "${text}"`);
  const number = NUMBER_WORD.exec(text);
  if (number) problems.push(`number as a word "${number[0]}": "${text}"`);
  return problems;
}

/** Sample arguments for a message function: numbers 1, 2 and 1234, and short names for strings. */
const SAMPLES: unknown[][] = [
  [1, 2, 'Dresden', '25'],
  [2, 12, 'Bautzen', '5'],
  [1234, 1234, 'Görlitz', '100'],
];

/**
 * Every text of a Leichte Sprache catalog, with message functions called with sample arguments
 * (numbers where the German catalog's function takes numbers, else place names or digits).
 */
export function catalogTexts(catalog: Record<string, unknown>): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const [key, msg] of Object.entries(catalog)) {
    if (typeof msg === 'string') out.push({ key, text: msg });
    else if (typeof msg === 'function') {
      for (const sample of SAMPLES) {
        const args = sample.slice(0, msg.length);
        out.push({ key, text: String((msg as (...a: unknown[]) => string)(...args)) });
      }
    }
  }
  return out;
}

/**
 * What is wrong with a widget's Leichte Sprache catalog `ls`, measured against its standard German
 * texts `german`: keys German does not have, values of another kind, and every rule a text breaks.
 * Empty when the catalog is fine.
 */
export function catalogProblems(ls: Record<string, unknown>, german: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(ls)) {
    if (!(key in german)) problems.push(`${key}: not a German key`);
    else if (typeof value !== typeof german[key]) problems.push(`${key}: a ${typeof value}, in German a ${typeof german[key]}`);
  }
  for (const { key, text } of catalogTexts(ls)) problems.push(...leichteSpracheProblems(text).map((p) => `${key}: ${p}`));
  return problems;
}
