import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createIcalAdapter } from './index.js';
import { quirkCases, runQuirk } from './quirks.cases.js';

describe('ical adapter: feeds as generators write them (issue #12)', () => {
  for (const c of quirkCases) {
    it(`${c.name} [${c.generator}]`, async () => {
      assert.deepEqual(await runQuirk(c), []);
    });
  }

  it('writes every case feed as a generator would: CRLF, folded at 75 octets', () => {
    const utf8 = new TextEncoder();
    for (const c of quirkCases) {
      assert.ok(c.feed.endsWith('END:VCALENDAR\r\n') && !/[^\r]\n/.test(c.feed), c.name);
      for (const line of c.feed.split('\r\n')) assert.ok(utf8.encode(line).length <= 75, `${c.name}: ${line}`);
    }
    assert.ok(quirkCases.some((c) => c.feed.includes('\r\n ')), 'some lines are folded');
  });

  it('keeps the ids of events without UID when other events are added before them', async () => {
    const c = quirkCases.find((q) => q.feed.includes('Abfuhrkalender'))!;
    const before = (await createIcalAdapter({ text: c.feed }).events(c.range)).items.map((e) => e.id);
    const added = c.feed.replace('BEGIN:VEVENT', 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250103\r\nSUMMARY:Papiertonne\r\nEND:VEVENT\r\nBEGIN:VEVENT');
    const after = (await createIcalAdapter({ text: added }).events(c.range)).items.map((e) => e.id);
    assert.equal(after.length, before.length + 1);
    assert.deepEqual(after.filter((id) => before.includes(id)), before);
  });
});
