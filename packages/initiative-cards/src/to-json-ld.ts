import { safeHttpUrl, type Initiative, type InitiativeKind } from '@sozial-innovativ/core';

// Model → schema.org JSON-LD, for search engines (the opposite direction of the json adapter's
// `from-schema-org.ts`). Loaded after a card shows, and with the list's view.

const TYPES: Record<InitiativeKind, string> = {
  initiative: 'Organization',
  organisation: 'NGO',
  'social-enterprise': 'Organization',
  project: 'Project',
  network: 'Organization',
  'public-body': 'GovernmentOrganization',
};

/** One initiative as a schema.org Organization (NGO, Project, GovernmentOrganization). URLs only http(s). */
export function initiativeToSchemaOrg(x: Initiative): Record<string, unknown> {
  const item: Record<string, unknown> = { '@type': TYPES[x.kind], name: x.name };
  const url = safeHttpUrl(x.url);
  if (url) item.url = url;
  if (x.summary) item.description = x.summary;
  const image = safeHttpUrl(x.image?.url);
  if (image) item.image = image;
  if (x.founded) item.foundingDate = x.founded;
  if (x.topics.length) item.knowsAbout = x.topics;
  if (x.targetGroups.length) item.audience = { '@type': 'Audience', audienceType: x.targetGroups.join(', ') };
  const r = x.region;
  if (r?.town || r?.address || r?.postalCode) {
    item.address = {
      '@type': 'PostalAddress',
      ...(r.address && { streetAddress: r.address }),
      ...(r.postalCode && { postalCode: r.postalCode }),
      ...(r.town && { addressLocality: r.town }),
      addressRegion: 'Sachsen',
      addressCountry: 'DE',
    };
  }
  if (r?.geo) item.geo = { '@type': 'GeoCoordinates', latitude: r.geo.lat, longitude: r.geo.lon };
  if (r?.district) item.areaServed = r.district;
  if (x.contact?.email) item.email = x.contact.email;
  if (x.contact?.phone) item.telephone = x.contact.phone;
  const sameAs = x.links.map((l) => safeHttpUrl(l.url)).filter((u): u is string => !!u);
  if (sameAs.length) item.sameAs = sameAs;
  return item;
}

/** The initiatives on screen as a schema.org ItemList; `total` is the size of the whole result. */
export function itemListJsonLd(items: readonly Initiative[], total = items.length): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    numberOfItems: total,
    itemListElement: items.map((x, i) => ({ '@type': 'ListItem', position: i + 1, item: initiativeToSchemaOrg(x) })),
  };
}
