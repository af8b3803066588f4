// The questionnaire and offers of the worked example in the README: the browser test walks them
// by keyboard, the journey's Node tests drive the same data through the state machine.
// (Raw data, as a source serves it: adapters validate it into the model.)
const option = (value: string, label: string) => ({ value, label: { de: label, en: label.toUpperCase() } });
export const questionnaire = {
  id: 'wohnen',
  title: { de: 'Wohnprojekt finden', en: 'Find a co-housing project', 'de-x-ls': 'Zusammen wohnen: Finden Sie ein Haus' },
  intro: 'Ein paar Fragen zu Ihnen.',
  questions: [
    { id: 'household', kind: 'single', required: true, seeks: 'household', label: { de: 'Wer möchte einziehen?', en: 'Who wants to move in?' }, shortLabel: 'Haushalt', options: [option('family', 'Familie mit Kindern'), option('senior', 'Über 60')] },
    { id: 'where', kind: 'location', hard: true, radii: [10, 25, 50], label: 'Wo möchten Sie wohnen?', shortLabel: 'Entfernung' },
    { id: 'rent', kind: 'range', hard: true, attribute: 'rent', step: 50, unit: '€', label: 'Wie viel Miete können Sie zahlen?', shortLabel: 'Miete' },
    { id: 'stepFree', kind: 'boolean', hard: true, attribute: 'stepFree', label: 'Brauchen Sie eine stufenlose Wohnung?', shortLabel: 'Stufenlos' },
    { id: 'community', kind: 'scale', attribute: 'community', min: 1, max: 5, label: 'Wie viel Gemeinschaft wünschen Sie sich?', shortLabel: 'Gemeinschaft', hint: '1 = wenig, 5 = sehr viel' },
    { id: 'setting', kind: 'multiple', attribute: 'setting', label: 'Welche Umgebung passt?', shortLabel: 'Umgebung', options: [option('city', 'Stadt'), option('village', 'Dorf')] },
  ],
};
const offer = (id: string, name: string, town: string, attributes: object, household: string[]) => ({
  id, name, summary: `${name} in ${town}`, location: { town }, url: `https://example.org/${id}`, contact: { email: `${id}@example.org` },
  attributes: { stepFree: true, ...attributes }, seeks: { household },
});
export const offers = [
  offer('a', 'Alte Gärtnerei', 'Leipzig', { rent: 600, community: 4, setting: 'city' }, ['family']),
  offer('b', 'Bahnhof Taucha', 'Taucha', { rent: 500, community: 3, setting: 'village' }, ['senior']),
  offer('c', 'Dorfgemeinschaft Delitzsch', 'Delitzsch', { rent: 450, community: 3, setting: 'village' }, ['family']),
  offer('d', 'Elbhaus', 'Dresden', { rent: 500, community: 3, setting: 'city' }, ['family']),
  offer('e', 'Teures Haus', 'Leipzig', { rent: 680, community: 3, setting: 'city' }, ['family']),
  offer('f', 'Muldenhof', 'Grimma', { rent: 400, community: 3, setting: 'village' }, ['family']),
];
