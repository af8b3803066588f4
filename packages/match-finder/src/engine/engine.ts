/**
 * The matching engine: plain TypeScript, no DOM, deterministic. See the package README for the
 * scoring formula with a worked example.
 *
 * Offers are prepared once per questionnaire (`prepareOffers`, or `preparingOffers` in steps for
 * idle time): the compared values are pulled into flat per-question columns and coordinates into
 * typed arrays, so ranking is a tight loop over numbers and small arrays with no allocation per
 * criterion.
 */
import {
  findPlace, placeForPostcode, type AttributeValue, type GeoPoint, type MatchOffer, type Question, type Questionnaire,
} from '@sozial-innovativ/core';
import { isAnswered, isNum, radiusFor, resolveLocation } from './answer.js';
import type {
  Answer, Answers, CriterionResult, LocationAnswer, NearMiss, Outcome, RangeAnswer, RankResult, RankedMatch, WhatIf,
} from './types.js';

const EARTH_KM = 6371;
const RAD = Math.PI / 180;

export interface PreparedOffers {
  readonly questionnaire: Questionnaire;
  readonly offers: readonly MatchOffer[];
  /** Per question: the offer's attribute value (`me` side) and seeks value (`them` side). */
  readonly mine: readonly (readonly (AttributeValue | undefined)[] | undefined)[];
  readonly theirs: readonly (readonly (AttributeValue | undefined)[] | undefined)[];
  /** The same columns as numbers, for scale/range and yes/no questions (see {@link NumberColumn}). */
  readonly mineNum: readonly (NumberColumn | undefined)[];
  readonly theirsNum: readonly (NumberColumn | undefined)[];
  /** Latitude/longitude in radians and cos(latitude); NaN when the offer has no known place. */
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly cosLat: Float64Array;
  /** Position in the name order (German collation, then id): the tie-break. */
  readonly nameRank: Int32Array;
}

/**
 * A value column as typed arrays, so the ranking loop reads numbers instead of branching on the
 * shape of each value. Interval questions: the offer's `lo`…`hi` (a number is `n`…`n`, an open end
 * ±Infinity), `known` 0 where the value is missing or not comparable. Yes/no questions: `known` is
 * 1 for no, 2 for yes, 0 otherwise.
 */
export interface NumberColumn {
  readonly known: Uint8Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

function numberColumn(question: Question, values: readonly (AttributeValue | undefined)[] | undefined): NumberColumn | undefined {
  const interval = question.kind === 'scale' || question.kind === 'range';
  if (!values || (!interval && question.kind !== 'boolean')) return undefined;
  const n = values.length;
  const known = new Uint8Array(n);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!interval) {
      if (typeof v === 'boolean') known[i] = v ? 2 : 1;
    } else if (typeof v === 'number') {
      known[i] = 1;
      lo[i] = hi[i] = v;
    } else if (typeof v === 'object' && !Array.isArray(v)) {
      known[i] = 1;
      lo[i] = isNum(v.min) ? v.min : -Infinity;
      hi[i] = isNum(v.max) ? v.max : Infinity;
    }
  }
  return { known, lo, hi };
}

/** The offer's coordinates: its own, else those of its town or district. */
export function offerGeo(offer: MatchOffer): GeoPoint | undefined {
  const loc = offer.location;
  if (!loc) return undefined;
  if (loc.geo) return loc.geo;
  const place = (loc.town && findPlace(loc.town)) || (loc.district && findPlace(loc.district)) || (loc.postalCode && placeForPostcode(loc.postalCode));
  return place ? place.geo : undefined;
}

/** Pulls what the questionnaire compares out of every offer, once. */
export function prepareOffers(questionnaire: Questionnaire, offers: readonly MatchOffer[]): PreparedOffers {
  const steps = preparingOffers(questionnaire, offers);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many offers one step of {@link preparingOffers} looks up places for. */
const GEO_STEP = 2000;

/**
 * {@link prepareOffers} in steps of a few milliseconds each (places, the name order, each
 * question's columns), so a page can spread the work over idle time; it returns the same result.
 */
export function* preparingOffers(questionnaire: Questionnaire, offers: readonly MatchOffer[]): Generator<void, PreparedOffers, void> {
  const n = offers.length;
  const column = (key: string | undefined, side: 'attributes' | 'seeks') =>
    key === undefined ? undefined : offers.map((o) => (Object.hasOwn(o[side], key) ? o[side][key] : undefined));
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const cosLat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i && i % GEO_STEP === 0) yield;
    const geo = offerGeo(offers[i]!);
    lat[i] = geo ? geo.lat * RAD : NaN;
    lon[i] = geo ? geo.lon * RAD : NaN;
    cosLat[i] = Math.cos(lat[i]!);
  }
  yield;
  // The collator is slow per comparison and large data sets repeat names: each distinct name is
  // sorted once, then the offers by its position and id, as numbers and plain text.
  const { compare } = new Intl.Collator('de');
  const names = [...new Set(offers.map((o) => o.name))].sort(compare);
  // Names the collator holds equal (say, composed and decomposed umlauts) share a position.
  const nameAt = new Map<string, number>();
  names.forEach((name, i) => nameAt.set(name, i && !compare(names[i - 1]!, name) ? nameAt.get(names[i - 1]!)! : i));
  const byName = offers.map((o) => nameAt.get(o.name)!);
  yield;
  const order = offers.map((_, i) => i).sort((a, b) => byName[a]! - byName[b]! || (offers[a]!.id < offers[b]!.id ? -1 : offers[a]!.id > offers[b]!.id ? 1 : 0));
  const nameRank = new Int32Array(n);
  order.forEach((offerIndex, rank) => (nameRank[offerIndex] = rank));
  const mine: (readonly (AttributeValue | undefined)[] | undefined)[] = [];
  const theirs: typeof mine = [];
  const mineNum: (NumberColumn | undefined)[] = [];
  const theirsNum: typeof mineNum = [];
  for (const q of questionnaire.questions) {
    yield;
    const me = q.kind === 'location' ? undefined : column(q.attribute, 'attributes');
    const them = column(q.seeks, 'seeks');
    mine.push(me);
    theirs.push(them);
    mineNum.push(numberColumn(q, me));
    theirsNum.push(numberColumn(q, them));
  }
  return { questionnaire, offers, mine, theirs, mineNum, theirsNum, lat, lon, cosLat, nameRank };
}

// --- Criteria ------------------------------------------------------------------------------

const Mode = { Equal: 0, AnyOf: 1, Bool: 2, Interval: 3, Location: 4 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

/** One answered question on one side, compiled for the loop. */
interface Criterion {
  question: Question;
  side: 'me' | 'them';
  mode: Mode;
  weight: number;
  /** Hard constraints only filter on the `me` side, and a boolean only when the answer is yes. */
  hard: boolean;
  values: readonly (AttributeValue | undefined)[];
  /** Interval and yes/no criteria: the offer values as numbers. */
  num: NumberColumn | undefined;
  text: string;
  texts: readonly string[];
  bool: boolean;
  lo: number;
  hi: number;
  /** Interval gap counted as "near" (0: none). */
  near: number;
  lat: number;
  lon: number;
  cosLat: number;
  radius: number;
}

function compile(prepared: PreparedOffers, answers: Answers): Criterion[] {
  const criteria: Criterion[] = [];
  prepared.questionnaire.questions.forEach((question, qi) => {
    const answer: Answer | undefined = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (!answer || !isAnswered(question, answer.value)) return;
    const weight = question.weight * (answer.important ? 2 : 1);
    if (weight <= 0) return;
    const base: Criterion = {
      question, side: 'me', mode: Mode.Equal, weight, hard: question.hard, values: [], num: undefined,
      text: '', texts: [], bool: false, lo: -Infinity, hi: Infinity, near: 0, lat: NaN, lon: NaN, cosLat: NaN, radius: 0,
    };
    const value = answer.value;
    switch (question.kind) {
      case 'single':
        base.text = value as string;
        break;
      case 'multiple':
        base.mode = Mode.AnyOf;
        base.texts = value as string[];
        break;
      case 'boolean':
        // A hard yes/no is a requirement: "no, I don't need step-free access" neither excludes
        // nor ranks down the step-free offers, so it is no criterion at all.
        if (question.hard && value === false) return;
        base.mode = Mode.Bool;
        base.bool = value as boolean;
        break;
      case 'scale':
        base.mode = Mode.Interval;
        base.lo = base.hi = value as number;
        base.near = question.step ?? 1;
        break;
      case 'range': {
        const { min, max } = value as RangeAnswer;
        base.mode = Mode.Interval;
        base.lo = isNum(min) ? min : -Infinity;
        base.hi = isNum(max) ? max : Infinity;
        base.near = question.step ?? 0;
        break;
      }
      case 'location': {
        const geo = resolveLocation(value as LocationAnswer)!.geo;
        base.mode = Mode.Location;
        base.lat = geo.lat * RAD;
        base.lon = geo.lon * RAD;
        base.cosLat = Math.cos(base.lat);
        base.radius = radiusFor(question, value as LocationAnswer);
        break;
      }
    }
    if (question.kind === 'location') {
      criteria.push(base);
      return;
    }
    const mine = prepared.mine[qi];
    const theirs = prepared.theirs[qi];
    if (mine) criteria.push({ ...base, values: mine, num: prepared.mineNum[qi] });
    // The offer's wishes about the person never exclude: they lower "I fit the offer".
    if (theirs) criteria.push({ ...base, side: 'them', hard: false, values: theirs, num: prepared.theirsNum[qi] });
  });
  return criteria;
}

/** Set by {@link evaluate}: the distance (km) or interval gap of the last comparison. */
let lastGap = 0;
/** Set by {@link evaluate}: which end of the answer range the offer lies beyond. */
let lastAbove = false;

/** Distance (km) from the answered place to offer `i`; NaN when the offer has no known place. */
function distanceTo(c: Criterion, prepared: PreparedOffers, i: number): number {
  // Haversine with the cosines precomputed (NaN coordinates give NaN).
  const sLat = Math.sin((prepared.lat[i]! - c.lat) / 2);
  const sLon = Math.sin((prepared.lon[i]! - c.lon) / 2);
  const h = sLat * sLat + c.cosLat * prepared.cosLat[i]! * sLon * sLon;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The location score for a distance: 1 at the place, 0.5 at the radius, 0 from twice the radius. */
function closeness(c: Criterion, d: number): number {
  const s = 1 - d / (2 * c.radius);
  return s > 0 ? s : 0;
}

/** The score 0…1 of one criterion for one offer; NaN when the offer states nothing comparable. */
function evaluate(c: Criterion, prepared: PreparedOffers, i: number): number {
  lastGap = 0;
  if (c.mode === Mode.Location) {
    const d = distanceTo(c, prepared, i);
    if (d !== d) return NaN;
    lastGap = d;
    return closeness(c, d);
  }
  // Interval and yes/no criteria always have their number column (see prepareOffers).
  const num = c.num!;
  if (c.mode === Mode.Interval) {
    if (num.known[i] === 0) return NaN;
    const lo = num.lo[i]!;
    const hi = num.hi[i]!;
    lastAbove = lo > c.hi;
    const gap = lastAbove ? lo - c.hi : c.lo > hi ? c.lo - hi : 0;
    lastGap = gap;
    return gap === 0 ? 1 : gap <= c.near ? 0.5 : 0;
  }
  if (c.mode === Mode.Bool) {
    const b = num.known[i]!;
    return b === 0 ? NaN : (b === 2) === c.bool ? 1 : 0;
  }
  const v = c.values[i];
  if (v === undefined) return NaN;
  switch (c.mode) {
    case Mode.Equal:
      if (typeof v === 'string') return v === c.text ? 1 : 0;
      if (Array.isArray(v)) return v.includes(c.text) ? 1 : 0;
      if (typeof v === 'number') return String(v) === c.text ? 1 : 0;
      return NaN;
    case Mode.AnyOf:
      if (typeof v === 'string') return c.texts.includes(v) ? 1 : 0;
      if (Array.isArray(v)) {
        for (let k = 0; k < v.length; k++) if (c.texts.includes(v[k]!)) return 1;
        return 0;
      }
      return NaN;
  }
  return NaN;
}

const outcomeOf = (c: Criterion, s: number): Outcome => {
  if (s !== s) return 'unknown';
  if (c.mode === Mode.Location) return lastGap <= c.radius ? 'agree' : lastGap <= 2 * c.radius ? 'near' : 'disagree';
  return s === 1 ? 'agree' : s > 0 ? 'near' : 'disagree';
};

/** Two-sided score: the harmonic mean punishes a one-sided fit (1 and 0 give 0, not 0.5). */
export function combine(fitMe: number | undefined, fitThem: number | undefined): number {
  if (fitMe === undefined) return fitThem ?? 0;
  if (fitThem === undefined) return fitMe;
  return fitMe + fitThem === 0 ? 0 : (2 * fitMe * fitThem) / (fitMe + fitThem);
}

/** Per offer: how many hard constraints it fails (counted up to 2), and the first one it fails. */
interface Failures {
  count: Uint8Array;
  by: Int32Array;
  /** The gap (distance, interval gap; NaN when the offer states nothing) of that failure. */
  gap: Float64Array;
  above: Uint8Array;
}

/** Counts the failures of hard criterion `k` (up to 2 per offer); keeps the distances or gaps. */
function filter(f: Failures, k: number, c: Criterion, prepared: PreparedOffers, gaps: Float64Array): void {
  const { count, by, gap, above } = f;
  const location = c.mode === Mode.Location;
  for (let i = 0; i < count.length; i++) {
    if (count[i]! > 1) continue;
    const s = evaluate(c, prepared, i);
    gaps[i] = lastGap;
    // Passed: within the radius, otherwise a full agreement.
    if (s === s && (location ? lastGap <= c.radius : s === 1)) continue;
    if (count[i]!++ === 0) {
      by[i] = k;
      gap[i] = s === s ? lastGap : NaN;
      above[i] = lastAbove ? 1 : 0;
    }
  }
}

/** The match for an offer that passed every hard constraint. */
function scoreOffer(criteria: readonly Criterion[], prepared: PreparedOffers, hardDistance: readonly Float64Array[], i: number): RankedMatch {
  let sumMe = 0, weightMe = 0, sumThem = 0, weightThem = 0, compared = 0, distance = NaN;
  for (let k = 0; k < criteria.length; k++) {
    const c = criteria[k]!;
    let s: number;
    if (c.hard && c.mode === Mode.Location) {
      // Passed, so the distance is known (and at most the radius).
      distance = hardDistance[k]![i]!;
      s = closeness(c, distance);
    } else if (c.hard) {
      s = 1;
    } else {
      s = evaluate(c, prepared, i);
      if (s !== s) continue;
      if (c.mode === Mode.Location) distance = lastGap;
    }
    compared++;
    if (c.side === 'me') {
      sumMe += c.weight * s;
      weightMe += c.weight;
    } else {
      sumThem += c.weight * s;
      weightThem += c.weight;
    }
  }
  const fitMe = weightMe > 0 ? sumMe / weightMe : undefined;
  const fitThem = weightThem > 0 ? sumThem / weightThem : undefined;
  const offer = prepared.offers[i]!;
  const score = combine(fitMe, fitThem);
  // Two literals, not a spread: a spread is slow before the function is optimized.
  return distance === distance
    ? { offer, index: i, score, fitMe, fitThem, compared, distanceKm: distance }
    : { offer, index: i, score, fitMe, fitThem, compared };
}

export interface RankOptions {
  /** Also explain every match (allocates; the widget explains only what it shows). */
  explain?: boolean;
}

/**
 * Ranks `offers` for `answers`: hard constraints exclude, soft criteria score, ties break by
 * name (German collation) then id. Accepts raw offers or the result of {@link prepareOffers}
 * (reuse it when ranking the same offers again).
 */
export function rankOffers(
  questionnaire: Questionnaire,
  offers: readonly MatchOffer[] | PreparedOffers,
  answers: Answers,
  _options: RankOptions = {},
): RankResult {
  const prepared = 'nameRank' in offers && (offers as PreparedOffers).questionnaire === questionnaire
    ? (offers as PreparedOffers)
    : prepareOffers(questionnaire, 'nameRank' in offers ? (offers as PreparedOffers).offers : (offers as readonly MatchOffer[]));
  const criteria = compile(prepared, answers);
  const n = prepared.offers.length;
  const m = criteria.length;
  const matches: RankedMatch[] = [];
  let excluded = 0;
  // Near misses: per hard criterion, the gaps of offers that fail that constraint alone.
  const misses: number[][] = criteria.map(() => []);
  const missesAbove: boolean[][] = criteria.map(() => []);
  // Hard constraints first, one tight loop per criterion over all offers (the distance last, it
  // costs most), skipping offers that already failed twice: most offers are excluded after one or
  // two comparisons, and only the rest are scored (in criterion order, so the sums are unchanged).
  const f: Failures = { count: new Uint8Array(n), by: new Int32Array(n), gap: new Float64Array(n), above: new Uint8Array(n) };
  /** Per hard criterion: the distances (or gaps) of the offers. */
  const hardDistance: Float64Array[] = [];
  for (const location of [false, true]) {
    for (let k = 0; k < m; k++) {
      const c = criteria[k]!;
      if (c.hard && (c.mode === Mode.Location) === location) filter(f, k, c, prepared, (hardDistance[k] = new Float64Array(n)));
    }
  }

  const { count, by, gap, above } = f;
  for (let i = 0; i < n; i++) {
    const fails = count[i]!;
    if (fails === 0) {
      matches.push(scoreOffer(criteria, prepared, hardDistance, i));
      continue;
    }
    excluded++;
    const g = gap[i]!;
    if (fails === 1 && g === g) {
      misses[by[i]!]!.push(g);
      missesAbove[by[i]!]!.push(above[i] === 1);
    }
  }
  const rank = prepared.nameRank;
  matches.sort((a, b) => b.score - a.score || rank[a.index]! - rank[b.index]!);

  const nearMisses: NearMiss[] = [];
  const whatIf: WhatIf[] = [];
  criteria.forEach((c, k) => {
    const gaps = misses[k]!;
    if (!c.hard || !gaps.length) return;
    const questionId = c.question.id;
    if (c.mode === Mode.Location) {
      const next = c.question.radii.filter((r) => r > c.radius).sort((a, b) => a - b)[0];
      const count = next === undefined ? 0 : gaps.filter((d) => d <= next).length;
      if (count) nearMisses.push({ questionId, kind: 'radius', radius: next!, count });
    } else if (c.mode === Mode.Interval) {
      const step = c.question.step || 0;
      if (step <= 0) return;
      for (const bound of ['max', 'min'] as const) {
        const count = gaps.filter((g, j) => g <= step && missesAbove[k]![j] === (bound === 'max')).length;
        if (count) whatIf.push({ questionId, kind: 'range', bound, delta: bound === 'max' ? step : -step, count });
      }
    } else {
      whatIf.push({ questionId, kind: 'drop', count: gaps.length });
    }
  });
  return { matches, excluded, nearMisses, whatIf };
}

/** Per criterion, what matched and what did not, for one offer (by its prepared index). */
export function explainMatch(prepared: PreparedOffers, answers: Answers, index: number): CriterionResult[] {
  return compile(prepared, answers).map((c) => {
    const score = evaluate(c, prepared, index);
    const outcome = outcomeOf(c, score);
    return {
      questionId: c.question.id, side: c.side, outcome, score, weight: score === score ? c.weight : 0, hard: c.hard,
      ...(c.mode === Mode.Location && score === score ? { distanceKm: lastGap } : {}),
    };
  });
}

/** The answers with a hint applied: a wider radius, a looser bound, a dropped requirement. */
export function applyHint(questionnaire: Questionnaire, answers: Answers, hint: NearMiss | WhatIf): Record<string, Answer | undefined> {
  const next: Record<string, Answer | undefined> = { ...answers };
  const question = questionnaire.questions.find((q) => q.id === hint.questionId);
  const current = next[hint.questionId];
  if (!question || !current) return next;
  if (hint.kind === 'radius') {
    next[hint.questionId] = { ...current, value: { ...(current.value as LocationAnswer), radius: hint.radius } };
  } else if (hint.kind === 'range') {
    const range = { ...(current.value as RangeAnswer) };
    if (hint.bound === 'max' && isNum(range.max)) range.max += hint.delta;
    if (hint.bound === 'min' && isNum(range.min)) range.min += hint.delta;
    next[hint.questionId] = { ...current, value: range };
  } else {
    delete next[hint.questionId];
  }
  return next;
}
