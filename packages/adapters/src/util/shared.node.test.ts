import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText, normalizeDateTime, num, withAbsoluteUrls } from './shared.js';

describe('htmlToText', () => {
  it('drops tags, scripts and styles, breaks lines at <br> and block ends, decodes entities', () => {
    assert.equal(
      htmlToText('<p>Offen <b>für</b>&nbsp;alle</p><script>alert(1)</script><style>p{}</style><br/>Eintritt&#58; 5&#x20AC;'),
      'Offen für alle\nEintritt: 5€',
    );
    assert.equal(htmlToText('Kaffee &amp;lt;3 &valueOf; &constructor; &#xD800; &#0;'), 'Kaffee &lt;3 &valueOf; &constructor;');
  });

  it('keeps text after an unclosed <script> or a stray <', () => {
    assert.equal(htmlToText('a < b'), 'a < b');
    assert.equal(htmlToText('<script>x'), 'x');
    assert.equal(htmlToText('<script>x</script>y<script>z'), 'yz');
    assert.equal(htmlToText('<<<<'), '<<<<');
  });

  it('turns each run of white space into one space, or one line break when it holds one', () => {
    assert.equal(htmlToText(`a${'\u2003'.repeat(1000)}b \t\r\n\n  c`), 'a b\nc');
  });
});

describe('num', () => {
  it('reads numbers and numeric strings only', () => {
    assert.equal(num(' 51.05 '), 51.05);
    assert.equal(num(13), 13);
    for (const x of [null, '', '  ', [5], true, {}, undefined]) assert.ok(Number.isNaN(num(x)), JSON.stringify(x));
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.ok(Number.isNaN(num(deep)));
  });
});

describe('withAbsoluteUrls', () => {
  const base = 'https://feed.example.test/daten/feed.json';
  it('resolves relative URLs against the feed and leaves absolute ones to safeUrl at render time', () => {
    const item = {
      id: 'a', url: '/a', onlineUrl: 'https://meet.example.test/x', image: { url: 'bild.jpg', alt: '' },
      organizer: { name: 'V', url: '../verein' }, links: [{ label: 'L', url: '//social.example.test/v' }],
    };
    assert.deepEqual(withAbsoluteUrls(item, base), {
      id: 'a', url: 'https://feed.example.test/a', onlineUrl: 'https://meet.example.test/x',
      image: { url: 'https://feed.example.test/daten/bild.jpg', alt: '' }, organizer: { name: 'V', url: 'https://feed.example.test/verein' },
      links: [{ label: 'L', url: 'https://social.example.test/v' }],
    });
    assert.equal(item.url, '/a', 'the input is not changed');
  });

  it('leaves out what cannot be resolved safely: an image entirely, a link, a contact URL', () => {
    const long = `/${'x'.repeat(5000)}`;
    const out = withAbsoluteUrls({ id: 'a', url: long, image: { url: long, alt: 'x' }, contact: { name: 'C', url: long }, links: [{ label: 'L', url: long }] }, base);
    assert.deepEqual(out, { id: 'a', contact: { name: 'C' }, links: [] });
  });
});

describe('normalizeDateTime', () => {
  it('keeps dates and date-times with offsets, only normalising their form', () => {
    assert.equal(normalizeDateTime('2026-10-21'), '2026-10-21');
    assert.equal(normalizeDateTime('2026-10-21T17:00:00.123+0200'), '2026-10-21T17:00:00+02:00');
    assert.equal(normalizeDateTime('2026-10-21 15:00Z'), '2026-10-21T15:00:00Z');
  });

  it('reads local date-times in the zone by the RFC 5545 rule: gap with the offset before it, fold as the first', () => {
    assert.equal(normalizeDateTime('2026-03-29 02:30:00'), '2026-03-29T03:30:00+02:00');
    assert.equal(normalizeDateTime('2026-10-25T02:30'), '2026-10-25T02:30:00+02:00');
    assert.equal(normalizeDateTime('2026-10-25T03:00:15'), '2026-10-25T03:00:15+01:00');
    assert.equal(normalizeDateTime('2026-11-01T01:30', 'America/New_York'), '2026-11-01T01:30:00-04:00');
  });

  it('refuses what is no date', () => {
    assert.equal(normalizeDateTime('21.10.2026 17:00'), undefined);
    assert.equal(normalizeDateTime(1_761_058_800), undefined);
    assert.equal(normalizeDateTime(`2026-10-21T17:00${' '.repeat(100)}`), undefined);
  });
});
