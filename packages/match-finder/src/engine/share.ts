import type { Questionnaire } from '@sozial-innovativ/core';
import { isAnswered } from './answer.js';
import type { Answer, AnswerValue, Answers } from './types.js';

/**
 * Answers to and from the URL fragment, for the explicit "share my answers" choice only. The
 * fragment never reaches a server. Decoding treats the text as hostile: only known question ids,
 * only values that fit the question's kind, copied into fresh objects.
 */
export function encodeAnswers(answers: Answers): string {
  const compact: Record<string, [AnswerValue, 1?]> = {};
  for (const [id, answer] of Object.entries(answers)) {
    if (answer) compact[id] = answer.important ? [answer.value, 1] : [answer.value];
  }
  return encodeURIComponent(JSON.stringify(compact));
}

export function decodeAnswers(questionnaire: Questionnaire, text: string): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  let raw: unknown;
  try {
    raw = JSON.parse(decodeURIComponent(text.slice(0, 8_000)));
  } catch {
    return answers;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return answers;
  for (const question of questionnaire.questions) {
    if (!Object.hasOwn(raw, question.id)) continue;
    const entry = (raw as Record<string, unknown>)[question.id];
    if (!Array.isArray(entry)) continue;
    const value = copy(entry[0]);
    if (value === undefined || !isAnswered(question, value)) continue;
    if (question.kind === 'single' && !question.options.some((o) => o.value === value)) continue;
    // A scale point the step does not offer (`community: 99` on 1…5) is no answer a person gave.
    if (question.kind === 'scale' && ((value as number) < (question.min ?? 1) || (value as number) > (question.max ?? 5))) continue;
    if (question.kind === 'multiple' && !(value as string[]).every((v) => question.options.some((o) => o.value === v))) continue;
    answers[question.id] = entry[1] === 1 ? { value, important: true } : { value };
  }
  return answers;
}

/** A fresh copy holding only the shapes an answer can have. */
function copy(x: unknown): AnswerValue | undefined {
  if (typeof x === 'string') return x.slice(0, 200);
  if (typeof x === 'number' || typeof x === 'boolean') return x;
  if (Array.isArray(x)) return x.filter((s): s is string => typeof s === 'string').slice(0, 50).map((s) => s.slice(0, 200));
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    const out: Record<string, string | number> = {};
    for (const key of ['min', 'max', 'radius'] as const) if (typeof o[key] === 'number') out[key] = o[key];
    for (const key of ['place', 'postcode'] as const) if (typeof o[key] === 'string') out[key] = o[key].slice(0, 100);
    return out;
  }
  return undefined;
}
