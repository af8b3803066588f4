import type { GeoPoint } from '../model/common.js';
import { foldText } from '../i18n/index.js';

/**
 * Towns of Saxony with their district (Landkreis or kreisfreie Stadt), coordinates of the town
 * centre and postcode prefixes. Shipped with the library so "near me" needs no geocoder, no
 * location prompt and no request: a visitor picks a town or types a postcode.
 * Coordinates are rounded to 0.01° (about 1 km), enough for distances in km.
 */
export interface KnownPlace {
  name: string;
  district: string;
  geo: GeoPoint;
  /** Postcode prefixes (3–5 digits) that lie in or around this town. */
  postcodes: readonly string[];
}

const p = (name: string, district: string, lat: number, lon: number, ...postcodes: string[]): KnownPlace => ({
  name, district, geo: { lat, lon }, postcodes,
});

export const SAXON_PLACES: readonly KnownPlace[] = [
  p('Dresden', 'Dresden', 51.05, 13.74, '010', '011', '012', '013'),
  p('Leipzig', 'Leipzig', 51.34, 12.37, '041', '042', '043'),
  p('Chemnitz', 'Chemnitz', 50.83, 12.92, '091', '0920', '0922', '0923', '0924'),
  p('Zwickau', 'Zwickau', 50.72, 12.49, '0805', '0806'),
  p('Plauen', 'Vogtlandkreis', 50.50, 12.14, '0852'),
  p('Görlitz', 'Görlitz', 51.15, 14.99, '0282'),
  p('Bautzen', 'Bautzen', 51.18, 14.42, '0262', '0263'),
  p('Weißwasser', 'Görlitz', 51.50, 14.64, '0294'),
  p('Hoyerswerda', 'Bautzen', 51.44, 14.25, '0297'),
  p('Freiberg', 'Mittelsachsen', 50.92, 13.34, '0959', '0960'),
  p('Meißen', 'Meißen', 51.16, 13.47, '0166'),
  p('Pirna', 'Sächsische Schweiz-Osterzgebirge', 50.96, 13.94, '0179'),
  p('Riesa', 'Meißen', 51.31, 13.29, '0158'),
  p('Radebeul', 'Meißen', 51.11, 13.66, '0144'),
  p('Freital', 'Sächsische Schweiz-Osterzgebirge', 51.00, 13.65, '0170'),
  p('Döbeln', 'Mittelsachsen', 51.12, 13.12, '0472'),
  p('Torgau', 'Nordsachsen', 51.56, 13.00, '0486'),
  p('Delitzsch', 'Nordsachsen', 51.53, 12.34, '0450'),
  p('Grimma', 'Leipzig (Landkreis)', 51.24, 12.73, '0466'),
  p('Borna', 'Leipzig (Landkreis)', 51.12, 12.50, '0455'),
  p('Markkleeberg', 'Leipzig (Landkreis)', 51.28, 12.37, '0441'),
  p('Annaberg-Buchholz', 'Erzgebirgskreis', 50.58, 13.00, '0945'),
  p('Aue-Bad Schlema', 'Erzgebirgskreis', 50.59, 12.70, '0828', '0830'),
  p('Zittau', 'Görlitz', 50.90, 14.81, '0276'),
  p('Kamenz', 'Bautzen', 51.27, 14.09, '0191'),
  p('Großenhain', 'Meißen', 51.29, 13.53, '0155'),
  p('Mittweida', 'Mittelsachsen', 50.99, 12.98, '0964'),
  p('Glauchau', 'Zwickau', 50.82, 12.54, '0837'),
  p('Reichenbach im Vogtland', 'Vogtlandkreis', 50.62, 12.30, '0846'),
  p('Oschatz', 'Nordsachsen', 51.30, 13.11, '0475'),
  p('Wurzen', 'Leipzig (Landkreis)', 51.37, 12.74, '0480'),
  p('Eilenburg', 'Nordsachsen', 51.46, 12.63, '0483'),
  p('Löbau', 'Görlitz', 51.10, 14.67, '0270'),
  p('Niesky', 'Görlitz', 51.29, 14.82, '0290'),
  p('Marienberg', 'Erzgebirgskreis', 50.65, 13.16, '0949'),
  p('Stollberg', 'Erzgebirgskreis', 50.71, 12.78, '0936'),
  p('Limbach-Oberfrohna', 'Zwickau', 50.86, 12.76, '0921'),
  p('Crimmitschau', 'Zwickau', 50.82, 12.39, '0845'),
  p('Werdau', 'Zwickau', 50.73, 12.38, '0841'),
  p('Auerbach/Vogtl.', 'Vogtlandkreis', 50.51, 12.40, '0820'),
  p('Oelsnitz/Vogtl.', 'Vogtlandkreis', 50.41, 12.17, '0860'),
  p('Schwarzenberg', 'Erzgebirgskreis', 50.54, 12.78, '0834'),
  p('Heidenau', 'Sächsische Schweiz-Osterzgebirge', 50.98, 13.87, '0180'),
  p('Coswig', 'Meißen', 51.13, 13.58, '0164'),
  p('Sebnitz', 'Sächsische Schweiz-Osterzgebirge', 50.97, 14.28, '0185'),
  p('Dippoldiswalde', 'Sächsische Schweiz-Osterzgebirge', 50.89, 13.67, '0174'),
  p('Schkeuditz', 'Nordsachsen', 51.40, 12.22, '0443'),
  p('Taucha', 'Nordsachsen', 51.38, 12.49, '0442'),
  p('Bischofswerda', 'Bautzen', 51.13, 14.18, '0187'),
  p('Flöha', 'Mittelsachsen', 50.86, 13.07, '0955'),
];

/**
 * The 13 districts: 10 Landkreise and the 3 kreisfreie Städte, in German order. Written out, not
 * sorted when the module loads: German collation loads ICU's collator, about 7 ms of a cold page
 * that may not even show a place (geo.node.test.ts checks it against the places).
 */
export const SAXON_DISTRICTS: readonly string[] = [
  'Bautzen', 'Chemnitz', 'Dresden', 'Erzgebirgskreis', 'Görlitz', 'Leipzig', 'Leipzig (Landkreis)', 'Meißen',
  'Mittelsachsen', 'Nordsachsen', 'Sächsische Schweiz-Osterzgebirge', 'Vogtlandkreis', 'Zwickau',
];

const fold = (s: string) => foldText(s).trim();

/** The town (or, for a district name, its largest town) by name, ignoring case and accents. */
export function findPlace(name: string): KnownPlace | undefined {
  // Longer than any Saxon place or district name: no need to fold a pasted page.
  if (name.length > 100) return undefined;
  const key = fold(name);
  if (!key) return undefined;
  return SAXON_PLACES.find((x) => fold(x.name) === key) ?? SAXON_PLACES.find((x) => fold(x.district) === key);
}

/** The town whose postcode prefix matches `postcode` best (longest prefix); 5 digits needed. */
export function placeForPostcode(postcode: string): KnownPlace | undefined {
  if (postcode.length > 20) return undefined;
  const code = postcode.trim();
  if (!/^\d{5}$/.test(code)) return undefined;
  let best: KnownPlace | undefined;
  let bestLength = 0;
  for (const place of SAXON_PLACES) {
    for (const prefix of place.postcodes) {
      if (prefix.length > bestLength && code.startsWith(prefix)) {
        best = place;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
