/**
 * A deterministic generator of realistic-looking events across Saxony in the core `CalendarEvent`
 * JSON shape, for the calendar demo ("a year of events") and for bench/ (1 000 in one month,
 * 10 000 in a year). Same `count`, `seed`, `from` and `months`, same output, in Node and in
 * browsers. The events are invented; towns and coordinates come from core's `SAXON_PLACES`.
 * No image URLs and no links to third parties that a browser would load.
 */
import { SAXON_PLACES, addDays, zonedTimeToEpoch } from '@sozial-innovativ/core';
import { random } from './random.js';

export const EVENT_TOPICS = [
  'Wohnen', 'Pflege', 'Bildung', 'Ehrenamt', 'Sozialunternehmen', 'Ländlicher Raum', 'Strukturwandel',
  'Digitalisierung', 'Inklusion', 'Familie', 'Gesundheit', 'Nachbarschaft', 'Klima', 'Arbeit', 'Integration',
] as const;

type Topic = (typeof EVENT_TOPICS)[number];

/** Title patterns with the topics they carry and their usual length in hours (0 = all day). */
const KINDS: readonly { title: (town: string, topic: string) => string; topics: readonly Topic[]; hours: number; evening?: boolean }[] = [
  { title: (_t, topic) => `Ideenwerkstatt: ${topic} neu gedacht`, topics: ['Nachbarschaft'], hours: 3 },
  { title: (town) => `Netzwerktreffen Sozialunternehmen ${town}`, topics: ['Sozialunternehmen', 'Arbeit'], hours: 2, evening: true },
  { title: () => 'Sprechstunde: Förderung sozialer Innovationen', topics: ['Sozialunternehmen'], hours: 1.5 },
  { title: () => 'Online-Seminar: Wirkung sichtbar machen', topics: ['Sozialunternehmen', 'Digitalisierung'], hours: 1.5 },
  { title: (town) => `Stammtisch Gemeinschaftliches Wohnen ${town}`, topics: ['Wohnen', 'Nachbarschaft'], hours: 2, evening: true },
  { title: () => 'Zukunftswerkstatt ländlicher Raum', topics: ['Ländlicher Raum', 'Strukturwandel'], hours: 4 },
  { title: () => 'Fachtag Inklusion im Quartier', topics: ['Inklusion', 'Nachbarschaft'], hours: 0 },
  { title: (town) => `Repair-Café ${town}`, topics: ['Klima', 'Ehrenamt'], hours: 3 },
  { title: () => 'Dialog: Pflege im Quartier', topics: ['Pflege', 'Gesundheit'], hours: 2, evening: true },
  { title: () => 'Gründungsberatung für Sozialunternehmen', topics: ['Sozialunternehmen', 'Arbeit'], hours: 2 },
  { title: () => 'Digitalsprechstunde für Seniorinnen und Senioren', topics: ['Digitalisierung', 'Bildung'], hours: 2 },
  { title: (town) => `Ehrenamtsbörse ${town}`, topics: ['Ehrenamt'], hours: 4 },
  { title: () => 'Familiencafé mit Beratung', topics: ['Familie', 'Bildung'], hours: 2 },
  { title: () => 'Werkstattgespräch: Strukturwandel in der Lausitz', topics: ['Strukturwandel', 'Arbeit'], hours: 2.5, evening: true },
  { title: () => 'Willkommenstreff und Sprachcafé', topics: ['Integration', 'Ehrenamt'], hours: 2, evening: true },
  { title: () => 'Praxislabor Wohnprojekte gründen', topics: ['Wohnen'], hours: 0 },
];

const VENUES = ['Stadtbibliothek', 'Rathaus, Ratssaal', 'Bürgerhaus', 'Mehrgenerationenhaus', 'Volkshochschule', 'Soziokulturelles Zentrum', 'Stadtteilzentrum', 'Kirchgemeindehaus'];
const STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Lindenallee', 'Marktplatz', 'Am Anger', 'Kirchgasse', 'Bautzner Straße'];
const ACCESS = [
  'Stufenloser Zugang, barrierefreies WC, Induktionsschleife im Saal.',
  'Zugang über eine Rampe am Seiteneingang; Aufzug ins Obergeschoss.',
  'Der Saal liegt im 1. Stock ohne Aufzug. Bitte melden Sie sich, wir finden eine Lösung.',
  'Stufenlos erreichbar; Gebärdensprachdolmetschung auf Anfrage bis eine Woche vorher.',
];
const ORGANIZERS = ['Zukunftsplattform Sozial.Innovativ', 'Landesarbeitsgemeinschaft Soziokultur', 'Freiwilligenagentur', 'Verbraucherzentrale', 'Sozialunternehmen-Netzwerk Sachsen'];
/** Larger towns get more events. */
const TOWN_WEIGHT: Record<string, number> = { Dresden: 8, Leipzig: 8, Chemnitz: 5, Zwickau: 2, Plauen: 2, Görlitz: 2, Bautzen: 2 };


const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-10-21T17:00:00+02:00`: wall-clock time in Europe/Berlin with its offset. */
function berlinDateTime(day: string, minutes: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  const epoch = zonedTimeToEpoch(y, m, d, h, min, 'Europe/Berlin');
  const offset = Math.round((Date.UTC(y, m - 1, d, h, min) - epoch) / 60_000);
  const sign = offset >= 0 ? '+' : '-';
  return `${day}T${pad(h)}:${pad(min)}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

const slug = (s: string) =>
  s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export interface GenerateEventsOptions {
  /** Seed of the pseudo-random sequence (default 1). */
  seed?: number;
  /** First day, `YYYY-MM-DD` (default `2026-01-01`). */
  from?: string;
  /** How many months the events spread over (default 12). */
  months?: number;
}

/**
 * `count` events spread evenly at random over `months` months from `from`, sorted by start.
 * Mostly on weekdays, in the afternoon or evening, some all-day; about 10 % online, 12 % hybrid,
 * 3 % cancelled, 2 % postponed; about a fifth with an easy-to-read summary.
 */
export function generateEvents(count: number, options: GenerateEventsOptions = {}): object[] {
  const rand = random(options.seed ?? 1);
  const from = options.from ?? '2026-01-01';
  const months = options.months ?? 12;
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const endDate = new Date(Date.UTC(fy, fm - 1 + months, Number(from.slice(8, 10))));
  const days = Math.max(1, Math.round((endDate.getTime() - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const weighted = SAXON_PLACES.flatMap((p) => Array.from({ length: TOWN_WEIGHT[p.name] ?? 1 }, () => p));

  const events: { start: string; json: object }[] = [];
  for (let i = 0; i < count; i++) {
    let day = addDays(from, Math.floor(rand() * days));
    // Four in five events avoid Sundays: move them to Monday.
    if (new Date(`${day}T12:00:00Z`).getUTCDay() === 0 && rand() < 0.8) day = addDays(day, 1);
    const kind = pick(KINDS);
    const place = pick(weighted);
    const topic = pick(EVENT_TOPICS);
    const topics = [...new Set([...kind.topics, topic])];
    const r = rand();
    const format = kind.title('', '').startsWith('Online') || r < 0.1 ? 'online' : r < 0.22 ? 'hybrid' : 'onsite';
    const s = rand();
    const status = s < 0.03 ? 'cancelled' : s < 0.05 ? 'postponed' : 'scheduled';
    const title = kind.title(place.name, topic);
    const id = `gen-${options.seed ?? 1}-${i}`;
    let start: string;
    let end: string;
    if (kind.hours === 0) {
      start = day;
      end = addDays(day, rand() < 0.25 ? 2 : 1);
    } else {
      const startMinutes = (kind.evening ? 17 * 60 : 9 * 60 + Math.floor(rand() * 9) * 60) + (rand() < 0.3 ? 30 : 0);
      start = berlinDateTime(day, startMinutes);
      end = berlinDateTime(day, Math.min(startMinutes + kind.hours * 60, 23 * 60 + 30));
    }
    const regRoll = rand();
    const registration =
      regRoll < 0.3
        ? { state: 'not-required' }
        : {
            state: regRoll < 0.8 ? 'open' : regRoll < 0.9 ? 'waitlist' : 'closed',
            url: `https://example.org/anmeldung/${id}`,
            deadline: addDays(typeof start === 'string' ? start.slice(0, 10) : day, -3),
          };
    const onsite = format !== 'online';
    const street = pick(STREETS);
    const json: Record<string, unknown> = {
      id,
      title,
      start,
      end,
      topics,
      format,
      status,
      registration,
      organizer: { name: pick(ORGANIZERS), email: `kontakt@${slug(place.name)}.example.org` },
      url: `https://example.org/veranstaltungen/${slug(title)}-${i}`,
      description:
        `${title}: Wir laden alle ein, die ${topic === 'Ländlicher Raum' ? 'den ländlichen Raum' : topic} in ${place.name} gemeinsam voranbringen möchten. ` +
        'Nach einem kurzen Impuls ist viel Zeit für Austausch, Fragen und Vernetzung.',
      source: { name: 'Demo-Daten (generiert)' },
    };
    if (onsite) {
      json.location = {
        name: `${pick(VENUES)} ${place.name}`,
        address: `${street} ${1 + Math.floor(rand() * 80)}`,
        postalCode: `${place.postcodes[0]!.padEnd(5, '0').slice(0, 5)}`,
        town: place.name,
        district: place.district,
        geo: place.geo,
        accessibility: pick(ACCESS),
      };
    }
    if (format !== 'onsite') json.onlineUrl = `https://example.org/online/${id}`;
    if (rand() < 0.2) {
      json.easyLanguage = `Ein Treffen zum Thema ${topic}. Alle können kommen. Sie können Fragen stellen. Die Teilnahme kostet nichts.`;
    }
    events.push({ start: start.length === 10 ? `${start}T00:00` : start, json });
  }
  // Lexical order of local date-times is close enough to time order for demo data; sort once.
  return events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)).map((e) => e.json);
}
