/**
 * A deterministic generator of co-housing offers in the core `MatchOffer` JSON shape, whose
 * `attributes` and `seeks` fit the questionnaire of `cohousing.json`. For the demo and for bench/
 * (1 000 / 10 000 offers). Same `count` and `seed`, same output, in Node and in browsers. The data
 * is invented; towns come from core's `SAXON_PLACES`; no image URLs (no third-party requests).
 */
import { SAXON_PLACES, type Questionnaire } from '@sozial-innovativ/core';
import cohousing from './cohousing.json' with { type: 'json' };
import { random } from './random.js';

/** The co-housing questionnaire (unvalidated JSON; run it through `validateQuestionnaire` to use it). */
export const questionnaire = cohousing.questionnaire as unknown as Questionnaire;

const HOUSEHOLDS = ['single-parent', 'family', 'senior', 'couple', 'single'] as const;
const CONTRIBUTIONS = ['childcare', 'garden', 'crafts', 'care', 'culture'] as const;
const SETTINGS = ['city', 'town', 'village', 'whole-village'] as const;
const KINDS = ['Wohnprojekt', 'Hausgemeinschaft', 'Mehrgenerationenhof', 'Clusterwohnen', 'Dorfgemeinschaft', 'Genossenschaft', 'Wohnhof'];
const NAMES = ['Lindenhof', 'Alte Schule', 'Am Anger', 'Sonnenhang', 'Mühlgraben', 'Gartenstadt', 'Kirschblüte', 'Weitblick', 'Miteinander', 'Zum Brunnen'];


/** `count` co-housing offers spread over Saxony, deterministic for a given `seed`. */
export function generateOffers(count: number, options: { seed?: number } = {}): object[] {
  const rnd = random(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const some = <T>(list: readonly T[], min: number): T[] => {
    const chosen = list.filter(() => rnd() < 0.4);
    while (chosen.length < min) {
      const x = pick(list);
      if (!chosen.includes(x)) chosen.push(x);
    }
    return chosen;
  };
  const offers: object[] = [];
  for (let i = 0; i < count; i++) {
    const place = pick(SAXON_PLACES);
    const setting = pick(SETTINGS);
    const minSize = 1 + Math.floor(rnd() * 3);
    offers.push({
      id: `offer-${i + 1}`,
      name: `${pick(KINDS)} ${pick(NAMES)} ${place.name}`,
      summary: `Gemeinschaftliches Wohnen in ${place.name} (${place.district}).`,
      location: {
        town: place.name,
        district: place.district,
        // Up to ±0.1° around the town centre: villages around it.
        geo: { lat: Math.round((place.geo.lat + (rnd() - 0.5) * 0.2) * 1000) / 1000, lon: Math.round((place.geo.lon + (rnd() - 0.5) * 0.2) * 1000) / 1000 },
      },
      url: `https://example.org/wohnprojekte/${i + 1}`,
      attributes: {
        rent: 300 + Math.round(rnd() * 14) * 50,
        householdSize: { min: minSize, max: minSize + Math.floor(rnd() * 5) },
        stepFree: rnd() < 0.4,
        community: 1 + Math.floor(rnd() * 5),
        setting: setting === 'whole-village' ? ['village', 'whole-village'] : setting,
      },
      seeks: { household: some(HOUSEHOLDS, 1), contribute: some(CONTRIBUTIONS, 1) },
      source: { name: 'Demo-Daten (erfunden)' },
    });
  }
  return offers;
}
