import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { commonMessages, createTranslator, dateFormat, foldText, formatCount, loadCommonMessages, localize, normalizeLang, plural } from './index.js';
import { VERSION } from '../version.js';
import { readFileSync } from 'node:fs';

describe('i18n', () => {
  it('normalizes languages, defaulting to German', () => {
    assert.equal(normalizeLang('de-DE'), 'de');
    assert.equal(normalizeLang('en_GB'), 'en');
    assert.equal(normalizeLang('hsb'), 'hsb');
    assert.equal(normalizeLang('fr'), 'de');
    assert.equal(normalizeLang(undefined), 'de');
  });
  it('has the shared messages in German until a language is loaded, then in that language', async () => {
    const t = createTranslator(commonMessages, 'en');
    if (!commonMessages.en) assert.equal(t('retry'), 'Erneut versuchen');
    await loadCommonMessages('en');
    assert.equal(t('retry'), 'Try again');
  });
  it('translates with fallback from Upper Sorbian to German', async () => {
    await loadCommonMessages('hsb');
    const t = createTranslator(commonMessages, 'hsb');
    assert.equal(t('retry'), 'Hišće raz spytać');
    assert.equal(t('error.http'), commonMessages.de['error.http']);
  });
  it('uses the Upper Sorbian dual', async () => {
    await loadCommonMessages('hsb');
    assert.equal(plural('hsb', 2, { one: 'one', two: 'dual {n}', few: 'few', other: 'other' }), 'dual 2');
    assert.equal(createTranslator(commonMessages, 'hsb')('dropped', 2), '2 njepłaćiwej zapiskaj staj so wuwostajiłoj.');
  });
  it('says how many of a merged calendar\'s sources are down, and which, in German and English', async () => {
    await loadCommonMessages('en');
    const de = createTranslator(commonMessages, 'de');
    const en = createTranslator(commonMessages, 'en');
    assert.equal(de('sourcesFailed', 1, 4, 'Impact Hub', '08.12.2026, 10:15'), '1 von 4 Kalendern ist gerade nicht erreichbar (Impact Hub). Stand: 08.12.2026, 10:15.');
    assert.equal(de('sourcesFailed', 2, 3, '', '08.12.2026, 10:15'), '2 von 3 Kalendern sind gerade nicht erreichbar. Stand: 08.12.2026, 10:15.');
    assert.equal(en('sourcesFailed', 2, 4, 'A, B', '8 Dec 2026, 10:15'), '2 of 4 calendars are unavailable right now (A, B). As of 8 Dec 2026, 10:15.');
  });
  it('formats German times on a 24-hour clock', () => {
    const f = dateFormat('de', { timeStyle: 'short', timeZone: 'Europe/Berlin' });
    assert.equal(f.format(Date.parse('2025-10-21T15:00:00Z')), '17:00');
  });
  it('picks localized and easy-to-read text', () => {
    const text = { de: 'Wohnen', en: 'Housing', 'de-x-ls': 'Zusammen wohnen' };
    assert.equal(localize(text, 'en'), 'Housing');
    assert.equal(localize(text, 'hsb'), 'Wohnen');
    assert.equal(localize(text, 'de', true), 'Zusammen wohnen');
    assert.equal(localize('Nur Deutsch', 'en'), 'Nur Deutsch');
  });
  it('keeps VERSION in step with package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(VERSION, pkg.version);
  });
});

// The full fold, as foldText did before its ASCII shortcut.
const fullFold = (s: string) => s.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

describe('foldText', () => {
  it('folds the German way', () => {
    assert.equal(foldText('Weißwasser'), 'weisswasser');
    assert.equal(foldText('Öko-Dorf GÖRLITZ'), 'oko-dorf gorlitz');
    assert.equal(foldText('Impact Hub'), 'impact hub');
  });
  it('gives the full fold for any text, ASCII or not', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => assert.equal(foldText(s), fullFold(s))), { numRuns: 5000 });
    fc.assert(fc.property(fc.string(), (s) => assert.equal(foldText(s), fullFold(s))), { numRuns: 5000 });
  });
});

describe('formatCount', () => {
  it('gives what Intl.NumberFormat gives, in every language', () => {
    for (const lang of ['de', 'en', 'hsb'] as const) {
      const intl = new Intl.NumberFormat({ de: 'de-DE', en: 'en-GB', hsb: 'hsb' }[lang]);
      for (const n of [0, 1, 2, 7, 42, 999, -5, 1000, 10_000, 1_234_567, 2.5, -1000]) assert.equal(formatCount(lang, n), intl.format(n), `${lang} ${n}`);
    }
  });
});
