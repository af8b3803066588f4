import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateOffers, validateQuestionnaire, type MatchOffer, type Questionnaire } from '@sozial-innovativ/core';
import { applyHint, preparingOffers, rankOffers, type Answer } from '../engine/index.js';
import { offers as wohnenOffers, questionnaire as wohnenRaw } from '../wohnen.fixture.js';
import { JourneyState } from './state.js';

const data = (raw: { questionnaire: unknown; offers: unknown[] }): [Questionnaire, MatchOffer[]] => {
  const questionnaire = validateQuestionnaire(raw.questionnaire);
  assert.ok(questionnaire, 'the questionnaire is valid');
  const { items, dropped } = validateOffers(raw.offers);
  assert.equal(dropped, 0);
  return [questionnaire, items];
};
const demo = (name: string) => data(JSON.parse(readFileSync(new URL(`../../../../demo/data/${name}.json`, import.meta.url), 'utf8')));
const wohnen = data({ questionnaire: wohnenRaw, offers: wohnenOffers });

const ranking = { applyHint, preparingOffers, rankOffers };

/** A journey over `[questionnaire, offers]` that records what it reports; `later`: its ranking arrives only with `useRanking`. */
function journey([questionnaire, offers] = wohnen, answers?: Record<string, Answer>, later = false) {
  const seen = { changes: 0, steps: [] as string[], completes: [] as string[][] };
  const state = new JourneyState(questionnaire, offers, {
    answers,
    ranking: later ? undefined : ranking,
    changed: () => seen.changes++,
    step: (step, total) => seen.steps.push(`${step}/${total}`),
    complete: (ids) => seen.completes.push(ids),
  });
  return { state, seen };
}
const form = (entries: [string, string][] = []) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};
const at = (state: JourneyState) => (state.phase === 'step' ? `step ${state.stepIndex + 1}` : state.phase);

/** The README's worked example: a family near Leipzig, rent ≤ 650 €, community 3 (important), a village. */
function walkWorkedExample(state: JourneyState) {
  state.start();
  state.submit(form([['answer', 'family']]));
  state.submit(form([['postcode', '04109'], ['radius', '25']]));
  state.submit(form([['max', '650']]));
  state.skip();
  state.submit(form([['answer', '3'], ['important', 'on']]));
  state.submit(form([['answer', 'village']]));
}

describe('the journey state machine', () => {
  it('walks start → steps → check → results and ranks as the README\'s worked example says', () => {
    const { state, seen } = journey();
    assert.equal(at(state), 'start');
    walkWorkedExample(state);
    assert.equal(at(state), 'check');
    assert.deepEqual(seen.steps, ['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    assert.deepEqual(state.answers, {
      household: { value: 'family' }, where: { value: { postcode: '04109', radius: 25 } }, rent: { value: { max: 650 } },
      community: { value: 3, important: true }, setting: { value: ['village'] },
    });
    assert.equal(state.soFar, 3);
    state.showResults();
    assert.equal(at(state), 'results');
    assert.equal(state.soFar, undefined);
    assert.deepEqual(seen.completes, [['c', 'a', 'b']]);
    assert.equal(Math.round(state.result.matches[0]!.score * 100), 96);
    assert.equal(state.result.excluded, 3);
    assert.ok(seen.changes >= 8, 'every change asks for a render');
  });

  it('keeps a person on a required step left unanswered, with the error summary focused', () => {
    const { state, seen } = journey();
    state.start();
    state.submit(form());
    assert.equal(at(state), 'step 1');
    assert.deepEqual(state.errors, [{ field: 'answer-0', message: 'errorChoose' }]);
    assert.equal(state.focus, 'error-summary');
    // A required step cannot be skipped.
    state.skip();
    assert.equal(at(state), 'step 1');
    assert.deepEqual(seen.steps, ['1/6']);
    state.submit(form([['answer', 'senior']]));
    assert.equal(at(state), 'step 2');
    assert.deepEqual(state.errors, []);
    assert.equal(state.focus, 'heading');
  });

  it('announces how many offers fit so far after each step', () => {
    const { state } = journey();
    state.start();
    assert.equal(state.soFar, undefined);
    state.submit(form([['answer', 'family']]));
    assert.equal(state.soFar, 6);
    state.submit(form([['postcode', '04109'], ['radius', '10']]));
    // Leipzig itself (two offers) and Taucha lie within 10 km of 04109.
    assert.equal(state.soFar, rankOffers(state.questionnaire, state.prepared, state.answers).matches.length);
    assert.equal(state.soFar, 3);
  });

  it('ranks the same whether the offers were prepared in idle time, partly, or not at all before the first answer', () => {
    const counts = [0, 1, 3, Infinity].map((steps) => {
      const { state } = journey();
      for (let i = 0; i < steps && !state.prepareStep(); i++);
      state.start();
      state.submit(form([['answer', 'family']]));
      state.submit(form([['postcode', '04109'], ['radius', '10']]));
      return state.soFar;
    });
    assert.deepEqual(counts, [3, 3, 3, 3]);
  });

  it('does not hold a step for the ranking: an answer given before it arrives gets its count when it does', () => {
    const { state, seen } = journey(wohnen, undefined, true);
    state.start();
    state.submit(form([['answer', 'family']]));
    assert.equal(at(state), 'step 2');
    assert.equal(state.soFar, undefined);
    const changes = seen.changes;
    state.useRanking(ranking);
    assert.equal(state.soFar, 6);
    assert.equal(seen.changes, changes + 1, 'the count is rendered (and announced) when it arrives');
    state.submit(form([['postcode', '04109'], ['radius', '10']]));
    assert.equal(state.soFar, 3);
  });

  it('forgets a count still waiting for the ranking when starting over', () => {
    const { state } = journey(wohnen, undefined, true);
    state.start();
    state.submit(form([['answer', 'family']]));
    state.startOver();
    state.useRanking(ranking);
    assert.equal(state.soFar, undefined);
  });

  it('goes back one screen at a time and keeps the answers', () => {
    const { state, seen } = journey();
    state.back();
    assert.equal(at(state), 'start', 'Back on the start page does nothing');
    state.start();
    state.submit(form([['answer', 'family']]));
    state.back();
    assert.equal(at(state), 'step 1');
    assert.deepEqual(state.answers.household, { value: 'family' });
    state.back();
    assert.equal(at(state), 'start');
    assert.deepEqual(seen.steps, ['1/6', '2/6', '1/6']);
  });

  it('returns to the check page after changing an answer there, also with Back', () => {
    const { state } = journey();
    walkWorkedExample(state);
    state.back();
    assert.equal(at(state), 'step 6', 'Back from the check page is the last step');
    state.submit(form([['answer', 'village']]));
    assert.equal(at(state), 'check');
    state.goTo(2, true);
    assert.equal(at(state), 'step 3');
    state.submit(form([['max', '700']]));
    assert.equal(at(state), 'check', 'not step 4');
    assert.deepEqual(state.answers.rent, { value: { max: 700 } });
    state.goTo(0, true);
    state.back();
    assert.equal(at(state), 'check');
    // Then the way forward goes step by step again.
    state.back();
    state.back();
    assert.equal(at(state), 'step 5');
  });

  it('goes back from the results to the check page, and results come again with the same ranking', () => {
    const { state, seen } = journey();
    walkWorkedExample(state);
    state.showResults();
    state.back();
    assert.equal(at(state), 'check');
    state.showResults();
    assert.deepEqual(seen.completes, [['c', 'a', 'b'], ['c', 'a', 'b']]);
  });

  it('skipping a step drops the answer given there before', () => {
    const { state } = journey();
    walkWorkedExample(state);
    state.goTo(4, true);
    state.skip();
    assert.equal(state.answers.community, undefined);
    assert.equal(at(state), 'check');
  });

  it('applies a suggestion and shows the new results', () => {
    const { state, seen } = journey();
    walkWorkedExample(state);
    state.showResults();
    const radius = state.result.nearMisses[0]!;
    assert.deepEqual(radius, { questionId: 'where', kind: 'radius', radius: 50, count: 1 });
    state.applyHint(radius);
    assert.deepEqual(state.answers.where, { value: { postcode: '04109', radius: 50 } });
    assert.equal(state.result.matches.length, 4);
    assert.equal(seen.completes.length, 2);
    assert.equal(state.focus, 'heading');
  });

  it('filters the results and starts over with nothing kept', () => {
    const { state } = journey();
    walkWorkedExample(state);
    state.showResults();
    state.filter({ goodOnly: true });
    state.filter({ district: 'Leipzig' });
    assert.deepEqual([state.goodOnly, state.district], [true, 'Leipzig']);
    state.startOver();
    assert.equal(at(state), 'start');
    assert.deepEqual(state.answers, {});
    assert.deepEqual([state.goodOnly, state.district, state.soFar], [false, '', undefined]);
    // And the next journey starts at step 1 without returning to a check page.
    state.start();
    state.submit(form([['answer', 'family']]));
    assert.equal(at(state), 'step 2');
  });

  it('asks before it shares, hands focus between the share controls, and drops the link on any change', () => {
    const { state } = journey();
    walkWorkedExample(state);
    state.showResults();
    assert.equal(state.sharing, 'no');
    state.share('ask');
    assert.deepEqual([state.sharing, state.focus], ['ask', 'share-confirm']);
    state.share('no');
    assert.deepEqual([state.sharing, state.focus], ['no', 'share-button']);
    state.share('ask');
    state.confirmShare();
    assert.deepEqual([state.sharing, state.focus, state.copied], ['done', 'share-link', '']);
    state.copiedLink('failed');
    assert.equal(state.copied, 'failed');
    state.applyHint(state.result.nearMisses[0]!);
    assert.deepEqual([state.sharing, state.copied], ['no', '']);
  });

  it('starts with the answers of a shared link and forgets them on start over', () => {
    const answers = { household: { value: 'senior' } };
    const { state } = journey(wohnen, answers);
    assert.equal(state.fromLink, true);
    state.start();
    assert.deepEqual(state.answers, answers);
    state.startOver();
    assert.equal(state.fromLink, false);
    assert.deepEqual(state.answers, {});
    assert.equal(journey(wohnen, {}).state.fromLink, false, 'a link without usable answers is no link');
  });

  it('ranks once per set of answers, and clears focus without a render', () => {
    const { state, seen } = journey();
    walkWorkedExample(state);
    assert.equal(state.result, state.result);
    const before = state.result;
    state.goTo(5, true);
    state.submit(form([['answer', 'city']]));
    assert.notEqual(state.result, before);
    const changes = seen.changes;
    state.focused();
    assert.equal(state.focus, undefined);
    assert.equal(seen.changes, changes);
  });

  it('walks the real demo questionnaires, answering only what is required', () => {
    for (const name of ['cohousing', 'volunteering']) {
      const [questionnaire, offers] = demo(name);
      const { state, seen } = journey([questionnaire, offers]);
      state.start();
      for (const q of questionnaire.questions) {
        if (q.required) state.submit(form([['answer', q.options[0]!.value]]));
        else state.skip();
      }
      assert.equal(at(state), 'check', name);
      assert.equal(seen.steps.length, questionnaire.questions.length, name);
      state.showResults();
      const expected = rankOffers(questionnaire, state.prepared, state.answers).matches.map((m) => m.offer.id);
      assert.deepEqual(seen.completes, [expected], name);
      assert.ok(expected.length > 0, name);
    }
  });
});

describe('acting on the results: shortlist, comparison, prepared e-mail', () => {
  it('keeps a shortlist for the visit, picks two to four results to compare, and goes back to results', () => {
    const { state, seen } = journey();
    walkWorkedExample(state);
    state.showResults();
    const ids = state.result.matches.map((m) => m.offer.id);
    assert.ok(ids.length >= 3);
    state.keep(ids[1]!, true);
    state.keep(ids[0]!, true);
    state.keep(ids[1]!, false);
    assert.deepEqual(state.shortlist, [ids[0]]);

    state.pick(ids[0]!, true);
    state.compare();
    assert.equal(state.phase, 'results', 'one is not a comparison');
    assert.equal(state.compareNote, 'compareFew');
    state.pick(ids[2]!, true);
    state.compare();
    assert.equal(state.phase, 'compare');
    assert.equal(state.focus, 'heading');
    // Best first, whatever the order of picking.
    assert.deepEqual(state.compared.map((m) => m.offer.id), [ids[0], ids[2]]);
    const completes = seen.completes.length;
    state.back();
    assert.equal(state.phase, 'results');
    assert.equal(state.focus, 'compare-button');
    assert.equal(seen.completes.length, completes, 'going back reports no new results');
    assert.deepEqual(state.picked, [ids[0], ids[2]], 'the picks stay');

    state.startOver();
    assert.deepEqual([state.shortlist, state.picked], [[], []]);
  });

  it('refuses a fifth pick with a note', () => {
    const offers = Array.from({ length: 6 }, (_, i) => ({ id: `o${i}`, name: `Angebot ${i}`, attributes: {} }));
    const { state } = journey(data({ questionnaire: { id: 'q', title: 'T', questions: [{ id: 'x', kind: 'boolean', label: 'X', attribute: 'x' }] }, offers }));
    state.start();
    state.skip();
    state.showResults();
    for (let i = 0; i < 5; i++) state.pick(`o${i}`, true);
    assert.deepEqual(state.picked, ['o0', 'o1', 'o2', 'o3']);
    assert.equal(state.compareNote, 'compareMax');
    state.pick('o1', false);
    assert.equal(state.compareNote, '');
    state.pick('o4', true);
    assert.deepEqual(state.picked, ['o0', 'o2', 'o3', 'o4']);
  });

  it('starts with a shortlist from a shared link', () => {
    const [questionnaire, offers] = wohnen;
    const state = new JourneyState(questionnaire, offers, { shortlist: ['c', 'a'], ranking, changed() {}, step() {}, complete() {} });
    assert.deepEqual(state.shortlist, ['c', 'a']);
    assert.equal(state.fromLink, true);
  });

  it('opens one prepared e-mail at a time, never with the answers unless ticked, and keeps the edited text', () => {
    const { state } = journey();
    walkWorkedExample(state);
    state.showResults();
    state.write('a');
    assert.equal(state.writing, 'a');
    assert.equal(state.mailAnswers, false);
    assert.equal(state.focus, 'mail-text');
    state.includeAnswers(true);
    state.draft('a', 'Hallo');
    state.write('c');
    assert.equal(state.mailAnswers, false, 'another offer starts without the answers again');
    assert.equal(state.drafts.a, 'Hallo');
    state.write(undefined);
    assert.equal(state.writing, undefined);
  });
});
