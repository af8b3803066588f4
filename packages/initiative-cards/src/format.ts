import { dateFormat, type Lang } from '@sozial-innovativ/core';

const MONTHS_DE = 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' ');

/**
 * `2025-06-10` → "10. Juni 2025" in the interface language. A calendar date has no time zone:
 * formatting its UTC midnight in UTC shows the same day everywhere (and needs no zone maths).
 * German is written as `Intl` writes it, without it: a page's first date format costs ~10 ms
 * cold, and every card shows a date.
 */
export const formatDay = (lang: Lang, day: string): string => {
  const at = new Date(Date.parse(day));
  const year = at.getUTCFullYear();
  return lang === 'de' && year > 0
    ? `${at.getUTCDate()}. ${MONTHS_DE[at.getUTCMonth()]} ${year}`
    : dateFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
};
