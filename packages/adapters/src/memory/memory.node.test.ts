import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adapterContract } from '@sozial-innovativ/core/testing';
import { createMemoryAdapter } from './index.js';

const data = {
  events: [
    { id: 'dd', title: 'Sozial.Innovativ mit neuen Ideen für Sachsen', start: '2025-09-07T17:00:00+02:00', end: '2025-09-07T20:00:00+02:00' },
    { id: 'l', title: 'Zukunft unternehmerisch gestalten', start: '2025-10-21T17:00:00+02:00' },
    { id: 'ww', title: 'Den ländlichen Raum stärken', start: '2025-11-09T17:00:00+01:00' },
    { id: 'long', title: 'Ausstellung', start: '2025-08-01', end: '2025-12-01' },
    { id: 'bad', title: '', start: 'never' },
  ],
  initiatives: [{ id: 'bring-together', name: 'bring-together', kind: 'social-enterprise' }],
  offers: [{ id: 'o', name: 'Wohnprojekt', attributes: { rooms: 2 } }],
  questionnaire: { id: 'q', title: 'Wohnen', questions: [{ id: 'kids', kind: 'boolean', label: 'Kinder?' }] },
};

adapterContract('memory', { create: () => createMemoryAdapter(data), range: { from: '2025-10-01T00:00:00Z', to: '2025-11-01T00:00:00Z' } }, { describe, it });

describe('memory adapter', () => {
  it('returns what overlaps the range, long events included, and counts invalid items', async () => {
    const a = createMemoryAdapter(data);
    const r = await a.events!({ from: '2025-10-01T00:00:00Z', to: '2025-11-01T00:00:00Z' });
    assert.deepEqual(r.items.map((e) => e.id).sort(), ['l', 'long']);
    assert.equal(r.dropped, 1);
  });
  it('validates each part on the first call that needs it, and only once', async () => {
    const reads = { events: 0, initiatives: 0, offers: 0, questionnaire: 0 };
    // Counts reads of each part's first entry: only validation reads it.
    const counted = <T extends object>(value: T, part: keyof typeof reads, first: string) =>
      new Proxy(value, { get: (target, key, receiver) => (key === first && reads[part]++, Reflect.get(target, key, receiver)) });
    const a = createMemoryAdapter({
      events: counted(data.events, 'events', '0'),
      initiatives: counted(data.initiatives, 'initiatives', '0'),
      offers: counted(data.offers, 'offers', '0'),
      questionnaire: counted(data.questionnaire, 'questionnaire', 'id'),
    });
    const read = () => Object.entries(reads).filter(([, n]) => n > 0).map(([part]) => part);
    const range = { from: '2025-10-01T00:00:00Z', to: '2025-11-01T00:00:00Z' };
    assert.deepEqual(read(), []);
    assert.equal((await a.events!(range)).dropped, 1);
    assert.deepEqual(read(), ['events']);
    assert.equal((await a.initiative!('bring-together'))?.kind, 'social-enterprise');
    await a.offers!();
    await a.questionnaire!();
    assert.deepEqual(read(), ['events', 'initiatives', 'offers', 'questionnaire']);
    const once = { ...reads };
    assert.equal((await a.events!(range)).dropped, 1);
    assert.equal((await a.initiatives!({})).items.length, 1);
    await a.offers!();
    await a.questionnaire!();
    assert.deepEqual(reads, once);
  });
  it('offers only the capabilities it has data for', () => {
    const a = createMemoryAdapter({ events: [] });
    assert.equal(typeof a.events, 'function');
    assert.equal(a.initiatives, undefined);
  });
});
