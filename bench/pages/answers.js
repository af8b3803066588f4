// A complete set of answers to the co-housing questionnaire (demo/data/cohousing.json), so every
// criterion is compared. Shared by the page and bench/node-cases.mjs.
export const ANSWERS = {
  household: { value: 'family' },
  location: { value: { place: 'Leipzig', radius: 50 } },
  rent: { value: { min: 0, max: 900 }, important: true },
  size: { value: { min: 3, max: 4 } },
  stepFree: { value: true },
  community: { value: 4 },
  setting: { value: ['town', 'village'] },
  contribute: { value: ['garden', 'childcare'] },
};
