import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateQuestionnaire, type Question, type Questionnaire } from '@sozial-innovativ/core';
import { encodeAnswers, type Answers } from '../engine/index.js';
import { questionnaire as wohnenRaw } from '../wohnen.fixture.js';
import {
  KEEP_KEY, SHARE_KEY, allowsImportance, answersFromFragment, fragmentWithoutAnswers, linkWithAnswers, readStep, shortlistFromFragment,
} from './answers.js';

const valid = (raw: unknown): Questionnaire => {
  const q = validateQuestionnaire(raw);
  assert.ok(q, 'the questionnaire is valid');
  return q;
};
const demo = (name: string) => valid(JSON.parse(readFileSync(new URL(`../../../../demo/data/${name}.json`, import.meta.url), 'utf8')).questionnaire);
const wohnen = valid(wohnenRaw);
const volunteering = demo('volunteering');
const question = (q: Questionnaire, id: string): Question => q.questions.find((x) => x.id === id)!;
/** A step's form as the browser submits it: `FormData`, one entry per checked or filled control. */
const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};
const read = (id: string, entries: [string, string][] = [], q = wohnen) => readStep(question(q, id), form(entries));

describe('reading a step', () => {
  it('keeps a person on a required question left unanswered, pointing at its first control', () => {
    assert.deepEqual(read('household'), { error: { field: 'answer-0', message: 'errorChoose' } });
    assert.deepEqual(read('household', [['answer', '   ']]), { error: { field: 'answer-0', message: 'errorChoose' } });
    assert.deepEqual(read('topics', [], volunteering), { error: { field: 'answer-0', message: 'errorChooseSome' } });
    const required = (over: object) => valid({ ...wohnenRaw, questions: wohnenRaw.questions.map((x) => ({ ...x, ...over })) });
    assert.deepEqual(readStep(question(required({ required: true }), 'rent'), form([])), { error: { field: 'min', message: 'errorRange' } });
    assert.deepEqual(readStep(question(required({ required: true }), 'where'), form([['radius', '25']])), { error: { field: 'place', message: 'errorPlace' } });
  });

  it('reads an optional question left unanswered as skipped', () => {
    for (const id of ['where', 'rent', 'stepFree', 'community', 'setting']) assert.deepEqual(read(id, [['radius', '25']]), {}, id);
  });

  it('reads each kind of question into its typed answer', () => {
    assert.deepEqual(read('household', [['answer', 'family']]), { answer: { value: 'family' } });
    assert.deepEqual(read('setting', [['answer', 'city'], ['answer', 'village']]), { answer: { value: ['city', 'village'] } });
    assert.deepEqual(read('stepFree', [['answer', 'yes']]), { answer: { value: true } });
    assert.deepEqual(read('stepFree', [['answer', 'no']]), { answer: { value: false } });
    assert.deepEqual(read('community', [['answer', '3']]), { answer: { value: 3 } });
    assert.deepEqual(read('rent', [['min', ''], ['max', '650']]), { answer: { value: { max: 650 } } });
    assert.deepEqual(read('where', [['place', ''], ['postcode', ' 04109 '], ['radius', '25']]), { answer: { value: { postcode: '04109', radius: 25 } } });
    assert.deepEqual(read('where', [['place', 'Leipzig'], ['postcode', ''], ['radius', '50']]), { answer: { value: { place: 'Leipzig', radius: 50 } } });
  });

  it('reads numbers as people type them: spaces, € and a decimal comma', () => {
    assert.deepEqual(read('rent', [['min', '4 50 €'], ['max', '650,5']]), { answer: { value: { min: 450, max: 650.5 } } });
    assert.deepEqual(read('rent', [['min', '600'], ['max', '600']]), { answer: { value: { min: 600, max: 600 } } });
  });

  it('refuses what is no number, a range the wrong way round and a postcode outside Saxony', () => {
    assert.deepEqual(read('rent', [['max', 'viel']]), { error: { field: 'max', message: 'errorNumber' } });
    // Out of range for a double: Infinity is no amount of rent.
    assert.deepEqual(read('rent', [['min', '1e999']]), { error: { field: 'min', message: 'errorNumber' } });
    assert.deepEqual(read('rent', [['min', '700'], ['max', '600']]), { error: { field: 'min', message: 'errorOrder' } });
    assert.deepEqual(read('where', [['postcode', '99999'], ['place', 'Leipzig']]), { error: { field: 'postcode', message: 'errorPostcode' } });
  });

  it('keeps "important to me" only where the question offers it', () => {
    assert.equal(allowsImportance(question(wohnen, 'community')), true);
    assert.equal(allowsImportance(question(wohnen, 'where')), true);
    // A hard constraint filters, and a `seeks` question is the offer's wish: importance changes nothing.
    assert.equal(allowsImportance(question(wohnen, 'rent')), false);
    assert.equal(allowsImportance(question(wohnen, 'household')), false);
    assert.deepEqual(read('community', [['answer', '3'], ['important', 'on']]), { answer: { value: 3, important: true } });
    assert.deepEqual(read('household', [['answer', 'senior'], ['important', 'on']]), { answer: { value: 'senior' } });
    // Skipping drops the mark with the answer.
    assert.deepEqual(read('community', [['important', 'on']]), {});
  });
});

describe('answers in a shared link', () => {
  const answers: Answers = {
    household: { value: 'senior' }, where: { value: { postcode: '04109', radius: 25 } }, rent: { value: { max: 650 } },
    community: { value: 3, important: true }, setting: { value: ['village'] },
  };

  it('puts the answers into the fragment of the page address, replacing any fragment, and reads them back', () => {
    const link = linkWithAnswers('https://www.example.de/wohnen/?region=west#top', answers);
    assert.ok(link.startsWith(`https://www.example.de/wohnen/?region=west#${SHARE_KEY}`), link);
    assert.equal(link.split('#').length, 2);
    assert.deepEqual(answersFromFragment(wohnen, new URL(link).hash), answers);
  });

  it('finds its part among anchors and other widgets\' keys, and removes only that part', () => {
    const hash = `#top&${SHARE_KEY}${encodeAnswers(answers)}&kalender-view=month`;
    assert.deepEqual(answersFromFragment(wohnen, hash), answers);
    assert.equal(fragmentWithoutAnswers(hash), 'top&kalender-view=month');
    assert.equal(fragmentWithoutAnswers(`#${SHARE_KEY}${encodeAnswers(answers)}`), '');
  });

  it('reads nothing from a fragment without answers or with broken ones', () => {
    for (const hash of ['', '#', '#top', `#${SHARE_KEY}`, `#${SHARE_KEY}%E0%A4%A`, `#${SHARE_KEY}kein-json`, `#${SHARE_KEY}${encodeURIComponent('[1,2]')}`, `#${SHARE_KEY}null`]) {
      assert.deepEqual(answersFromFragment(wohnen, hash), {}, hash);
    }
  });

  it('keeps only answers that fit the questionnaire: no unknown ids, options, places or scale points', () => {
    const hostile = {
      household: ['alien'], setting: [['village', 'mars']], where: [{ place: 'Atlantis' }], stepFree: ['yes'],
      community: [99], other: [1], __proto__: [1], rent: [{ min: 'viel' }],
    };
    assert.deepEqual(answersFromFragment(wohnen, `#${SHARE_KEY}${encodeURIComponent(JSON.stringify(hostile))}`), {});
    const edges = { community: [5, 1], setting: [['city']] };
    assert.deepEqual(answersFromFragment(wohnen, `#${SHARE_KEY}${encodeURIComponent(JSON.stringify(edges))}`), {
      community: { value: 5, important: true }, setting: { value: ['city'] },
    });
    assert.deepEqual(answersFromFragment(wohnen, `#${SHARE_KEY}${encodeURIComponent(JSON.stringify({ community: [0] }))}`), {});
  });
});

describe('the shortlist in a shared link', () => {
  const ids = ['a', 'b', 'c,d', 'ä'];
  it('rides beside the answers and comes back in order, only ids that exist, each once', () => {
    const answers: Answers = { household: { value: 'family' } };
    const link = linkWithAnswers('https://www.example.de/wohnen/#top', answers, ['c,d', 'a', 'ä']);
    assert.equal(link, `https://www.example.de/wohnen/#${SHARE_KEY}${encodeAnswers(answers)}&${KEEP_KEY}c%2Cd,a,%C3%A4`);
    const hash = new URL(link).hash;
    assert.deepEqual(shortlistFromFragment(hash, ids), ['c,d', 'a', 'ä']);
    assert.deepEqual(answersFromFragment(wohnen, hash), { household: { value: 'family' } });
    assert.equal(linkWithAnswers('https://x.example/', answers), `https://x.example/#${SHARE_KEY}${encodeAnswers(answers)}`);
  });

  it('treats the fragment as hostile: unknown ids, repeats and broken escapes are dropped', () => {
    assert.deepEqual(shortlistFromFragment(`#${KEEP_KEY}a,a,zzz,%E0%A4%A,b&other=1`, ids), ['a', 'b']);
    assert.deepEqual(shortlistFromFragment('#top', ids), []);
    assert.deepEqual(shortlistFromFragment(`#${KEEP_KEY}`, ids), []);
  });

  it('is dropped from the address together with the answers', () => {
    assert.equal(fragmentWithoutAnswers(`#top&${SHARE_KEY}x&${KEEP_KEY}a,b&kalender-view=month`), 'top&kalender-view=month');
  });
});
