import { LIMITS, type EventFormat, type EventStatus, type InitiativeKind } from '@sozial-innovativ/core';
import type { MemoryData } from '../memory/index.js';
import { htmlToText, normalizeDateTime, num, pick, str } from '../util/shared.js';

type Node = Record<string, unknown>;

const isObject = (x: unknown): x is Node => x !== null && typeof x === 'object' && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined || x === null ? [] : [x]);
/** `https://schema.org/EventCancelled`, `schema:EventCancelled`, `EventCancelled` → `EventCancelled`. */
const term = (x: unknown): string | undefined => {
  const s = str(isObject(x) ? (pick(x, '@id') ?? pick(x, 'name')) : x);
  // No schema.org term is this long; cut before scanning.
  return s?.slice(0, 200).slice(Math.max(s.lastIndexOf('/', 199), s.lastIndexOf(':', 199), s.lastIndexOf('#', 199)) + 1);
};

/** `https://www.verein.example/page`, `//verein.example/page` → `verein.example`: a link's label. */
function hostLabel(url: string): string {
  const rest = url.slice(0, LIMITS.url).replace(/^(https?:)?\/\/(www\.)?/i, '');
  // indexOf, not `/\/.*$/`: that rescans the rest from every slash when a line break follows (quadratic).
  const slash = rest.indexOf('/');
  return slash < 0 ? rest : rest.slice(0, slash);
}
const types = (n: Node): string[] => list(pick(n, '@type')).map(term).filter((t): t is string => !!t);

const EVENT_TYPES = new Set([
  'Event', 'BusinessEvent', 'ChildrensEvent', 'ComedyEvent', 'CourseInstance', 'DanceEvent', 'DeliveryEvent',
  'EducationEvent', 'EventSeries', 'ExhibitionEvent', 'Festival', 'FoodEvent', 'Hackathon', 'LiteraryEvent',
  'MusicEvent', 'PublicationEvent', 'SaleEvent', 'ScreeningEvent', 'SocialEvent', 'SportsEvent', 'TheaterEvent',
  'VisualArtsEvent',
]);
const INITIATIVE_TYPES: Record<string, InitiativeKind> = {
  Organization: 'organisation', NGO: 'organisation', Corporation: 'organisation', LocalBusiness: 'organisation',
  EducationalOrganization: 'organisation', MedicalOrganization: 'organisation', SportsOrganization: 'organisation',
  PerformingGroup: 'organisation', Consortium: 'network', GovernmentOrganization: 'public-body', Project: 'project',
  ResearchProject: 'project', FundingAgency: 'public-body', OnlineBusiness: 'organisation', Cooperative: 'social-enterprise',
};
const STATUS: Record<string, EventStatus> = {
  EventCancelled: 'cancelled', EventPostponed: 'postponed', EventRescheduled: 'scheduled', EventScheduled: 'scheduled',
  EventMovedOnline: 'scheduled',
};
const MODE: Record<string, EventFormat> = {
  OfflineEventAttendanceMode: 'onsite', OnlineEventAttendanceMode: 'online', MixedEventAttendanceMode: 'hybrid',
};

const isSchemaContext = (c: unknown): boolean =>
  list(c).some((x) => (typeof x === 'string' && /schema\.org/i.test(x)) || (isObject(x) && Object.values(x).some((v) => typeof v === 'string' && /schema\.org/i.test(v))));

/** Whether JSON is schema.org JSON-LD: a `@context` naming schema.org, or nodes with `@type`/`@graph`. */
export function isSchemaOrg(json: unknown): boolean {
  const nodes = list(json);
  return nodes.length > 0 && nodes.every(isObject) && nodes.some((n) => isSchemaContext(pick(n, '@context')) || pick(n, '@graph') !== undefined || pick(n, '@type') !== undefined);
}

const text = (x: unknown) => htmlToText(str(x) ?? (isObject(x) ? str(pick(x, '@value')) : undefined));

function imageOf(x: unknown) {
  const first = list(x)[0];
  const url = str(isObject(first) ? (pick(first, 'contentUrl') ?? pick(first, 'url')) : first);
  if (!url) return undefined;
  return { url, alt: (isObject(first) && text(pick(first, 'caption') ?? pick(first, 'name'))) || '' };
}

function placeOf(x: unknown) {
  if (!isObject(x)) return typeof x === 'string' ? { name: x } : undefined;
  const address = pick(x, 'address');
  const a = isObject(address) ? address : undefined;
  const lat = num(pick(x, 'geo.latitude') ?? pick(x, 'latitude'));
  const lon = num(pick(x, 'geo.longitude') ?? pick(x, 'longitude'));
  const place: Record<string, unknown> = {
    name: text(pick(x, 'name')),
    address: a ? str(pick(a, 'streetAddress')) : str(address),
    postalCode: a ? str(pick(a, 'postalCode')) : undefined,
    town: a ? str(pick(a, 'addressLocality')) : undefined,
    district: a ? str(pick(a, 'addressRegion')) : undefined,
  };
  if (Number.isFinite(lat) && Number.isFinite(lon) && (pick(x, 'geo') !== undefined || pick(x, 'latitude') !== undefined)) place.geo = { lat, lon };
  return place;
}

const keywords = (x: unknown): string[] =>
  list(x).flatMap((k) => (typeof k === 'string' ? k.split(',') : [str(isObject(k) ? pick(k, 'name') : k) ?? ''])).map((k) => k.trim()).filter(Boolean);

function contactOf(x: unknown) {
  const o = list(x)[0];
  if (!isObject(o)) return typeof o === 'string' ? { name: o } : undefined;
  return { name: text(pick(o, 'name')), email: str(pick(o, 'email'))?.replace(/^mailto:/i, ''), phone: str(pick(o, 'telephone')), url: str(pick(o, 'url')) };
}

function eventOf(n: Node, inherited: { location?: unknown; uid?: string } = {}): unknown {
  const start = normalizeDateTime(pick(n, 'startDate'));
  const locations = list(pick(n, 'location') ?? inherited.location);
  const physical = locations.find((l) => !(isObject(l) && types(l).includes('VirtualLocation')));
  const virtual = locations.find((l) => isObject(l) && types(l).includes('VirtualLocation'));
  const statusTerm = term(pick(n, 'eventStatus'));
  let format = MODE[term(pick(n, 'eventAttendanceMode')) ?? ''];
  if (statusTerm === 'EventMovedOnline') format = 'online';
  const superEvent = list(pick(n, 'superEvent'))[0];
  const seriesId = isObject(superEvent) ? str(pick(superEvent, '@id')) ?? str(pick(superEvent, 'url')) ?? str(pick(superEvent, 'name')) : str(superEvent);
  // A page's URL is shared by all dates of a series, so it needs the start to name one occurrence.
  const id = str(pick(n, '@id')) ?? str(pick(n, 'identifier')) ?? `${str(pick(n, 'url')) ?? seriesId ?? text(pick(n, 'name')) ?? 'event'}@${start}`;
  const offer = list(pick(n, 'offers'))[0];
  const superName = isObject(superEvent) ? text(pick(superEvent, 'name')) : undefined;
  return {
    id,
    uid: seriesId ?? inherited.uid,
    title: text(pick(n, 'name')),
    start,
    end: normalizeDateTime(pick(n, 'endDate')),
    description: text(pick(n, 'description')),
    location: physical ? placeOf(physical) : undefined,
    onlineUrl: isObject(virtual) ? str(pick(virtual, 'url')) : undefined,
    format,
    status: STATUS[statusTerm ?? ''] ?? 'scheduled',
    topics: [...keywords(pick(n, 'keywords')), ...(superName ? [superName] : [])],
    url: str(pick(n, 'url')),
    image: imageOf(pick(n, 'image')),
    organizer: contactOf(pick(n, 'organizer')),
    registration: isObject(offer) && str(pick(offer, 'url')) ? { url: str(pick(offer, 'url')) } : undefined,
  };
}

function initiativeOf(n: Node, kind: InitiativeKind): unknown {
  const founded = str(pick(n, 'foundingDate'));
  return {
    id: str(pick(n, '@id')) ?? str(pick(n, 'identifier')) ?? str(pick(n, 'url')) ?? text(pick(n, 'name')),
    name: text(pick(n, 'name')),
    kind,
    summary: text(pick(n, 'slogan') ?? pick(n, 'disambiguatingDescription')),
    description: text(pick(n, 'description')),
    topics: keywords(pick(n, 'keywords') ?? pick(n, 'knowsAbout')),
    region: placeOf(pick(n, 'location') ?? (pick(n, 'address') !== undefined ? { address: pick(n, 'address') } : undefined)),
    contact: { email: str(pick(n, 'email'))?.replace(/^mailto:/i, ''), phone: str(pick(n, 'telephone')), url: str(pick(n, 'url')) },
    links: list(pick(n, 'sameAs')).slice(0, LIMITS.list).map((u) => ({ label: str(u) && hostLabel(str(u)!), url: str(u) })),
    url: str(pick(n, 'url')),
    image: imageOf(pick(n, 'logo') ?? pick(n, 'image')),
    founded: founded && /^\d{4}(-\d{2}-\d{2})?/.test(founded) ? (founded.length >= 10 ? founded.slice(0, 10) : founded.slice(0, 4)) : undefined,
  };
}

/**
 * Maps schema.org JSON-LD (Event and its subtypes with `eventStatus`, `eventAttendanceMode`,
 * `location`, `superEvent`, `subEvent`; Organization, NGO, Project …) to the documented format.
 * Items that do not map are left for validation to drop and count.
 */
export function fromSchemaOrg(json: unknown): MemoryData {
  const events: unknown[] = [];
  const initiatives: unknown[] = [];
  const visited = new Set<unknown>();
  const visit = (x: unknown, depth: number) => {
    if (depth > 6 || events.length + initiatives.length > LIMITS.items) return;
    for (const n of list(x)) {
      if (!isObject(n) || visited.has(n)) continue;
      visited.add(n);
      const t = types(n);
      if (pick(n, '@graph') !== undefined) visit(pick(n, '@graph'), depth + 1);
      if (t.includes('ItemList')) visit(list(pick(n, 'itemListElement')).map((li) => (isObject(li) && pick(li, 'item') !== undefined ? pick(li, 'item') : li)), depth + 1);
      if (t.some((x) => EVENT_TYPES.has(x))) {
        const subs = list(pick(n, 'subEvent'));
        if (pick(n, 'startDate') !== undefined || !subs.length) events.push(eventOf(n));
        const uid = str(pick(n, '@id')) ?? str(pick(n, 'url')) ?? str(pick(n, 'name'));
        // One node may list a million dates; validation keeps no more than LIMITS.items anyway.
        for (const sub of subs.slice(0, LIMITS.items)) if (isObject(sub)) events.push(eventOf(sub, { location: pick(n, 'location'), uid }));
        continue;
      }
      const kind = t.map((x) => INITIATIVE_TYPES[x]).find(Boolean);
      // Other types (WebSite, BreadcrumbList …) are not ours and not counted as invalid.
      if (kind) initiatives.push(initiativeOf(n, kind));
    }
  };
  visit(json, 0);
  return { events, initiatives };
}
