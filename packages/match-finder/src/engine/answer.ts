/**
 * One answer against its question, without the offers: whether it counts, where a location answer
 * points, its radius. The journey's steps and check page need only this; the ranking in `engine.ts`
 * builds on it.
 */
import { findPlace, placeForPostcode, type GeoPoint, type Question } from '@sozial-innovativ/core';
import type { AnswerValue, LocationAnswer, RangeAnswer } from './types.js';

export const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Where a location answer points, if it can be resolved without a request. */
export function resolveLocation(answer: LocationAnswer): { geo: GeoPoint; name: string } | undefined {
  const place = (answer.postcode && placeForPostcode(answer.postcode)) || (answer.place && findPlace(answer.place)) || undefined;
  return place ? { geo: place.geo, name: place.name } : undefined;
}

/** The radius (km) used for a location answer: the chosen one or the question's middle radius. */
export function radiusFor(question: Question, answer: LocationAnswer): number {
  if (isNum(answer.radius) && answer.radius > 0) return answer.radius;
  const radii = question.radii.filter((r) => r > 0);
  return radii[Math.floor((radii.length - 1) / 2)] ?? 25;
}

/** True when `value` is a usable answer to `question` (anything else counts as skipped). */
export function isAnswered(question: Question, value: AnswerValue | undefined): boolean {
  switch (question.kind) {
    case 'single':
      return typeof value === 'string' && value !== '';
    case 'multiple':
      return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string');
    case 'scale':
      return isNum(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'range': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
      const { min, max } = value as RangeAnswer;
      return (isNum(min) || isNum(max)) && !(isNum(min) && isNum(max) && min > max);
    }
    case 'location':
      return !!value && typeof value === 'object' && !Array.isArray(value) && !!resolveLocation(value as LocationAnswer);
  }
}
