import { dateFormat, type Lang } from '@sozial-innovativ/core';

/**
 * `2025-06-10` → "10. Juni 2025" in the interface language. A calendar date has no time zone:
 * formatting its UTC midnight in UTC shows the same day everywhere (and needs no zone maths).
 */
export const formatDay = (lang: Lang, day: string): string =>
  dateFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(day));
