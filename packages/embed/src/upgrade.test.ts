import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// The lazy loader, as a partner page includes it: it finds widgets as they are added.
import './loader.js';

// What the loader warns about, per test.
let warnings: string[];
const warn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
});
afterEach(() => {
  console.warn = warn;
});

describe('theme-* attributes', () => {
  it('take plain colours and ignore anything else with a warning', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <si-initiative-card initiative-id="x" theme-text="rgb(20 20 20)" theme-accent="#7a1f5c"
        theme-surface="var(--host-background)" theme-border="url(https://evil.example/track.png)"
        theme-muted="red; background: url(https://evil.example/t.png)" theme-focus="inherit"></si-initiative-card>
    </div>`);
    // The host page's own custom property: a `var()` theme would leak it into the widget.
    page.style.setProperty('--host-background', 'rgb(255, 0, 0)');
    const card = page.querySelector('si-initiative-card')!;
    await customElements.whenDefined('si-initiative-card');
    await waitUntil(() => warnings.length >= 4, 'no warnings for the refused values');

    expect(getComputedStyle(card).color).to.equal('rgb(20, 20, 20)');
    // The widget's own surface stays its default, not the host page's red.
    expect(getComputedStyle(card).getPropertyValue('--_surface').trim()).to.equal('#fff');
    expect(getComputedStyle(card).getPropertyValue('--si-color-accent').trim()).to.equal('#7a1f5c');
    for (const token of ['surface', 'border', 'muted', 'focus']) {
      expect(card.style.getPropertyValue(`--si-color-${token}`), token).to.equal('');
    }
    expect(warnings.map((w) => /theme-([a-z-]+)=/.exec(w)?.[1]).sort()).to.deep.equal(['border', 'focus', 'muted', 'surface']);
    expect(warnings.every((w) => w.includes('is not a plain colour'))).to.equal(true);
    expect(performance.getEntriesByType('resource').filter((r) => r.name.includes('evil.example'))).to.deep.equal([]);
  });

  it('in the data-si-widget form too', async () => {
    const host = await fixture<HTMLElement>(html`<div data-si-widget="initiative-card" data-initiative-id="x"
      data-theme-accent="hsl(210deg 88% 36%)" data-theme-surface="color-mix(in srgb, red, blue)"></div>`);
    await waitUntil(() => host.querySelector('si-initiative-card'), 'the host was not upgraded');
    const card = host.querySelector('si-initiative-card')!;
    expect(card.style.getPropertyValue('--si-color-accent')).to.equal('hsl(210deg 88% 36%)');
    expect(card.style.getPropertyValue('--si-color-surface')).to.equal('');
    expect(warnings.filter((w) => w.includes('theme-surface='))).to.have.length(1);
  });
});

describe('the data-si-widget form', () => {

  it("passes the source's adapter options on, but never a handler or a global attribute", async () => {
    const host = await fixture<HTMLElement>(html`<div data-si-widget="event-calendar" data-src="/no-such-feed.json"
      data-view="list" data-preset="tribe" data-max-bytes="500000" data-items-path="data.items"
      data-onclick="window.__hacked = true" data-style="position:fixed" data-tabindex="0" data-aria-hidden="true"
      data-data-x="1" data-x_y="1"></div>`);
    await waitUntil(() => host.querySelector('si-event-calendar'), 'the host was not upgraded');
    const el = host.querySelector('si-event-calendar')!;
    const names = [...el.attributes].map((a) => a.name).sort();
    expect(names).to.include.members(['src', 'view', 'preset', 'max-bytes', 'items-path']);
    for (const name of ['onclick', 'style', 'tabindex', 'aria-hidden', 'data-x', 'x_y']) expect(names, name).not.to.include(name);
    expect(el.getAttribute('max-bytes')).to.equal('500000');
    el.click();
    expect((window as { __hacked?: boolean }).__hacked).to.equal(undefined);
    expect(warnings.filter((w) => w.includes('is ignored')).length).to.equal(6);
  });
});

