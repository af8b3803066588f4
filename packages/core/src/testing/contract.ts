import type { DataAdapter, EventQuery } from '../adapter.js';
import { CalendarEventSchema } from '../model/event.js';
import { eventBounds } from '../time/dates.js';
import { overlapsRange } from '../time/range.js';
import { InitiativeSchema } from '../model/initiative.js';
import { MatchOfferSchema, QuestionnaireSchema } from '../model/match.js';
import * as v from 'valibot';

/** The test functions of whatever runner is in use (mocha in the browser, `node:test` in Node). */
export interface SuiteRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  describe: (name: string, fn: () => void) => any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  it: (name: string, fn: () => Promise<void>) => any;
}

export interface ContractOptions {
  /** Creates a fresh adapter loaded with fixture data. */
  create: () => DataAdapter | Promise<DataAdapter>;
  /** A range that holds some, but not all, of the fixture events. */
  range?: EventQuery;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Adapter contract: ${message}`);
}

const aborted = () => {
  const c = new AbortController();
  c.abort();
  return c.signal;
};

/**
 * The contract every adapter, ours or a third party's, must meet. Call it inside your test file:
 * `adapterContract('my adapter', { create }, { describe, it })`.
 */
export function adapterContract(name: string, options: ContractOptions, runner: SuiteRunner): void {
  const { describe, it } = runner;
  describe(`${name}: adapter contract`, () => {
    it('names its kind and offers at least one capability', async () => {
      const a = await options.create();
      assert(typeof a.kind === 'string' && a.kind.length > 0, '`kind` must be a non-empty string');
      assert(['events', 'initiatives', 'questionnaire', 'offers'].some((c) => typeof a[c as keyof DataAdapter] === 'function'), 'no capability');
    });

    it('returns only valid events with unique ids inside the requested range', async () => {
      const a = await options.create();
      if (!a.events) return;
      const range = options.range ?? { from: '1900-01-01T00:00:00Z', to: '2200-01-01T00:00:00Z' };
      const all = await a.events({ from: '1900-01-01T00:00:00Z', to: '2200-01-01T00:00:00Z' });
      const some = await a.events(range);
      for (const result of [all, some]) {
        assert(Array.isArray(result.items) && typeof result.dropped === 'number' && typeof result.fetchedAt === 'number', 'result shape');
        const ids = new Set<string>();
        for (const e of result.items) {
          assert(v.safeParse(CalendarEventSchema, e).success, `event ${e.id} does not match the model`);
          assert(!ids.has(e.id), `duplicate occurrence id ${e.id}`);
          ids.add(e.id);
        }
      }
      const from = Date.parse(range.from);
      const to = Date.parse(range.to);
      for (const e of some.items) {
        const [start, end] = eventBounds(e);
        assert(overlapsRange(start, end, from, to), `event ${e.id} (${e.start}) lies outside ${range.from}…${range.to}`);
      }
      if (options.range) assert(some.items.length < all.items.length || all.items.length === 0, 'the range did not narrow the result');
    });

    it('returns only valid initiatives with unique ids', async () => {
      const a = await options.create();
      if (!a.initiatives) return;
      const result = await a.initiatives({});
      const ids = new Set<string>();
      for (const i of result.items) {
        assert(v.safeParse(InitiativeSchema, i).success, `initiative ${i.id} does not match the model`);
        assert(!ids.has(i.id), `duplicate initiative id ${i.id}`);
        ids.add(i.id);
      }
      if (a.initiative && result.items[0]) {
        const one = await a.initiative(result.items[0].id);
        assert(one?.id === result.items[0].id, '`initiative(id)` does not find a listed initiative');
        assert((await a.initiative('\u0000no-such-id')) === undefined, '`initiative(id)` must return undefined for an unknown id');
      }
    });

    it('returns a valid questionnaire and valid offers', async () => {
      const a = await options.create();
      if (a.questionnaire) assert(v.safeParse(QuestionnaireSchema, await a.questionnaire()).success, 'invalid questionnaire');
      if (a.offers) {
        const result = await a.offers();
        for (const o of result.items) assert(v.safeParse(MatchOfferSchema, o).success, `offer ${o.id} does not match the model`);
      }
    });

    it('rejects with an AbortError when the signal is already aborted', async () => {
      const a = await options.create();
      const calls: Array<Promise<unknown>> = [];
      const signal = aborted();
      if (a.events) calls.push(a.events({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }, { signal }));
      if (a.initiatives) calls.push(a.initiatives({}, { signal }));
      if (a.offers) calls.push(a.offers({ signal }));
      if (a.questionnaire) calls.push(a.questionnaire({ signal }));
      for (const call of calls) {
        const outcome = await call.then(() => 'resolved', (e: unknown) => (e as Error)?.name);
        assert(outcome === 'AbortError', `expected AbortError, got ${outcome}`);
      }
    });
  });
}
