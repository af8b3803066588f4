import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distanceKm, findPlace, validateOffers, validateQuestionnaire, type MatchOffer, type Questionnaire } from '@sozial-innovativ/core';
import { applyHint, decodeAnswers, encodeAnswers, explainMatch, prepareOffers, preparingOffers, rankOffers, type Answers } from './index.js';
import { generateOffers, questionnaire as cohousingRaw } from '../../../../demo/data/generate-offers.js';

const questionnaire = (questions: unknown[]): Questionnaire => {
  const q = validateQuestionnaire({ id: 't', title: 'Test', questions });
  assert.ok(q, 'test questionnaire is valid');
  return q;
};
const offers = (list: unknown[]): MatchOffer[] => {
  const { items, dropped } = validateOffers(list);
  assert.equal(dropped, 0);
  return items;
};
const offer = (id: string, attributes: object = {}, extra: object = {}) => ({ id, name: id, attributes, ...extra });
const round = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 1e6) / 1e6);
const scores = (r: ReturnType<typeof rankOffers>) => Object.fromEntries(r.matches.map((m) => [m.offer.id, round(m.score)]));
const ids = (r: ReturnType<typeof rankOffers>) => r.matches.map((m) => m.offer.id);

const scale = { id: 'community', kind: 'scale', label: 'Gemeinschaft', attribute: 'community', min: 1, max: 5, step: 1 };
const setting = { id: 'setting', kind: 'single', label: 'Umgebung', attribute: 'setting', options: [{ value: 'city', label: 'Stadt' }, { value: 'village', label: 'Dorf' }] };

describe('soft criteria (Wahl-O-Mat style)', () => {
  it('scores a scale answer: agree 1, near (|diff| ≤ step) 0.5, disagree 0', () => {
    const q = questionnaire([scale]);
    const r = rankOffers(q, offers([offer('same', { community: 3 }), offer('one-off', { community: 4 }), offer('far', { community: 5 }), offer('below', { community: 2 })]), {
      community: { value: 3 },
    });
    assert.deepEqual(scores(r), { same: 1, below: 0.5, 'one-off': 0.5, far: 0 });
    assert.deepEqual(ids(r), ['same', 'below', 'one-off', 'far']);
    assert.equal(r.excluded, 0);
  });

  it('averages weighted criteria: fit = Σ w·s / Σ w', () => {
    const q = questionnaire([scale, { ...setting, weight: 3 }]);
    const r = rankOffers(q, offers([offer('a', { community: 4, setting: 'city' }), offer('b', { community: 3, setting: 'village' })]), {
      community: { value: 3 }, setting: { value: 'city' },
    });
    // a: (1·0.5 + 3·1) / 4 = 0.875; b: (1·1 + 3·0) / 4 = 0.25
    assert.deepEqual(scores(r), { a: 0.875, b: 0.25 });
  });

  it('doubles the weight of a question marked "important to me"', () => {
    const q = questionnaire([scale, setting]);
    const list = offers([offer('x', { community: 3, setting: 'village' })]);
    assert.equal(rankOffers(q, list, { community: { value: 3 }, setting: { value: 'city' } }).matches[0]!.score, 0.5);
    // (2·1 + 1·0) / 3
    assert.equal(round(rankOffers(q, list, { community: { value: 3, important: true }, setting: { value: 'city' } }).matches[0]!.score), round(2 / 3));
  });

  it('leaves skipped questions and values the offer does not state out of the denominator', () => {
    const q = questionnaire([scale, setting]);
    const list = offers([offer('x', { community: 3, setting: 'village' }), offer('silent', { community: 3 })]);
    assert.deepEqual(scores(rankOffers(q, list, { community: { value: 3 } })), { silent: 1, x: 1 });
    assert.deepEqual(scores(rankOffers(q, list, { community: { value: 3 }, setting: { value: 'city' } })), { silent: 1, x: 0.5 });
    // An empty multiple choice, a range without ends or an unknown place is a skipped question too.
    assert.deepEqual(scores(rankOffers(q, list, { community: { value: 3 }, setting: { value: '' } })), { silent: 1, x: 1 });
  });

  it('matches multiple choice when any chosen option fits, single choice against lists', () => {
    const q = questionnaire([{ ...setting, kind: 'multiple' }]);
    const r = rankOffers(q, offers([offer('v', { setting: 'village' }), offer('both', { setting: ['town', 'village'] }), offer('c', { setting: 'city' })]), {
      setting: { value: ['village', 'town'] },
    });
    assert.deepEqual(scores(r), { both: 1, v: 1, c: 0 });
  });

  it('scores a soft range: inside 1, within one step 0.5, further 0; offer ranges overlap', () => {
    const q = questionnaire([{ id: 'size', kind: 'range', label: 'Personen', attribute: 'size', step: 1 }]);
    const r = rankOffers(q, offers([offer('fits', { size: { min: 2, max: 4 } }), offer('near', { size: { min: 5, max: 8 } }), offer('no', { size: 8 })]), {
      size: { value: { min: 3, max: 4 } },
    });
    assert.deepEqual(scores(r), { fits: 1, near: 0.5, no: 0 });
  });

  it('scores nothing answered as 0 with nothing compared, ordered by name', () => {
    const q = questionnaire([scale]);
    const r = rankOffers(q, offers([offer('b'), offer('a')]), {});
    assert.deepEqual(r.matches.map((m) => [m.offer.id, m.score, m.compared]), [['a', 0, 0], ['b', 0, 0]]);
  });
});

describe('hard constraints', () => {
  const rent = { id: 'rent', kind: 'range', label: 'Miete', attribute: 'rent', hard: true, step: 50, unit: '€' };
  const stepFree = { id: 'stepFree', kind: 'boolean', label: 'Stufenlos?', attribute: 'stepFree', hard: true };

  it('excludes offers outside the budget instead of ranking them low, and says what 50 € more would bring', () => {
    const q = questionnaire([rent, scale]);
    const r = rankOffers(q, offers([
      offer('cheap', { rent: 500, community: 1 }), offer('edge', { rent: 600, community: 3 }), offer('near', { rent: 640, community: 3 }),
      offer('near2', { rent: 650 }), offer('far', { rent: 700 }), offer('unknown', {}),
    ]), { rent: { value: { max: 600 } }, community: { value: 3 } });
    assert.deepEqual(ids(r), ['edge', 'cheap']);
    // Passing the budget counts as agreement: edge (1 + 1)/2, cheap (1 + 0)/2.
    assert.deepEqual(scores(r), { edge: 1, cheap: 0.5 });
    assert.equal(r.excluded, 4);
    assert.deepEqual(r.whatIf, [{ questionId: 'rent', kind: 'range', bound: 'max', delta: 50, count: 2 }]);
    const wider = applyHint(q, { rent: { value: { max: 600 } } }, r.whatIf[0]!);
    assert.deepEqual(wider.rent, { value: { max: 650 } });
    assert.equal(rankOffers(q, offers([offer('near2', { rent: 650 })]), wider).matches.length, 1);
  });

  it('requires a yes of a hard yes/no question; a no is no criterion at all', () => {
    const q = questionnaire([stepFree]);
    const list = offers([offer('yes', { stepFree: true }), offer('no', { stepFree: false }), offer('unknown')]);
    const r = rankOffers(q, list, { stepFree: { value: true } });
    assert.deepEqual(scores(r), { yes: 1 });
    assert.equal(r.excluded, 2);
    assert.deepEqual(r.whatIf, [{ questionId: 'stepFree', kind: 'drop', count: 1 }]);
    const none = rankOffers(q, list, { stepFree: { value: false } });
    assert.deepEqual(none.matches.map((m) => [m.offer.id, m.compared]), [['no', 0], ['unknown', 0], ['yes', 0]]);
  });

  it('excludes offers beyond the radius and decays the score smoothly with distance: s = 1 − d / (2r)', () => {
    const q = questionnaire([{ id: 'where', kind: 'location', label: 'Wo?', hard: true, radii: [10, 25, 50] }]);
    const at = (town: string) => ({ location: { town } });
    const list = offers([
      offer('leipzig', {}, at('Leipzig')), offer('markkleeberg', {}, at('Markkleeberg')), offer('taucha', {}, at('Taucha')),
      offer('delitzsch', {}, at('Delitzsch')), offer('dresden', {}, at('Dresden')), offer('nowhere'),
    ]);
    const leipzig = findPlace('Leipzig')!.geo;
    const d = (town: string) => distanceKm(leipzig, findPlace(town)!.geo);
    const r = rankOffers(q, list, { where: { value: { place: 'Leipzig', radius: 10 } } });
    assert.deepEqual(scores(r), { leipzig: 1, markkleeberg: round(1 - d('Markkleeberg') / 20), taucha: round(1 - d('Taucha') / 20) });
    assert.equal(round(r.matches[1]!.distanceKm), round(d('Markkleeberg')));
    assert.equal(r.excluded, 3);
    // Delitzsch (≈ 21 km) is 1 more within 25 km; Dresden is farther; "nowhere" has no place.
    assert.ok(d('Delitzsch') > 10 && d('Delitzsch') <= 25);
    assert.deepEqual(r.nearMisses, [{ questionId: 'where', kind: 'radius', radius: 25, count: 1 }]);
    const wider = rankOffers(q, list, applyHint(q, { where: { value: { place: 'Leipzig', radius: 10 } } }, r.nearMisses[0]!));
    assert.deepEqual(ids(wider), ['leipzig', 'markkleeberg', 'taucha', 'delitzsch']);
    // Postcodes resolve without a request; the default radius is the middle one (25 km).
    assert.deepEqual(ids(rankOffers(q, list, { where: { value: { postcode: '04109' } } })), ['leipzig', 'markkleeberg', 'taucha', 'delitzsch']);
  });

  it('a soft location ranks by distance but excludes nothing', () => {
    const q = questionnaire([{ id: 'where', kind: 'location', label: 'Wo?', radii: [10] }]);
    const list = offers([offer('dresden', {}, { location: { town: 'Dresden' } }), offer('leipzig', {}, { location: { town: 'Leipzig' } })]);
    const r = rankOffers(q, list, { where: { value: { place: 'Leipzig', radius: 10 } } });
    assert.deepEqual(scores(r), { leipzig: 1, dresden: 0 });
    assert.equal(r.excluded, 0);
  });
});

describe('two-sided matching', () => {
  const household = {
    id: 'household', kind: 'single', label: 'Wer zieht ein?', seeks: 'household',
    options: [{ value: 'family', label: 'Familie' }, { value: 'senior', label: 'über 60' }],
  };
  const skills = { id: 'skills', kind: 'multiple', label: 'Was bringen Sie ein?', seeks: 'skills', options: [{ value: 'garden', label: 'Garten' }, { value: 'care', label: 'Pflege' }] };

  it('combines "the offer fits me" and "I fit the offer" as a harmonic mean', () => {
    const q = questionnaire([scale, household, skills]);
    const list = offers([
      offer('both', { community: 3 }, { seeks: { household: ['family'], skills: ['garden'] } }),
      offer('half', { community: 3 }, { seeks: { household: ['family'], skills: ['care'] } }),
      offer('seniors-only', { community: 3 }, { seeks: { household: ['senior'], skills: ['care'] } }),
      offer('seeks-nothing', { community: 4 }),
    ]);
    const r = rankOffers(q, list, { community: { value: 3 }, household: { value: 'family' }, skills: { value: ['garden'] } });
    // half: fitMe 1, fitThem 0.5 → 2·1·0.5 / 1.5 = 2/3; seniors-only: fitThem 0 → 0; seeks-nothing: fitMe only.
    assert.deepEqual(scores(r), { both: 1, half: round(2 / 3), 'seeks-nothing': 0.5, 'seniors-only': 0 });
    const half = r.matches.find((m) => m.offer.id === 'half')!;
    assert.equal(half.fitMe, 1);
    assert.equal(half.fitThem, 0.5);
  });

  it('uses "I fit the offer" alone when nothing about the offer was asked', () => {
    const q = questionnaire([household]);
    const r = rankOffers(q, offers([offer('f', {}, { seeks: { household: 'family' } }), offer('any')]), { household: { value: 'family' } });
    assert.deepEqual(r.matches.map((m) => [m.offer.id, m.score, m.fitMe, m.fitThem]), [['f', 1, undefined, 1], ['any', 0, undefined, undefined]]);
  });
});

describe('explanations, order and sharing', () => {
  it('explains per criterion what matched and what did not', () => {
    const q = questionnaire([
      { ...scale }, { id: 'where', kind: 'location', label: 'Wo?', radii: [10, 25] },
      { id: 'household', kind: 'single', label: 'Wer?', seeks: 'household', options: [{ value: 'family', label: 'Familie' }] }, setting,
    ]);
    const prepared = prepareOffers(q, offers([offer('o', { community: 4 }, { location: { town: 'Leipzig' }, seeks: { household: ['senior'] } })]));
    const answers: Answers = { community: { value: 3, important: true }, where: { value: { place: 'Leipzig', radius: 10 } }, household: { value: 'family' }, setting: { value: 'city' } };
    assert.deepEqual(explainMatch(prepared, answers, 0).map((c) => [c.questionId, c.side, c.outcome, c.score === c.score ? c.score : 'NaN', c.weight]), [
      ['community', 'me', 'near', 0.5, 2],
      ['where', 'me', 'agree', 1, 1],
      ['household', 'them', 'disagree', 0, 1],
      ['setting', 'me', 'unknown', 'NaN', 0],
    ]);
    assert.equal(explainMatch(prepared, answers, 0)[1]!.distanceKm, 0);
  });

  it('breaks ties by name in German order, then by id, the same every time', () => {
    const q = questionnaire([scale]);
    const list = offers([
      { id: '2', name: 'Bahnhof' }, { id: '1', name: 'Bahnhof' }, { id: '3', name: 'Ärztehaus' }, { id: '4', name: 'Zeche' },
    ]);
    const r1 = rankOffers(q, list, {});
    assert.deepEqual(ids(r1), ['3', '1', '2', '4']);
    assert.deepEqual(ids(rankOffers(q, [...list].reverse(), {})), ids(r1));
  });

  it('holds names equal that German collation holds equal (composed or decomposed umlauts), then orders by id', () => {
    const q = questionnaire([scale]);
    const list = offers([
      { id: 'c', name: 'L\u00f6bau' }, { id: 'b', name: 'Lo\u0308bau' }, { id: 'a', name: 'L\u00f6bau' }, { id: 'd', name: 'Loebau' }, { id: 'e', name: 'Lobau' },
    ]);
    assert.deepEqual(ids(rankOffers(q, list, {})), ['e', 'a', 'b', 'c', 'd']);
    assert.deepEqual(ids(rankOffers(q, [...list].reverse(), {})), ['e', 'a', 'b', 'c', 'd']);
  });

  it('reuses prepared offers', () => {
    const q = questionnaire([scale]);
    const prepared = prepareOffers(q, offers([offer('a', { community: 3 })]));
    assert.equal(rankOffers(q, prepared, { community: { value: 3 } }).matches[0]!.score, 1);
  });

  it('shares answers through a fragment and reads only what fits the questionnaire', () => {
    const q = questionnaire([scale, setting, { id: 'where', kind: 'location', label: 'Wo?' }]);
    const answers: Answers = { community: { value: 4, important: true }, setting: { value: 'village' }, where: { value: { place: 'Görlitz', radius: 25 } } };
    assert.deepEqual(decodeAnswers(q, encodeAnswers(answers)), answers);
    const hostile = encodeURIComponent(JSON.stringify({ community: ['x'], setting: ['mars'], where: [{ place: 'Atlantis' }], __proto__: [1], other: [1] }));
    assert.deepEqual(decodeAnswers(q, hostile), {});
    assert.deepEqual(decodeAnswers(q, '%E0%A4%A'), {});
    assert.equal(({} as Record<string, unknown>)['0'], undefined);
  });
});

describe('the co-housing demo questionnaire', () => {
  it('ranks 10 000 generated offers deterministically with every kind of question answered', () => {
    const q = validateQuestionnaire(cohousingRaw)!;
    const list = validateOffers(generateOffers(10_000, { seed: 3 })).items;
    assert.equal(list.length, 10_000);
    const answers: Answers = {
      household: { value: 'family' }, location: { value: { place: 'Dresden', radius: 50 } }, rent: { value: { max: 800 } },
      size: { value: { min: 4, max: 4 } }, stepFree: { value: false }, community: { value: 4, important: true },
      setting: { value: ['village', 'whole-village'] }, contribute: { value: ['garden'] },
    };
    const a = rankOffers(q, list, answers);
    const b = rankOffers(q, prepareOffers(q, list), answers);
    // Prepared in steps (as the widget does in idle time): the same preparation, in several parts.
    const steps = preparingOffers(q, list);
    let step = steps.next();
    let count = 0;
    for (; !step.done; step = steps.next()) count++;
    assert.ok(count > q.questions.length);
    assert.deepEqual(step.value, prepareOffers(q, list));
    assert.ok(a.matches.length > 100 && a.excluded > 1000);
    assert.equal(a.matches.length + a.excluded, 10_000);
    assert.deepEqual(ids(a), ids(b));
    for (let i = 1; i < a.matches.length; i++) assert.ok(a.matches[i - 1]!.score >= a.matches[i]!.score);
    assert.ok(a.matches.every((m) => m.distanceKm! <= 50 && (m.offer.attributes.rent as number) <= 800));
  });
});
