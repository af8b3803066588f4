// The match engine in the page: ranking 1 000 / 10 000 offers for a complete set of answers.
// `rank`: offers prepared once (what happens on every answer change); `prepareRank`: from the
// validated offers (the first ranking after the data arrived).
import { prepareOffers, rankOffers } from '@sozial-innovativ/match-finder/engine';
import { validateOffers, validateQuestionnaire } from '@sozial-innovativ/core';
import { generateOffers, questionnaire as rawQuestionnaire } from '../../demo/data/generate-offers.ts';
import { ANSWERS } from './answers.js';
import { register } from './harness.js';

const questionnaire = validateQuestionnaire(rawQuestionnaire);
const time = (fn) => {
  const t0 = performance.now();
  const detail = fn();
  const layout = performance.now() - t0;
  // No DOM here: "layout" and "paint" are the same script time.
  return Promise.resolve({ layout, paint: layout, detail });
};

register({
  rank: (n) => {
    const prepared = prepareOffers(questionnaire, validateOffers(generateOffers(n)).items);
    return () => time(() => ({ matches: rankOffers(questionnaire, prepared, ANSWERS).matches.length }));
  },
  prepareRank: (n) => {
    const offers = validateOffers(generateOffers(n)).items;
    return () => time(() => ({ matches: rankOffers(questionnaire, offers, ANSWERS).matches.length }));
  },
});
