import type { MatchOffer } from '@sozial-innovativ/core';

/** A place and radius: a Saxon town or district name (core `findPlace`) or a postcode (`placeForPostcode`). */
export interface LocationAnswer {
  place?: string;
  postcode?: string;
  /** Kilometres; defaults to the question's middle radius. */
  radius?: number;
}

/** A number range; either end may be open. A single number is `{ min: n, max: n }`. */
export interface RangeAnswer {
  min?: number;
  max?: number;
}

/**
 * One answer, by question kind: `single` → string, `multiple` → string[], `scale` → number,
 * `boolean` → boolean, `location` → {@link LocationAnswer}, `range` → {@link RangeAnswer}.
 */
export type AnswerValue = string | string[] | number | boolean | LocationAnswer | RangeAnswer;

export interface Answer {
  value: AnswerValue;
  /** "Important to me": doubles the question's weight. */
  important?: boolean;
}

/** Answers by question id; a missing (or unusable) answer is a skipped question. */
export type Answers = Readonly<Record<string, Answer | undefined>>;

export type Outcome = 'agree' | 'near' | 'disagree' | 'unknown';

/** How one question compared for one offer. */
export interface CriterionResult {
  questionId: string;
  /** `me`: the offer fits the person (`question.attribute`, location); `them`: the person fits what the offer seeks. */
  side: 'me' | 'them';
  outcome: Outcome;
  /** 1 agree, 0.5 near, 0 disagree; for distance `1 − d / (2 r)` clamped to 0…1. NaN when unknown. */
  score: number;
  /** The weight it counted with (0 when unknown). */
  weight: number;
  hard: boolean;
  /** Location criteria: the distance in km. */
  distanceKm?: number;
}

export interface RankedMatch {
  offer: MatchOffer;
  /** Index into the prepared offers (for {@link explainMatch}). */
  index: number;
  /** 0…1: the harmonic mean of `fitMe` and `fitThem` when both are known, else the known one, else 0. */
  score: number;
  /** How well the offer fits the person (Σ w·s / Σ w over the answered `me` criteria). */
  fitMe?: number;
  /** How well the person fits what the offer seeks. */
  fitThem?: number;
  /** Number of criteria that could be compared (answered, and the offer states a value). */
  compared: number;
  distanceKm?: number;
}

/** Offers just outside a location constraint: `count` more within `radius` km. */
export interface NearMiss {
  questionId: string;
  kind: 'radius';
  radius: number;
  count: number;
}

/** What would change with a looser hard constraint. */
export type WhatIf =
  | { questionId: string; kind: 'range'; bound: 'min' | 'max'; /** Signed change of the bound (`+50`: 50 more). */ delta: number; count: number }
  | { questionId: string; kind: 'drop'; count: number };

export interface RankResult {
  matches: RankedMatch[];
  /** Offers excluded by a hard constraint. */
  excluded: number;
  nearMisses: NearMiss[];
  whatIf: WhatIf[];
}
