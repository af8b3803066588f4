/**
 * A deterministic generator of realistic-looking Saxon initiatives in the core `Initiative` JSON
 * shape, for the demo's "10 000 initiatives" section and for bench/. Same `count` and `seed`,
 * same output, in Node and in browsers. The data is invented: names are composed from common
 * German patterns and towns from core's `SAXON_PLACES`; no image URLs (no third-party requests).
 */
import { INITIATIVE_KINDS, SAXON_PLACES } from '@sozial-innovativ/core';
import { random } from './random.js';

export const TOPICS = [
  'Wohnen', 'Gemeinschaft', 'Nachbarschaft', 'Bildung', 'Kultur', 'Klima und Umwelt', 'Inklusion',
  'Pflege und Gesundheit', 'Arbeit und Qualifizierung', 'Ländlicher Raum', 'Mobilität', 'Digitalisierung',
  'Ernährung', 'Engagement', 'Familie', 'Integration', 'Sozialunternehmen', 'Jugend',
] as const;

export const TARGET_GROUPS = [
  'Alleinerziehende', 'Junge Familien', 'Seniorinnen und Senioren', 'Jugendliche', 'Kinder',
  'Menschen mit Behinderung', 'Geflüchtete', 'Studierende', 'Arbeitsuchende', 'Ehrenamtliche',
  'Gründerinnen und Gründer', 'Kommunen', 'Pflegende Angehörige',
] as const;

const PATTERNS: readonly [string, readonly string[]][] = [
  ['Nachbarschaftshilfe', ['Nachbarschaft', 'Engagement', 'Seniorinnen und Senioren']],
  ['Mehrgenerationenhaus', ['Gemeinschaft', 'Familie', 'Seniorinnen und Senioren']],
  ['Repair-Café', ['Klima und Umwelt', 'Nachbarschaft', 'Ehrenamtliche']],
  ['Wohnprojekt', ['Wohnen', 'Gemeinschaft', 'Junge Familien']],
  ['Gemeinschaftsgarten', ['Ernährung', 'Klima und Umwelt', 'Nachbarschaft']],
  ['Bürgerbus', ['Mobilität', 'Ländlicher Raum', 'Seniorinnen und Senioren']],
  ['Jugendwerkstatt', ['Jugend', 'Arbeit und Qualifizierung', 'Jugendliche']],
  ['Digitallotsen', ['Digitalisierung', 'Bildung', 'Seniorinnen und Senioren']],
  ['Familienzentrum', ['Familie', 'Bildung', 'Alleinerziehende']],
  ['Inklusionsbetrieb', ['Inklusion', 'Arbeit und Qualifizierung', 'Menschen mit Behinderung']],
  ['Willkommensnetzwerk', ['Integration', 'Engagement', 'Geflüchtete']],
  ['Dorfladen', ['Ländlicher Raum', 'Ernährung', 'Kommunen']],
  ['Soziokulturelles Zentrum', ['Kultur', 'Gemeinschaft', 'Jugendliche']],
  ['Pflegestammtisch', ['Pflege und Gesundheit', 'Nachbarschaft', 'Pflegende Angehörige']],
  ['Gründungswerkstatt', ['Sozialunternehmen', 'Arbeit und Qualifizierung', 'Gründerinnen und Gründer']],
  ['Lernpatenschaften', ['Bildung', 'Engagement', 'Kinder']],
  ['Foodsharing-Gruppe', ['Ernährung', 'Klima und Umwelt', 'Studierende']],
  ['Co-Working im Dorf', ['Ländlicher Raum', 'Digitalisierung', 'Gründerinnen und Gründer']],
];

const SUFFIXES = ['', ' e. V.', ' gGmbH', ' Initiative', ' Netzwerk', ' Nord', ' Süd', ' am Markt', ' im Quartier'];
const STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Lindenallee', 'Marktplatz', 'Gartenweg', 'Am Anger', 'Kirchgasse'];


const slug = (s: string) =>
  s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * `count` initiatives in the core Initiative JSON shape. Ids are `gen-<n>`; names are unique.
 */
export function generateInitiatives(count: number, options: { seed?: number } = {}): object[] {
  const rnd = random(options.seed ?? 20_251_021);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const out: object[] = [];
  for (let i = 0; i < count; i++) {
    const [pattern, baseTopics] = pick(PATTERNS);
    const place = pick(SAXON_PLACES);
    const name = `${pattern} ${place.name}${pick(SUFFIXES)} ${i + 1}`.replace(/ {2,}/g, ' ');
    const topics = new Set(baseTopics.filter((t) => (TOPICS as readonly string[]).includes(t)));
    while (topics.size < 2 + Math.floor(rnd() * 2)) topics.add(pick(TOPICS));
    const groups = new Set(baseTopics.filter((t) => (TARGET_GROUPS as readonly string[]).includes(t)));
    while (groups.size < 1 + Math.floor(rnd() * 2)) groups.add(pick(TARGET_GROUPS));
    const year = 1990 + Math.floor(rnd() * 35);
    const checked = `202${4 + Math.floor(rnd() * 2)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const id = `gen-${i + 1}`;
    const initiative: Record<string, unknown> = {
      id,
      name,
      kind: pick(INITIATIVE_KINDS),
      summary: `${pattern} in ${place.name}: Menschen aus der Region engagieren sich gemeinsam. Schwerpunkte: ${[...topics].join(', ')}.`,
      description: `„${name}“ bringt seit ${year} Menschen in ${place.name} (${place.district}) zusammen. ` +
        `Wer mitmachen möchte, ist willkommen: Treffen finden regelmäßig statt, die Angebote sind kostenfrei oder günstig.`,
      topics: [...topics],
      targetGroups: [...groups],
      region: {
        address: `${pick(STREETS)} ${1 + Math.floor(rnd() * 80)}`,
        postalCode: place.postcodes[0]!.padEnd(5, String(Math.floor(rnd() * 10))),
        town: place.name,
        district: place.district,
        geo: {
          lat: Math.round((place.geo.lat + (rnd() - 0.5) * 0.08) * 1e4) / 1e4,
          lon: Math.round((place.geo.lon + (rnd() - 0.5) * 0.12) * 1e4) / 1e4,
        },
      },
      contact: { name: 'Kontaktstelle', email: `kontakt@${slug(pattern)}-${i + 1}.example` },
      url: `https://${slug(pattern)}-${slug(place.name)}-${i + 1}.example/`,
      founded: String(year),
      lastChecked: checked,
      source: { name: 'Generierte Testdaten', licence: 'CC0-1.0' },
    };
    if (rnd() < 0.25) {
      initiative.easyLanguage = `${pattern} in ${place.name}. Hier treffen sich Menschen. Sie helfen sich gegenseitig.`;
    }
    out.push(initiative);
  }
  return out;
}
