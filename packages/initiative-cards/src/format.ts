import { createTranslator, dateFormat, toEpoch, type Lang } from '@sozial-innovativ/core';
import { messages } from './messages.js';

export const translator = (lang: Lang) => createTranslator(messages, lang);

/** `2025-06-10` → "10. Juni 2025" in the interface language. */
export const formatDay = (lang: Lang, day: string): string =>
  dateFormat(lang, { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(toEpoch(day));
