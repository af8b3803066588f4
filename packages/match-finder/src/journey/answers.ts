/**
 * Answers in and out of the journey, without the DOM: one step's form fields into a typed answer
 * (or the error to show), and answers into a shared link's fragment and back.
 */
import type { Question, Questionnaire } from '@sozial-innovativ/core';
import { isAnswered, resolveLocation } from '../engine/answer.js';
import { decodeAnswers, encodeAnswers } from '../engine/share.js';
import type { Answer, AnswerValue, Answers, RangeAnswer } from '../engine/types.js';
import type { MatchMessages } from '../messages.js';

/** What one step's form holds, by control name. A `FormData` is one. */
export interface StepFields {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

/** An error in a step: the control the error summary links to and the message (its key). */
export interface FieldError {
  field: string;
  message: keyof MatchMessages & `error${string}`;
}

/** One step read: its answer (none when skipped) or the error that keeps the person on it. */
export type StepReading = { answer?: Answer; error?: undefined } | { answer?: undefined; error: FieldError };

/** Whether a question offers "important to me": where it changes the score, unless it says. */
export function allowsImportance(q: Question): boolean {
  return q.importance ?? (q.kind === 'location' || (!!q.attribute && !q.hard));
}

/**
 * Reads and checks one step's fields: `answer` (undefined when skipped), or the one error for a
 * required question left unanswered or a value that cannot be one (a word for a number, a range
 * the wrong way round, a postcode outside Saxony). In numbers, spaces and `€` are ignored and a
 * decimal comma counts as a point (`650 €`, `7,5`).
 */
export function readStep(question: Question, fields: StepFields): StepReading {
  const kind = question.kind;
  const fail = (field: string, message: FieldError['message']): StepReading => ({ error: { field, message } });
  const text = (name: string) => String(fields.get(name) ?? '').trim();
  const answer = text('answer');
  let value: AnswerValue | undefined;
  if (kind === 'single') value = answer || undefined;
  else if (kind === 'multiple') value = fields.getAll('answer').map(String);
  else if (kind === 'boolean') value = answer === 'yes' ? true : answer === 'no' ? false : undefined;
  else if (kind === 'scale') value = answer === '' ? undefined : Number(answer);
  else if (kind === 'range') {
    const range: RangeAnswer = {};
    for (const name of ['min', 'max'] as const) {
      const raw = text(name).replace(/\s|€/g, '').replace(',', '.');
      if (!raw) continue;
      const n = Number(raw);
      if (!Number.isFinite(n)) return fail(name, 'errorNumber');
      range[name] = n;
    }
    if (range.min! > range.max!) return fail('min', 'errorOrder');
    value = range.min === undefined && range.max === undefined ? undefined : range;
  } else {
    const postcode = text('postcode');
    const place = text('place');
    const radius = Number(text('radius')) || undefined;
    if (postcode && !resolveLocation({ postcode })) return fail('postcode', 'errorPostcode');
    value = postcode ? { postcode, radius } : place ? { place, radius } : undefined;
  }
  if (value !== undefined && isAnswered(question, value)) {
    return { answer: allowsImportance(question) && fields.get('important') ? { value, important: true } : { value } };
  }
  if (!question.required) return {};
  return kind === 'location'
    ? fail('place', 'errorPlace')
    : kind === 'range'
      ? fail('min', 'errorRange')
      : fail('answer-0', kind === 'multiple' ? 'errorChooseSome' : 'errorChoose');
}

/** The key of the answers in a page's fragment: `#si-match=…`, beside anchors and other widgets' keys. */
export const SHARE_KEY = 'si-match=';
/** The key of the shortlist ("merken") in a shared link: `&si-keep=id,id`. */
export const KEEP_KEY = 'si-keep=';

/**
 * `href` with the answers (and the shortlist, when it has offers) in its fragment; any fragment it
 * had is replaced. Only text to copy: the fragment never reaches a server.
 */
export function linkWithAnswers(href: string, answers: Answers, shortlist: readonly string[] = []): string {
  const keep = shortlist.length ? `&${KEEP_KEY}${shortlist.map(encodeURIComponent).join(',')}` : '';
  return `${href.replace(/#.*$/s, '')}#${SHARE_KEY}${encodeAnswers(answers)}${keep}`;
}

/** The fragment's value of `key`, up to the next `&`; undefined when it has none. */
function fragmentPart(hash: string, key: string): string | undefined {
  const part = hash.replace(/^#/, '').split('&').find((p) => p.startsWith(key));
  return part?.slice(key.length);
}

/**
 * The answers a page's fragment (`location.hash`) carries, up to the next `&`; empty when it
 * carries none. Only what fits the questionnaire is kept (see `decodeAnswers`).
 */
export function answersFromFragment(questionnaire: Questionnaire, hash: string): Record<string, Answer> {
  const at = hash.indexOf(SHARE_KEY);
  if (at < 0) return {};
  return decodeAnswers(questionnaire, hash.slice(at + SHARE_KEY.length).split('&')[0]!);
}

/**
 * The shortlist a shared link carries: hostile text, so only ids of offers that exist, each once,
 * in the link's order.
 */
export function shortlistFromFragment(hash: string, offerIds: readonly string[]): string[] {
  const raw = fragmentPart(hash, KEEP_KEY);
  if (!raw) return [];
  const known = new Set(offerIds);
  const ids: string[] = [];
  for (const part of raw.slice(0, 8_000).split(',')) {
    let id: string;
    try {
      id = decodeURIComponent(part);
    } catch {
      continue;
    }
    if (known.has(id) && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The fragment without the answers and the shortlist (no `#`): anchors and other widgets' keys stay. */
export function fragmentWithoutAnswers(hash: string): string {
  return hash.replace(/^#/, '').split('&').filter((part) => part && !part.startsWith(SHARE_KEY) && !part.startsWith(KEEP_KEY)).join('&');
}
