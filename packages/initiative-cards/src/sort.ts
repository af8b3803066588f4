import { distanceKm, findPlace, placeForPostcode, type GeoPoint, type Initiative, type KnownPlace } from '@sozial-innovativ/core';

export { SORT_KEYS, isSortKey, type SortKey } from './keys.js';

/** A town or district name, or a five-digit postcode, as one of core's shipped places. */
export function resolveNear(near: string | undefined): KnownPlace | undefined {
  const value = near?.trim();
  if (!value) return undefined;
  return /^\d{5}$/.test(value) ? placeForPostcode(value) : findPlace(value);
}

/** Where an initiative is: its coordinates, else the centre of its town or district. */
export function locate(x: Initiative): GeoPoint | undefined {
  return x.region?.geo ?? findPlace(x.region?.town ?? '')?.geo ?? findPlace(x.region?.district ?? '')?.geo;
}

/** `2019` → 20190000, `2019-05-01` → 20190501: comparable numbers; missing dates sort last. */
const dateNumber = (s: string | undefined): number => (s ? Number(s.replace(/-/g, '').padEnd(8, '0')) : -Infinity);

const collator = new Intl.Collator('de', { numeric: true });

/** Whole-list orders, built once per data load; a filtered list is then sorted in O(n). */
export interface Orders {
  name: Uint32Array;
  newest: Uint32Array;
  checked: Uint32Array;
}

const order = (n: number, compare: (a: number, b: number) => number): Uint32Array =>
  Uint32Array.from({ length: n }, (_, i) => i).sort(compare);

/** The name order at once (the first page needs it); the date orders on first use. */
export function buildOrders(items: readonly Initiative[]): Orders {
  const name = order(items.length, (a, b) => collator.compare(items[a]!.name, items[b]!.name));
  let rank: Uint32Array | undefined;
  const byDate = (date: (x: Initiative) => string | undefined) => {
    if (!rank) {
      rank = new Uint32Array(items.length);
      name.forEach((pos, i) => (rank![pos] = i));
    }
    const r = rank;
    const value = items.map((x) => dateNumber(date(x)));
    return order(items.length, (a, b) => value[b]! - value[a]! || r[a]! - r[b]!);
  };
  let newest: Uint32Array | undefined;
  let checked: Uint32Array | undefined;
  return {
    name,
    get newest() {
      return (newest ??= byDate((x) => x.founded));
    },
    get checked() {
      return (checked ??= byDate((x) => x.lastChecked));
    },
  };
}

/** Distances from `from` in km (Infinity when unknown) and the order nearest first. */
export function distanceOrder(items: readonly Initiative[], from: GeoPoint, nameOrder: Uint32Array): { km: Float64Array; order: Uint32Array } {
  const km = Float64Array.from(items, (x) => {
    const at = locate(x);
    return at ? distanceKm(from, at) : Infinity;
  });
  const rank = new Uint32Array(items.length);
  nameOrder.forEach((pos, i) => (rank[pos] = i));
  const sorted = order(items.length, (a, b) => (km[a] === km[b] ? rank[a]! - rank[b]! : km[a]! < km[b]! ? -1 : 1));
  return { km, order: sorted };
}

/** The members of `positions` in the sequence of a whole-list `order`: O(list length). */
export function orderSubset(order: ArrayLike<number>, positions: readonly number[]): number[] {
  if (positions.length === order.length) return Array.from(order);
  const member = new Uint8Array(order.length);
  for (const p of positions) member[p] = 1;
  const out: number[] = [];
  for (let i = 0; i < order.length; i++) if (member[order[i]!]) out.push(order[i]!);
  return out;
}
