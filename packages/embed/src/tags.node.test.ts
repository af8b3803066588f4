import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isPlainColour, sourceTypeOf } from './tags.js';

describe('isPlainColour', () => {
  for (const colour of [
    '#7a1f5c', '#FFF', '#0b5cad80', '#abcd', ' #7a1f5c ', 'rgb(11, 92, 173)', 'rgba(11,92,173,0.5)', 'rgb(11 92 173 / 50%)',
    'hsl(210deg, 88%, 36%)', 'hsl(210 88% 36%)', 'HSLA(210, 88%, 36%, .5)', 'rebeccapurple', 'White', 'transparent',
  ]) {
    it(`accepts ${JSON.stringify(colour)}`, () => assert.equal(isPlainColour(colour), true));
  }
  for (const value of [
    'var(--host-accent)', 'rgb(var(--r), 0, 0)', 'url(https://evil.example/track.png)', 'URL(x)', 'red; background: url(x)',
    'color-mix(in srgb, red, blue)', 'calc(1px)', 'light-dark(#000, #fff)', 'image-set("x.png" 1x)', 'inherit', 'currentColor',
    'unset', '#12', '#1234567', 'rgb(1, 2)', 'rgb(1, 2, 3, 4, 5)', 'rgb(1,2,3) red', 'red blue', '', '   ', `#${'a'.repeat(70)}`,
    'expression(alert(1))', 'rgb(1,2,3)/*x*/', '\\72 ed',
  ]) {
    it(`refuses ${JSON.stringify(value)}`, () => assert.equal(isPlainColour(value), false));
  }
});

describe('sourceTypeOf', () => {
  const attrs = (values: Record<string, string>) => (name: string) => values[name] ?? null;
  it('guesses from src as the widgets do (core guessSourceType)', async () => {
    const { guessSourceType } = await import('@sozial-innovativ/core/elements');
    for (const src of ['/feed.ics', '/feed.ICS?x=1', 'webcal://example.de/k', '/events.json', '/api/events?format=ics', '/a.ics#x']) {
      assert.equal(sourceTypeOf('si-event-calendar', attrs({ src })), guessSourceType(src), src);
    }
  });
  it('prefers source-type; a widget without a source has none; a data source defaults to json', () => {
    assert.equal(sourceTypeOf('si-event-calendar', attrs({ src: '/feed.ics', 'source-type': 'rest' })), 'rest');
    assert.equal(sourceTypeOf('si-match-finder', attrs({})), undefined);
    assert.equal(sourceTypeOf('si-data-source', attrs({})), 'json');
    assert.equal(sourceTypeOf('si-data-source', attrs({ type: 'memory', src: '/x.ics' })), 'memory');
  });
});
