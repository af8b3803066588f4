import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateEvents, validateInitiatives, validateOffers, validateQuestionnaire, LIMITS } from './index.js';

const event = (over: Record<string, unknown> = {}) => ({
  id: 'e1', title: 'Sozial.Innovativ den ländlichen Raum stärken', start: '2025-11-09T17:00:00+01:00', ...over,
});

describe('validateEvents', () => {
  it('keeps valid events and fills defaults', () => {
    const { items, dropped } = validateEvents([event(), event({ id: 'e2', start: '2025-11-10' })]);
    assert.equal(dropped, 0);
    assert.equal(items[0]!.uid, 'e1');
    assert.equal(items[0]!.timeZone, 'Europe/Berlin');
    assert.equal(items[0]!.status, 'scheduled');
    assert.equal(items[0]!.allDay, false);
    assert.equal(items[1]!.allDay, true);
  });
  it('drops and counts invalid items without failing the rest', () => {
    const { items, dropped } = validateEvents([
      event(), null, 'x', event({ title: '' }), event({ start: '21.10.2025' }), event({ end: '2020-01-01T00:00:00Z' }),
      event({ timeZone: 'Mars/Olympus' }), event({ status: 'maybe' }),
    ]);
    assert.equal(items.length, 1);
    assert.equal(dropped, 7);
  });
  it('caps long strings and lists', () => {
    const { items } = validateEvents([event({ title: 'x'.repeat(1_000_000), topics: Array(500).fill('Wohnen') })]);
    assert.equal(items[0]!.title.length, LIMITS.shortText);
    assert.equal(items[0]!.topics.length, LIMITS.list);
  });
  it('caps the number of items', () => {
    const many = Array.from({ length: LIMITS.items + 10 }, (_, i) => event({ id: `e${i}` }));
    const { items, dropped } = validateEvents(many);
    assert.equal(items.length, LIMITS.items);
    assert.equal(dropped, 10);
  });
  it('is safe against prototype pollution and keeps only known keys', () => {
    const hostile = JSON.parse('{"id":"p","title":"t","start":"2025-01-01","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"extra":1}');
    const { items } = validateEvents([hostile]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.hasOwn(items[0]!, 'extra'), false);
    assert.equal(Object.getPrototypeOf(items[0]), Object.prototype);
  });
  it('rejects a non-array as one dropped item', () => {
    assert.deepEqual(validateEvents({ not: 'a list' }), { items: [], dropped: 1 });
  });
});

describe('validateInitiatives / offers / questionnaire', () => {
  it('validates initiatives and drops bad links only', () => {
    const { items } = validateInitiatives([{ id: 'bring-together', name: 'bring-together', kind: 'social-enterprise', links: [{ label: 'Web', url: 'https://www.bring-together.de' }, { nope: 1 }] }]);
    assert.equal(items[0]!.links.length, 1);
    assert.equal(items[0]!.kind, 'social-enterprise');
  });
  it('validates offers with attribute records without prototype keys', () => {
    const offer = JSON.parse('{"id":"o1","name":"Wohnprojekt","attributes":{"__proto__":{"polluted":1},"rooms":3},"seeks":{"household":["family"]}}');
    const { items } = validateOffers([offer]);
    assert.equal(items[0]!.attributes.rooms, 3);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
  it('accepts a questionnaire and rejects one without questions', () => {
    assert.ok(validateQuestionnaire({ id: 'q', title: 'Wohnen', questions: [{ id: 'a', kind: 'boolean', label: 'Kinder?' }] }));
    assert.equal(validateQuestionnaire({ id: 'q', title: 'Wohnen', questions: [] }), undefined);
  });
});
