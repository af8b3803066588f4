import type { LocalizedText } from '../model/common.js';

export const LANGS = ['de', 'en', 'hsb'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * Folds text for matching and sorting the German way: lower case, `ß` → `ss`, accents and umlaut
 * dots dropped (`Weißwasser` → `weisswasser`, `Öko` → `oko`).
 */
export function foldText(s: string): string {
  // Plain ASCII (most names and search terms) has nothing to fold but case: 10,000 initiatives
  // are sorted and grouped through here on a cold page.
  return NON_ASCII.test(s) ? s.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/[\u0300-\u036f]/g, '') : s.toLowerCase();
}
const NON_ASCII = /[^\0-\x7f]/;

/** Intl locales: German and English with 24-hour clocks and Monday weeks; Upper Sorbian as is. */
export const INTL_LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB', hsb: 'hsb' };

/** `de-DE` → `de`, `en-US` → `en`, `hsb` → `hsb`, anything else → German. */
export function normalizeLang(raw: string | null | undefined): Lang {
  const base = (raw ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(base!) ? (base as Lang) : 'de';
}

/** The element's language: its own or nearest `lang`, then the document's, then German. */
export function resolveLang(el: Element): Lang {
  const holder = el.closest('[lang]');
  return normalizeLang(holder?.getAttribute('lang') ?? (typeof document !== 'undefined' ? document.documentElement.lang : ''));
}

export type Message = string | ((...args: never[]) => string);
export type Catalog = Record<string, Message>;
type Args<M> = M extends (...args: infer A) => string ? A : [];

/**
 * A typed message lookup. German is the full catalog; English must be complete (checked by the
 * type); Upper Sorbian may be partial and falls back to German.
 */
export function createTranslator<C extends Catalog>(catalogs: { de: C; en: C; hsb: Partial<C> }, lang: Lang) {
  const primary = catalogs[lang] as Partial<C>;
  return <K extends keyof C & string>(key: K, ...args: Args<C[K]>): string => {
    const msg = (primary[key] ?? catalogs.de[key]) as Message;
    return typeof msg === 'function' ? (msg as (...a: unknown[]) => string)(...args) : msg;
  };
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
/** Picks the plural form for `n`; Upper Sorbian has a dual (`two`) and `few`. */
export function plural(lang: Lang, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(INTL_LOCALE[lang])));
  const form = forms[rules.select(n)] ?? forms.other;
  return form.replace('{n}', formatCount(lang, n));
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();
/**
 * `n` in the page's language ("10.000" in German). Whole numbers below 1 000 need no separator
 * and no formatter: creating a page's first `Intl` formatter costs ~10 ms on a cold page.
 */
export function formatCount(lang: Lang, n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1000) return String(n);
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(INTL_LOCALE[lang])));
  return format.format(n);
}

/** Picks the text for `lang` (easy-to-read German when `easy` and present), falling back to German. */
export function localize(text: LocalizedText | undefined, lang: Lang, easy = false): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  if (easy && lang === 'de' && text['de-x-ls']) return text['de-x-ls'];
  return text[lang] || text.de;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
type HandFormats = (options: Intl.DateTimeFormatOptions, intl: () => Intl.DateTimeFormat) => Intl.DateTimeFormat | undefined;
let german: HandFormats | undefined;
/**
 * Lets `dateFormat` write German dates by hand where it can (`germanDateFormat`, german-dates.ts):
 * a widget whose first screen is dates (the calendar, the cards) calls it once, so its page
 * creates no `Intl` object (the first costs 11–15 ms cold); the others carry none of that code.
 */
export function useGermanDates(formats: HandFormats): void {
  german = formats;
}
/** A cached `Intl.DateTimeFormat` for the language (creating one costs far more than using it). */
export function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    let real: Intl.DateTimeFormat | undefined;
    const intl = () => (real ??= new Intl.DateTimeFormat(INTL_LOCALE[lang], lang === 'en' ? options : { hourCycle: 'h23', ...options }));
    f = (lang === 'de' && german?.(options, intl)) || intl();
    formatters.set(key, f);
  }
  return f;
}

/** Messages every widget shares: states, errors, the preview note. */
const de = {
  loading: 'Wird geladen …',
  errorTitle: 'Die Daten konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  detail: 'Technische Angabe der Quelle (englisch):',
  'error.network': 'Die Datenquelle ist nicht erreichbar.',
  'error.timeout': 'Die Datenquelle antwortet nicht.',
  'error.http': 'Die Datenquelle meldet einen Fehler.',
  'error.too-large': 'Die Datenquelle liefert mehr Daten, als hier angezeigt werden können.',
  'error.parse': 'Die Daten haben ein ungültiges Format.',
  'error.unsupported': 'Diese Datenquelle liefert keine passenden Daten.',
  'error.config': 'Die Datenquelle ist falsch eingerichtet.',
  'error.unknown': 'Ein unerwarteter Fehler ist aufgetreten.',
  dropped: (n: number) => (n === 1 ? '1 ungültiger Eintrag wurde ausgelassen.' : `${n} ungültige Einträge wurden ausgelassen.`),
  stale: (time: string) => `Die Datenquelle ist gerade nicht erreichbar. Angezeigt wird der Stand von ${time}.`,
  /** A merged calendar: `names` of the failed sources (may be empty), `time` when the rest was fetched. */
  sourcesFailed: (failed: number, total: number, names: string, time: string) =>
    `${failed} von ${total} Kalendern ${failed === 1 ? 'ist' : 'sind'} gerade nicht erreichbar${names && ` (${names})`}. Stand: ${time}.`,
  preview: 'Vorschau: Die obersorbische Übersetzung ist noch nicht vollständig geprüft.',
  close: 'Schließen',
};
type Common = typeof de;
const en: Common = {
  loading: 'Loading …',
  errorTitle: 'The data could not be loaded.',
  retry: 'Try again',
  detail: 'Technical detail from the source:',
  'error.network': 'The data source cannot be reached.',
  'error.timeout': 'The data source does not answer.',
  'error.http': 'The data source reports an error.',
  'error.too-large': 'The data source sends more data than can be shown here.',
  'error.parse': 'The data has an invalid format.',
  'error.unsupported': 'This data source does not provide matching data.',
  'error.config': 'The data source is not set up correctly.',
  'error.unknown': 'An unexpected error occurred.',
  dropped: (n: number) => (n === 1 ? '1 invalid entry was left out.' : `${n} invalid entries were left out.`),
  stale: (time: string) => `The data source cannot be reached right now. Showing the data as of ${time}.`,
  sourcesFailed: (failed: number, total: number, names: string, time: string) =>
    `${failed} of ${total} calendars ${failed === 1 ? 'is' : 'are'} unavailable right now${names && ` (${names})`}. As of ${time}.`,
  preview: 'Preview: the Upper Sorbian translation has not been fully reviewed yet.',
  close: 'Close',
};
const hsb: Partial<Common> = {
  loading: 'Začita so …',
  errorTitle: 'Daty njedachu so začitać.',
  retry: 'Hišće raz spytać',
  'error.network': 'Žórło datow njeje docpějomne.',
  'error.timeout': 'Žórło datow njewotmołwja.',
  'error.too-large': 'Žórło datow pósyła wjace datow, hač da so tu pokazać.',
  dropped: (n: number) => plural('hsb', n, { one: '{n} njepłaćiwy zapisk je so wuwostajił.', two: '{n} njepłaćiwej zapiskaj staj so wuwostajiłoj.', few: '{n} njepłaćiwe zapiski su so wuwostajili.', other: '{n} njepłaćiwych zapiskow je so wuwostajiło.' }),
  preview: 'Přehlad: Hornjoserbski přełožk hišće njeje dospołnje přepruwowany.',
  close: 'Začinić',
};
export const commonMessages = { de, en, hsb };
export type CommonMessages = Common;
