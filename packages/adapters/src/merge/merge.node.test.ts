import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdapterError, type DataAdapter } from '@sozial-innovativ/core';
import { adapterContract, failingAdapter, gatedAdapter, spyAdapter, staleAdapter, stalledAdapter } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from '../memory/index.js';
import { createMergedAdapter, mergedAdapterFromOptions } from './index.js';

const all = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

// Three organisers; the Impact Hub lists the dialogue's December date too (same UID, same instant).
const dialog = createMemoryAdapter({
  events: [
    { id: 'd1', uid: 'dialog@si', title: 'Dialogreihe: Wohnen', start: '2026-12-08T17:00:00+01:00' },
    { id: 'd2', uid: 'dialog@si', title: 'Dialogreihe: Wohnen', start: '2026-12-15T17:00:00+01:00' },
    { id: 'bad', title: '', start: 'nie' },
  ],
});
const hub = createMemoryAdapter({
  events: [
    { id: '1', title: 'Impact Hub: Gründungsfrühstück', start: '2026-12-09T09:00:00+01:00', source: { name: 'hub.ics', url: 'https://hub.example.test/' } },
    // The same occurrence, written in UTC: still the same start.
    { id: 'copy', uid: 'dialog@si', title: 'Dialogreihe (bei uns)', start: '2026-12-08T16:00:00Z' },
    { id: 'x', title: 'kaputt', start: 'kaputt' },
    { id: 'y', title: 'kaputt', start: 'auch kaputt' },
  ],
});
const telux = createMemoryAdapter({
  events: [
    // Numbered like the Impact Hub's: both are id 1.
    { id: '1', title: 'TELUX: Werkstattabend', start: '2026-12-08T18:30:00+01:00' },
    { id: 'early', title: 'TELUX: Sommerfest', start: '2026-06-20' },
  ],
});
const three = () => createMergedAdapter([
  { adapter: dialog, label: 'Dialogreihe' },
  { adapter: hub, label: 'Impact Hub' },
  { adapter: telux, label: 'TELUX' },
]);

adapterContract('merge', { create: three, range: { from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' } }, { describe, it });

describe('merged sources', () => {
  it('merges every source by start time and labels each event with its source', async () => {
    const r = await three().events!(all);
    assert.deepEqual(r.items.map((e) => [e.title, e.source?.name]), [
      ['TELUX: Sommerfest', 'TELUX'],
      ['Dialogreihe: Wohnen', 'Dialogreihe'],
      ['TELUX: Werkstattabend', 'TELUX'],
      ['Impact Hub: Gründungsfrühstück', 'Impact Hub'],
      ['Dialogreihe: Wohnen', 'Dialogreihe'],
    ]);
    // The label replaces the name only; the source's link stays.
    assert.deepEqual(r.items[3]!.source, { name: 'Impact Hub', url: 'https://hub.example.test/' });
  });

  it('lists an event that several sources have (same UID and start) once, from the first source', async () => {
    const r = await three().events!(all);
    assert.deepEqual(r.items.filter((e) => e.uid === 'dialog@si').map((e) => e.id), ['d1', 'd2']);
    assert(!r.items.some((e) => e.title === 'Dialogreihe (bei uns)'));
  });

  it('keeps events apart that share only an id, and gives each its own id', async () => {
    const r = await three().events!(all);
    const ids = r.items.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(r.items.filter((e) => e.id.startsWith('1')).map((e) => e.title).sort(), ['Impact Hub: Gründungsfrühstück', 'TELUX: Werkstattabend']);
  });

  it('sums the invalid items of every source and reports how many sources there are', async () => {
    const r = await three().events!(all);
    assert.equal(r.dropped, 3);
    assert.deepEqual(r.sources, { total: 3, failed: 0, failures: [] });
  });

  it('does not change the sources\' own items', async () => {
    const before = (await hub.events!(all)).items.map((e) => ({ ...e }));
    await three().events!(all);
    assert.deepEqual((await hub.events!(all)).items, before);
  });

  it('shows the others when one source fails, and says which one', async () => {
    const down = new AdapterError('http', 'HTTP 503 Service Unavailable', 503);
    const merged = createMergedAdapter([
      { adapter: dialog, label: 'Dialogreihe' },
      { adapter: failingAdapter(() => down), label: 'Impact Hub' },
      { adapter: telux, label: 'TELUX' },
      { adapter: { kind: 'initiatives-only' }, label: 'Verzeichnis' },
    ]);
    const r = await merged.events!(all);
    assert.deepEqual(r.items.map((e) => e.source?.name), ['TELUX', 'Dialogreihe', 'TELUX', 'Dialogreihe']);
    assert.equal(r.sources?.total, 4);
    assert.equal(r.sources?.failed, 2);
    assert.deepEqual(r.sources?.failures?.map((f) => f.label), ['Impact Hub', 'Verzeichnis']);
    assert.equal(r.sources?.failures?.[0]!.error, down);
    assert.equal((r.sources?.failures?.[1]!.error as AdapterError).kind, 'unsupported');
  });

  it('fails with the first error when every source fails', async () => {
    const merged = createMergedAdapter([
      { adapter: failingAdapter(), label: 'A' },
      { adapter: failingAdapter(() => new AdapterError('network', 'offline')), label: 'B' },
    ]);
    await assert.rejects(merged.events!(all), (e: AdapterError) => e.kind === 'http' && e.status === 503);
  });

  it('is stale when a source served its cache, with the oldest fetch time', async () => {
    const fetchedAt = Date.parse('2026-12-01T08:30:00Z');
    const r = await createMergedAdapter([
      { adapter: dialog, label: 'Dialogreihe' },
      { adapter: staleAdapter(telux, { fetchedAt }), label: 'TELUX' },
    ]).events!(all);
    assert.equal(r.stale, true);
    assert.equal(r.fetchedAt, fetchedAt);
    assert.equal((await three().events!(all)).stale, undefined);
  });

  it('passes the query and the signal to every source', async () => {
    const spies = [spyAdapter(dialog), spyAdapter(telux)];
    const seen: (AbortSignal | undefined)[] = [];
    const watching: DataAdapter = { kind: 'watching', events: async (q, o) => (seen.push(o?.signal), hub.events!(q, o)) };
    const signal = new AbortController().signal;
    await createMergedAdapter([...spies.map((adapter, i) => ({ adapter, label: String(i) })), { adapter: watching, label: 'w' }]).events!(all, { signal });
    for (const spy of spies) assert.deepEqual(spy.calls, [{ method: 'events', args: [all] }]);
    assert.deepEqual(seen, [signal]);
  });

  it('rejects with the abort at once, even while a source ignores the signal', async () => {
    const controller = new AbortController();
    const pending = createMergedAdapter([{ adapter: dialog, label: 'A' }, { adapter: stalledAdapter(), label: 'B' }]).events!(all, { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, (e: Error) => e.name === 'AbortError');
    await assert.rejects(createMergedAdapter([{ adapter: dialog, label: 'A' }]).events!(all, { signal: controller.signal }), (e: Error) => e.name === 'AbortError');
  });

  it('reports an abort the sources saw as an abort, not as failed sources', async () => {
    const controller = new AbortController();
    const { adapter, release } = gatedAdapter(dialog);
    const pending = createMergedAdapter([{ adapter, label: 'A' }, { adapter: telux, label: 'B' }]).events!(all, { signal: controller.signal });
    controller.abort();
    release();
    await assert.rejects(pending, (e: Error) => e.name === 'AbortError');
  });

  it('hands the whole series over from the first source that has it', () => {
    const series = (uid: string, ics: string) => ({ ...telux, seriesIcs: (u: string) => (u === uid ? ics : undefined) });
    const merged = createMergedAdapter([
      { adapter: dialog, label: 'A' },
      { adapter: series('dialog@si', 'BEGIN:VCALENDAR first'), label: 'B' },
      { adapter: series('dialog@si', 'BEGIN:VCALENDAR second'), label: 'C' },
    ]);
    assert.equal(merged.seriesIcs('dialog@si'), 'BEGIN:VCALENDAR first');
    assert.equal(merged.seriesIcs('other'), undefined);
  });

  it('refuses a declarative merge without nested sources', () => {
    assert.throws(() => mergedAdapterFromOptions({}), (e: AdapterError) => e.kind === 'config');
    assert.throws(() => mergedAdapterFromOptions({ sources: [] }), (e: AdapterError) => e.kind === 'config');
    assert.equal(mergedAdapterFromOptions({ sources: [{ adapter: dialog, label: 'A' }] }).kind, 'merge');
  });
});
