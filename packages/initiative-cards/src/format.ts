import { dateFormat, germanLongDate, type Lang } from '@sozial-innovativ/core';

/**
 * `2025-06-10` → "10. Juni 2025" in the interface language. A calendar date has no time zone:
 * formatting its UTC midnight in UTC shows the same day everywhere (and needs no zone maths).
 * German without `Intl` (core's `germanLongDate`): a page's first date format costs ~10 ms cold,
 * and every card shows a date.
 */
export const formatDay = (lang: Lang, day: string): string => {
  const t = Date.parse(day);
  return (lang === 'de' && germanLongDate(t)) || dateFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(t);
};
