// End-to-end: partner pages served from 127.0.0.1 embed the widgets by script tag only, in real
// Chromium and Firefox ESR. Widgets whose package is not written yet are skipped with a message.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEmbed } from '../build.mjs';
import {
  INLINE_TITLES, buildConfigurator, embedDir, eventsJson, launch, openPage, probeDataSource, startServer, waitForShadowText, waitInPage, widgetBuilt,
} from './harness.mjs';

const EVENT_TITLES = eventsJson().events.map((e) => e.title);
/** Each widget, the id it has on the test pages, and text from its data that must show in its shadow root. */
const WIDGETS = [
  { id: 'calendar', name: 'event-calendar', pkg: 'event-calendar', texts: EVENT_TITLES },
  { id: 'shared-calendar', name: 'event-calendar', pkg: 'event-calendar', texts: INLINE_TITLES },
  { id: 'cards', name: 'initiative-cards', pkg: 'initiative-cards', texts: ['Tafel Riesa e. V.', 'Dorfladen Ostritz', 'Lesepaten Plauen'] },
  { id: 'match', name: 'match-finder', pkg: 'match-finder', texts: ['Gemeinschaftlich wohnen in Sachsen'] },
];
const skipUnbuilt = (pkg) => (widgetBuilt(pkg) ? false : `@sozial-innovativ/${pkg} has no src/define.ts yet`);
const BROWSERS = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',');

let server;
let version;
before(async () => {
  // Every widget package exists now: a missing define module fails the build instead of skipping.
  ({ version } = await buildEmbed());
  await buildConfigurator({ allowMissing: false });
  server = await startServer({ version });
});
after(() => server?.close());

/** Loads `path` and checks the shared data source, every built widget, and a clean console. */
function pageSuite(browserRef, path, { selector = (w) => `#${w.id}`, extra } = {}) {
  describe(path, () => {
    let page;
    let log;
    before(async () => {
      ({ page, log } = await openPage(browserRef.browser, `${server.origin}${path}`));
    });
    after(() => page?.close());

    test('<si-data-source> loads first and shares one adapter', async () => {
      const probe = await probeDataSource(page);
      assert.equal(probe.error, undefined);
      assert.equal(probe.kind, 'memory');
      assert.deepEqual(probe.events, INLINE_TITLES);
    });
    for (const w of WIDGETS) {
      test(`${selector(w)} renders its data`, { skip: skipUnbuilt(w.pkg) }, async () => {
        await waitForShadowText(page, selector(w), w.texts);
      });
    }
    test('theme-accent attribute becomes --si-color-accent (CSSOM, CSP-safe)', { skip: path.includes('data-si-widget') && skipUnbuilt('event-calendar') }, async () => {
      await waitInPage(page, (sel) => !!document.querySelector(sel), {}, selector(WIDGETS[0]));
      const accent = await page.evaluate((sel) => document.querySelector(sel)?.style.getPropertyValue('--si-color-accent'), selector(WIDGETS[0]));
      assert.equal(accent, '#7a1f5c');
    });
    if (extra) extra(() => ({ page, log }));
    test('no console errors, no securitypolicyviolation', async () => {
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(await log.violations(), []);
      assert.deepEqual(log.errors, []);
    });
  });
}

for (const name of BROWSERS) {
  describe(name, () => {
    const ref = {};
    before(async () => {
      ref.browser = await launch(name);
    });
    after(() => ref.browser?.close());

    pageSuite(ref, '/plain.html', {
      extra: (ctx) => test('fetches only the chunks of the widgets on the page', async () => {
        const { page } = ctx();
        const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.js')));
        assert.ok(scripts.some((p) => /core-define-data-source-/.test(p)));
        assert.ok(!scripts.some((p) => /embed\.iife\.js/.test(p)));
      }),
    });
    pageSuite(ref, '/strict-csp.html');
    pageSuite(ref, '/strict-csp-iife.html');
    pageSuite(ref, '/two-copies.html', {
      extra: (ctx) => test('each element is defined once and rendered once', async () => {
        const { page, log } = ctx();
        const counts = await page.evaluate(() => [...document.querySelectorAll('si-data-source, si-event-calendar, si-initiative-cards, si-match-finder')]
          .filter((el) => customElements.get(el.localName)).map((el) => el.shadowRoot?.childElementCount ?? -1));
        assert.ok(counts.length >= 1);
        assert.ok(counts.every((c) => c >= 1), String(counts));
        assert.deepEqual(log.warnings.filter((w) => /already defined/.test(w)), []);
      }),
    });
    pageSuite(ref, '/data-si-widget.html', {
      selector: (w) => `#${w.id}-host > si-${w.name}`,
      extra: (ctx) => {
        test('upgrades each div once, keeps the div, copies only declared options', async () => {
          const { page } = ctx();
          const r = await page.evaluate(() => {
            const host = document.getElementById('calendar-host');
            const shared = document.getElementById('shared');
            return {
              inHost: host.querySelectorAll(':scope > si-event-calendar').length,
              attrs: host.querySelector('si-event-calendar')?.getAttributeNames().sort(),
              style: host.querySelector('si-event-calendar')?.getAttribute('style'),
              sharedWidgetInsideSource: !!shared.querySelector(':scope > si-data-source > #shared-calendar-host'),
              sourceType: shared.querySelector('si-data-source')?.getAttribute('type'),
            };
          });
          assert.equal(r.sharedWidgetInsideSource, true);
          assert.equal(r.sourceType, 'memory');
          if (widgetBuilt('event-calendar')) {
            assert.equal(r.inHost, 1);
            assert.ok(r.attrs.includes('src') && r.attrs.includes('theme-accent'));
            assert.ok(!r.attrs.includes('onclick'), String(r.attrs));
            // data-style is not an option; the style attribute holds only the CSSOM theme property.
            assert.equal(r.style, '--si-color-accent: #7a1f5c;');
          }
        });
        test('a node added later is upgraded too', async () => {
          const { page } = ctx();
          await page.evaluate(() => {
            const div = document.createElement('div');
            div.id = 'late-host';
            div.dataset.siWidget = 'data-source';
            div.dataset.type = 'memory';
            const script = document.createElement('script');
            script.type = 'application/json';
            script.textContent = JSON.stringify({ events: [{ id: 'late', title: 'Spät hinzugefügt', start: new Date(Date.now() + 864e5).toISOString() }] });
            div.append(script);
            document.body.append(div);
          });
          await waitInPage(page, () => !!document.querySelector('#late-host > si-data-source'));
          const probe = await probeDataSource(page, '#late-host > si-data-source');
          assert.deepEqual(probe.events, ['Spät hinzugefügt']);
        });
      },
    });

    describe('README snippets, copied verbatim', () => {
      // The SRI snippet carries a placeholder that the reader fills from dist/sri.json, as we do here.
      const readSnippets = () => [...readFileSync(join(embedDir, 'README.md'), 'utf8').matchAll(/<!-- snippet: ([\w-]+) -->\n```html\n([\s\S]*?)```/g)]
        .map(([, id, code]) => ({ id, code }));
      const snippets = readSnippets();
      test('the README has the plain, shared, data-si-widget, sri and strict-csp snippets', () => {
        assert.deepEqual(snippets.map((x) => x.id), ['plain', 'shared', 'data-si-widget', 'sri', 'strict-csp']);
      });
      for (const { id } of snippets) {
        test(`snippet "${id}" renders every widget in it`, async () => {
          const { code } = readSnippets().find((x) => x.id === id);
          // Only the host changes: https://www.example.de → this server; the nonce is the response's.
          const sri = JSON.parse(readFileSync(join(embedDir, 'dist/sri.json'), 'utf8'));
          const html = code.replaceAll('https://www.example.de', server.origin).replace(/nonce="[^"]*"/g, 'nonce="{nonce}"')
            .replace(/src="([^"]*\/(embed(?:\.iife)?\.js))" integrity="sha384-…"/g, (_, src, file) => `src="${src}" integrity="${sri[file]}"`);
          const path = `/readme-${id}-${name}${id.includes('csp') ? '-csp' : ''}.html`;
          server.page(path, `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${id}</title></head><body>\n${html}</body></html>`);
          const { page, log } = await openPage(ref.browser, `${server.origin}${path}`);
          const expectations = [
            [/si-event-calendar|"event-calendar"/, 'si-event-calendar', EVENT_TITLES],
            [/si-initiative-cards|"initiative-cards"/, 'si-initiative-cards', ['Tafel Riesa e. V.']],
            [/si-match-finder|"match-finder"/, 'si-match-finder', ['Gemeinschaftlich wohnen in Sachsen']],
          ].filter(([re]) => re.test(code));
          assert.ok(expectations.length > 0);
          for (const [, sel, texts] of expectations) await waitForShadowText(page, sel, texts);
          await new Promise((r) => setTimeout(r, 100));
          assert.deepEqual(await log.violations(), []);
          assert.deepEqual(log.errors, []);
          await page.close();
        });
      }
    });

    describe('/collision.html', () => {
      test('a host page that owns a colliding tag gets a warning, not a crash', async () => {
        const { page, log } = await openPage(ref.browser, `${server.origin}/collision.html`);
        const probe = await probeDataSource(page);
        assert.deepEqual(probe.events, INLINE_TITLES);
        assert.equal(await page.$eval('#foreign', (el) => el.textContent), 'Kalender der Gastseite');
        assert.deepEqual(log.errors, []);
        if (widgetBuilt('event-calendar')) assert.ok(log.warnings.some((w) => /<si-event-calendar> is already defined by other code/.test(w)), log.warnings.join('\n'));
        await page.close();
      });
    });

    describe('configurator', () => {
      let page;
      let log;
      before(async () => {
        ({ page, log } = await openPage(ref.browser, `${server.origin}/configurator/configurator.html?csp=strict`));
      });
      after(() => page?.close());

      test('passes axe (WCAG 2.2 AA rules)', async () => {
        const axe = readFileSync(join(embedDir, '../../node_modules/axe-core/axe.min.js'), 'utf8');
        await page.evaluate(`${axe}\n;0`);
        const result = await page.evaluate(() => globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }).then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)));
        assert.deepEqual(result, []);
      });

      test('reports a failing source in an alert', async () => {
        await page.$eval('#src', (el, url) => { el.value = url; }, `${server.origin}/data/nicht-vorhanden.json`);
        await page.click('#test-source');
        await waitInPage(page, () => document.getElementById('source-error').textContent.length > 0);
        assert.match(await page.$eval('#source-error', (el) => el.textContent), /konnte nicht geladen werden/);
      });

      test('contrast check flags a light accent and passes the default', async () => {
        const text = () => page.$$eval('#contrast li', (lis) => lis.map((li) => li.textContent));
        assert.ok((await text()).every((t) => t.includes('erfüllt WCAG AA')));
        await page.$eval('#colour-accent', (el) => { el.value = '#ffdd00'; el.dispatchEvent(new Event('input', { bubbles: true })); });
        assert.ok((await text()).some((t) => /Akzent auf Hintergrund: 1,\d : 1 – zu wenig Kontrast/.test(t)));
        await page.$eval('#colour-accent', (el) => { el.value = '#7a1f5c'; el.dispatchEvent(new Event('input', { bubbles: true })); });
        assert.ok((await text()).every((t) => t.includes('erfüllt WCAG AA')));
      });

      for (const form of ['element', 'div']) {
        test(`${form} snippet pasted into a blank page renders the same widget`, { skip: skipUnbuilt('event-calendar') }, async () => {
          await page.select('#widget', 'event-calendar');
          await page.$eval('#src', (el, url) => { el.value = url; el.dispatchEvent(new Event('change', { bubbles: true })); }, `${server.origin}/data/events.json`);
          await page.$eval('#bundle-url', (el, url) => { el.value = url; el.dispatchEvent(new Event('change', { bubbles: true })); }, `${server.origin}/sozial-innovativ/${version}/embed.js`);
          await page.click(`input[name="form"][value="${form}"]`);
          const snippet = await page.$eval('#snippet', (el) => el.value);
          assert.match(snippet, form === 'div' ? /data-si-widget="event-calendar"/ : /<si-event-calendar /);
          assert.match(snippet, /theme-accent="#7a1f5c"/);
          await waitForShadowText(page, '#preview si-event-calendar', EVENT_TITLES);
          const path = `/pasted-${form}-${name}.html`;
          server.page(path, `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Eingefügt</title></head><body>\n${snippet}</body></html>`);
          const pasted = await openPage(ref.browser, `${server.origin}${path}`);
          await waitForShadowText(pasted.page, 'si-event-calendar', EVENT_TITLES);
          const attrs = (p) => p.$eval('si-event-calendar', (el) => el.getAttributeNames().map((n) => [n, el.getAttribute(n)]));
          assert.deepEqual(await attrs(pasted.page), await page.$eval('#preview si-event-calendar', (el) => el.getAttributeNames().map((n) => [n, el.getAttribute(n)])));
          assert.deepEqual(pasted.log.errors, []);
          await pasted.page.close();
        });
      }

      test('keyboard: every control is reachable with Tab', async () => {
        // Start at the first control: Firefox keeps its focus navigation starting point from earlier
        // tests when only <body> is focused, and does not wrap from the end of the page.
        await page.focus('#widget');
        const seen = new Set(['widget']);
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab');
          const id = await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('name') || document.activeElement?.tagName);
          seen.add(id);
        }
        for (const id of ['widget', 'src', 'source-type', 'test-source', 'colour-accent', 'bundle-url', 'snippet', 'copy']) assert.ok(seen.has(id), `${id} not reached: ${[...seen].join(' ')}`);
      });

      test('no console errors, no securitypolicyviolation', async () => {
        assert.deepEqual(await log.violations(), []);
        // Each edit rebuilds the preview; the replaced widget cancels a load still in flight, by design.
        assert.deepEqual(log.errors.filter((e) => !/nicht-vorhanden\.json|404|ERR_ABORTED|NS_BINDING_ABORTED/.test(e)), []);
      });
    });
  });
}
