import { distanceKm, findPlace, germanCompare, germanOrder, placeForPostcode, type GeoPoint, type Initiative, type KnownPlace } from '@sozial-innovativ/core';

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

const nameOrders = new WeakMap<readonly Initiative[], (a: number, b: number) => number>();

/**
 * The name order: as in a German dictionary, numbers by value ("Haus 2" before "Haus 10"); equal
 * names by position. One per data load, so the first page and the whole order share their keys
 * (core's `germanCompare`: `Intl.Collator`'s order without creating one for names it knows).
 */
const byName = (items: readonly Initiative[]): ((a: number, b: number) => number) => {
  let compare = nameOrders.get(items);
  if (!compare) {
    const names = germanCompare(items.map((x) => x.name), { numeric: true });
    nameOrders.set(items, (compare = (a, b) => names(a, b) || a - b));
  }
  return compare;
};

/** Whole-list orders, each built on first use, once per data load; a filtered list is then sorted in O(n). */
export interface Orders {
  readonly name: Uint32Array;
  readonly newest: Uint32Array;
  readonly checked: Uint32Array;
  /** Whether the name order is built (until then the first page is picked without it: `firstByName`). */
  readonly hasName: boolean;
}

const order = (n: number, compare: (a: number, b: number) => number): Uint32Array =>
  Uint32Array.from({ length: n }, (_, i) => i).sort(compare);

// Sorting 10 000 names takes 10 ms and more on a cold page: the first page does not wait for it
// (`firstByName`), the element builds it in idle time.
export function buildOrders(items: readonly Initiative[]): Orders {
  let name: Uint32Array | undefined;
  let rank: Uint32Array | undefined;
  const byDate = (date: (x: Initiative) => string | undefined) => {
    if (!rank) {
      rank = new Uint32Array(items.length);
      orders.name.forEach((pos, i) => (rank![pos] = i));
    }
    const r = rank;
    const value = items.map((x) => dateNumber(date(x)));
    return order(items.length, (a, b) => value[b]! - value[a]! || r[a]! - r[b]!);
  };
  let newest: Uint32Array | undefined;
  let checked: Uint32Array | undefined;
  const orders: Orders = {
    get name() {
      return (name ??= germanOrder(items.map((x) => x.name), { numeric: true }));
    },
    get newest() {
      return (newest ??= byDate((x) => x.founded));
    },
    get checked() {
      return (checked ??= byDate((x) => x.lastChecked));
    },
    get hasName() {
      return name !== undefined;
    },
  };
  return orders;
}

/** A name's first letter as a lower-case code when it is a–z (A–Z), else 0. */
const initial = (name: string): number => {
  const c = name.charCodeAt(0) | 0x20;
  return c >= 97 && c <= 122 ? c : 0;
};

/**
 * The first `count` of `positions` in name order, as `orderSubset(orders.name, positions)` would
 * begin, without sorting the whole list: one comparison per position with the last of the best so far.
 */
export function firstByName(items: readonly Initiative[], positions: readonly number[], count: number): number[] {
  const compare = byName(items);
  const best: number[] = [];
  if (count < 1) return best;
  for (const p of positions) {
    if (best.length === count) {
      // A later first letter (a–z, any case) comes later whatever follows: no key needed.
      const a = initial(items[p]!.name);
      const b = initial(items[best[count - 1]!]!.name);
      if ((a && b && a > b) || compare(p, best[count - 1]!) > 0) continue;
    }
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid]!, p) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, p);
    if (best.length > count) best.pop();
  }
  return best;
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
