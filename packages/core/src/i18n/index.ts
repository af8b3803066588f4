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
 * A typed message lookup. German is the full catalog; English (complete where it is written:
 * typed as the German catalog) and Upper Sorbian (partial) fall back to German, also while they
 * are not loaded.
 */
export function createTranslator<C extends Catalog>(catalogs: { de: C; en?: C; hsb?: Partial<C> }, lang: Lang) {
  return <K extends keyof C & string>(key: K, ...args: Args<C[K]>): string => {
    const msg = ((catalogs[lang] as Partial<C> | undefined)?.[key] ?? catalogs.de[key]) as Message;
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
export type CommonMessages = Common;
/**
 * The messages every widget shares: German bundled; English and Upper Sorbian are loaded with a
 * widget's own catalog (`LocaleController`, {@link loadCommonMessages}), so a German page never
 * downloads them.
 */
export const commonMessages: { de: Common; en?: Common; hsb?: Partial<Common> } = { de };

const commonLoading: Partial<Record<Lang, Promise<void>>> = {};
/** Loads and registers the shared messages of `lang` once (German is always there). */
export function loadCommonMessages(lang: Lang): Promise<void> {
  if (lang === 'de' || commonMessages[lang]) return Promise.resolve();
  return (commonLoading[lang] ??= (lang === 'en'
    ? import('./common.en.js').then((m) => void (commonMessages.en = m.default))
    : import('./common.hsb.js').then((m) => void (commonMessages.hsb = m.default))
  ).catch((e: unknown) => {
    // Offline: German stays, the next update tries again.
    delete commonLoading[lang];
    throw e;
  }));
}
