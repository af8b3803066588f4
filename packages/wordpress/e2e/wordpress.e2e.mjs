// End-to-end in a real WordPress 6.1 (Debian's), with DISALLOW_UNFILTERED_HTML and an Author:
// the plugin is installed from the built zip; posts with the calendar block, the shortcode, the
// initiatives block and the match finder block are made by the Author (REST API, and once by
// driving the block editor in Chromium); logged out, in Chromium and Firefox ESR, each widget
// shows its data (calendar times in the events' zone), axe finds nothing on the widget, no
// request leaves 127.0.0.1, and the same holds under a strict CSP set by a must-use plugin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, waitForShadowText } from '../../embed/e2e/harness.mjs';
import { buildPlugin } from '../build.mjs';
import { missingTools, startSite } from './site.mjs';

const missing = missingTools();
const skip = missing.length ? `needs the Debian packages ${missing.join(', ')} (sudo apt-get install -y wordpress mariadb-server php-cli php-mysql)` : false;
const BROWSERS = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',');
const repoDir = join(import.meta.dirname, '../../..');
const embedPages = join(repoDir, 'packages/embed/e2e/pages/data');

/** Three events around today in Europe/Berlin: two on the topic "Nachbarschaft", one on "Sport". */
function feed(now = new Date()) {
  const day = (offset) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
    return d.toISOString().slice(0, 10).replaceAll('-', '');
  };
  const event = (uid, offset, start, end, title, topic) => [
    'BEGIN:VEVENT', `UID:${uid}@e2e.invalid`, `DTSTAMP:${day(0)}T080000Z`, `DTSTART;TZID=Europe/Berlin:${day(offset)}T${start}00`,
    `DTEND;TZID=Europe/Berlin:${day(offset)}T${end}00`, `SUMMARY:${title}`, `CATEGORIES:${topic}`, 'LOCATION:Rathaus Musterstadt', 'END:VEVENT',
  ];
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Sozial.Innovativ//e2e//DE',
    ...event('a', 2, '1830', '2000', 'Dialogabend Nachbarschaft', 'Nachbarschaft'),
    ...event('b', 4, '0915', '1100', 'Erzählcafé im Rathaus', 'Nachbarschaft'),
    ...event('c', 3, '1700', '1800', 'Lauftreff am Fluss', 'Sport'),
    'END:VCALENDAR', ''].join('\r\n');
}
const CALENDAR = { selector: 'si-event-calendar', texts: ['Dialogabend Nachbarschaft', 'Erzählcafé im Rathaus'], absent: 'Lauftreff am Fluss' };
const CARDS = { selector: 'si-initiative-cards', texts: ['Tafel Riesa e. V.'] };
const MATCH = { selector: 'si-match-finder', texts: ['Gemeinschaftlich wohnen in Sachsen'] };

/**
 * The strict policy of the embed README, sent by a must-use plugin, which also hands the nonce to
 * the plugin's `si_widgets_csp_nonce` filter. WordPress itself prints inline styles (global styles
 * of the block theme), so `style-src` keeps 'unsafe-inline' here; scripts stay strict.
 */
const CSP_MU_PLUGIN = `<?php
if ( ! is_admin() && isset( $_GET['csp'] ) ) {
	$si_e2e_nonce = base64_encode( random_bytes( 16 ) );
	add_filter( 'si_widgets_csp_nonce', fn () => $si_e2e_nonce );
	add_filter( 'wp_inline_script_attributes', fn ( $a ) => $a + array( 'nonce' => $si_e2e_nonce ) );
	add_filter( 'wp_script_attributes', fn ( $a ) => $a + array( 'nonce' => $si_e2e_nonce ) );
	// WordPress 6.1 echoes these inline scripts without a nonce; a strict site turns them off.
	remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
	remove_action( 'wp_footer', 'the_block_template_skip_link' );
	add_action( 'send_headers', function () use ( $si_e2e_nonce ) {
		header( "Content-Security-Policy: default-src 'self'; script-src 'self' 'nonce-$si_e2e_nonce'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'; trusted-types lit-html si-jsonld" );
	} );
}
`;

let site;
const posts = {};
before(async () => {
  if (skip) return;
  const zip = buildPlugin();
  site = await startSite({
    zip,
    files: {
      'si-e2e/dialogreihe.ics': feed(),
      // The site's own icon: otherwise the first page a browser opens logs a 404 for /favicon.ico.
      'favicon.ico': Buffer.alloc(0),
      'si-e2e/initiativen.json': readFileSync(join(embedPages, 'initiatives.json')),
      'si-e2e/wohnprojekte.json': readFileSync(join(embedPages, 'cohousing.json')),
    },
    sources: (origin) => [
      { name: 'Dialogreihe', url: `${origin}/si-e2e/dialogreihe.ics`, type: 'ical' },
      { name: 'Initiativen', url: `${origin}/si-e2e/initiativen.json` },
      { name: 'Wohnprojekte', url: `${origin}/si-e2e/wohnprojekte.json` },
    ],
    muPlugins: { 'si-e2e-csp.php': CSP_MU_PLUGIN },
  });
  const publish = async (title, content) => (await site.rest('POST', '/wp/v2/posts', { title, content, status: 'publish' })).id;
  posts.block = await publish('Kalender (Block)', '<!-- wp:sozial-innovativ/event-calendar {"source":"Dialogreihe","view":"list","topics":"Nachbarschaft","lang":"de"} /-->');
  posts.shortcode = await publish('Kalender (Shortcode)', '[si_event_calendar source="Dialogreihe" view="list" topics="Nachbarschaft" lang="de" theme-accent="url(https://evil.example/x)" heading=\'"><img src=x onerror=alert(1)>\']');
  // With a heading, as an editor sets it under the post's h1: the cards' h3 titles then follow an h2.
  posts.cards = await publish('Initiativen', '<!-- wp:sozial-innovativ/initiative-cards {"source":"Initiativen","pageSize":12,"heading":"Initiativen in Sachsen"} /-->');
  posts.match = await publish('Match-Finder', '<!-- wp:sozial-innovativ/match-finder {"source":"Wohnprojekte","lang":"de"} /-->');
});
after(async () => {
  await site?.close();
});

/** Opens `url` logged out, recording every request the page makes. */
async function visit(browser, url) {
  const context = await browser.createBrowserContext();
  const { page, log } = await openPage(context, 'about:blank');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, log, requests, close: () => context.close() };
}

const widgetText = (page, selector) => page.evaluate((sel) => {
  const deep = (root) => [...root.childNodes].map((n) => (n.nodeType === 3 ? n.data : `${n.shadowRoot ? deep(n.shadowRoot) : ''}${deep(n)}`)).join('');
  const el = document.querySelector(sel);
  return el?.shadowRoot ? deep(el.shadowRoot) : '';
}, selector);

async function axeViolations(page, selector) {
  const axe = readFileSync(join(repoDir, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${axe}\n;0`);
  return page.evaluate((sel) => globalThis.axe.run(document.querySelector(sel), { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] })
    .then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)), selector);
}

/** Checks one published post: data shown, filter applied, times right, axe, requests, console. */
async function checkPost(browser, id, widget, { csp = false, times = false } = {}) {
  const { page, log, requests, close } = await visit(browser, `${site.origin}/?p=${id}${csp ? '&csp=strict' : ''}`);
  try {
    await waitForShadowText(page, widget.selector, widget.texts);
    const text = await widgetText(page, widget.selector);
    for (const t of widget.texts) assert.ok(text.includes(t), `${t} missing`);
    if (widget.absent) assert.ok(!text.includes(widget.absent), `${widget.absent} shown despite the topic filter`);
    // Wall time in the feed's zone (Europe/Berlin), whatever zone the browser runs in.
    if (times) assert.match(text, /18:30[\s\S]*20:00[\s\S]*09:15/);
    if (!csp) assert.deepEqual(await axeViolations(page, widget.selector), []);
    else assert.ok(await page.evaluate(() => !!document.querySelector('script[type=module][nonce]')));
    const foreign = requests.filter((u) => !u.startsWith(`${site.origin}/`) && !/^(data|blob|about):/.test(u));
    assert.deepEqual(foreign, []);
    assert.ok(requests.some((u) => u.includes('/sozial-innovativ-widgets/assets/embed/embed.js')), 'embed.js not loaded from the plugin');
    await new Promise((r) => setTimeout(r, 150));
    assert.deepEqual(await log.violations(), []);
    assert.deepEqual(log.errors, []);
    return page;
  } finally {
    await close();
  }
}

describe('WordPress plugin', { skip }, () => {
  test('the plugin came from the zip, and nobody on the site has unfiltered_html', () => {
    assert.equal(site.setup.unfilteredHtml, false);
    assert.ok(existsSync(join(site.root, 'wp-content/plugins/sozial-innovativ-widgets/assets/embed/embed.js')));
    assert.ok(existsSync(join(site.root, 'wp-content/plugins/sozial-innovativ-widgets/languages/sozial-innovativ-widgets-de_DE.mo')));
  });

  test('server-side rendering: escaped attributes, no script or unknown tag saved in the post', async () => {
    const post = await site.rest('GET', `/wp/v2/posts/${posts.shortcode}`);
    const html = post.content.rendered;
    assert.match(html, /<si-event-calendar src="http:\/\/127\.0\.0\.1:\d+\/si-e2e\/dialogreihe\.ics" source-type="ical" view="list" heading="&quot;&gt;[^"<>]*" topics="Nachbarschaft" lang="de"><\/si-event-calendar>/);
    assert.doesNotMatch(html, /theme-accent|<img/);
    const raw = (await site.rest('GET', `/wp/v2/posts/${posts.block}?context=edit`)).content.raw;
    assert.doesNotMatch(raw, /<si-|<script/);
  });

  test('pages without a widget do not load embed.js', async () => {
    const html = await (await fetch(`${site.origin}/?page_id=2`)).text();
    assert.match(html, /<body/);
    assert.doesNotMatch(html, /embed\.js/);
  });

  for (const name of BROWSERS) {
    describe(name, () => {
      let browser;
      before(async () => {
        browser = await launch(name);
      });
      after(() => browser?.close());

      for (const csp of [false, true]) {
        const label = csp ? ' (strict CSP)' : '';
        test(`calendar block: events of the topic, right times${label}`, () => checkPost(browser, posts.block, CALENDAR, { csp, times: true }));
        test(`calendar shortcode${label}`, () => checkPost(browser, posts.shortcode, CALENDAR, { csp, times: true }));
        test(`initiatives block${label}`, () => checkPost(browser, posts.cards, CARDS, { csp }));
        test(`match finder block${label}`, () => checkPost(browser, posts.match, MATCH, { csp }));
      }
    });
  }

  describe('block editor (Chromium), as the Author', { skip: !BROWSERS.includes('chromium') && 'Chromium not selected' }, () => {
    let browser;
    let page;
    before(async () => {
      browser = await launch('chromium');
      page = await browser.newPage();
      page.on('dialog', (dialog) => dialog.accept()); // "Leave page?" on unsaved changes
      await page.setViewport({ width: 1400, height: 1000 });
    });
    after(() => browser?.close());

    /** Opens a new post; says where it landed instead if the editor does not come up. */
    const openEditor = async () => {
      // PHP's built-in server answers the editor's ~100 requests with a few workers; on a busy
      // machine one page load can stall, so a second load is allowed before the test fails.
      for (let attempt = 1; ; attempt++) {
        await page.goto(`${site.origin}/wp-admin/post-new.php`, { waitUntil: 'load', timeout: 45_000 });
        try {
          await page.waitForSelector('.edit-post-layout', { timeout: 30_000 });
          return;
        } catch (error) {
          const where = `${error.message} at ${page.url()}: ${(await page.evaluate(() => document.body?.innerText ?? '')).slice(0, 300)}`;
          if (attempt === 2) throw new Error(where);
          console.error(`# the block editor did not come up (${where}); loading it again`);
        }
      }
    };
    /** The form control whose label reads `label`, inside the block sidebar. */
    const controlId = (label) => page.evaluate((text) => [...document.querySelectorAll('.interface-complementary-area label')].find((l) => l.textContent.trim() === text)?.htmlFor, label);

    test('inserts the calendar block, picks the named source, sets view and topic, publishes', async () => {
      await page.goto(`${site.origin}/wp-login.php`, { waitUntil: 'load' });
      await page.type('#user_login', 'autorin');
      await page.type('#user_pass', 'autorin-e2e-passwort');
      await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
      await openEditor();
      // The "Welcome to the block editor" guide opens on a first visit.
      await page.evaluate(() => window.wp.data.dispatch('core/preferences').set('core/edit-post', 'welcomeGuide', false));
      await page.waitForSelector('.editor-post-title__input');
      await page.click('.editor-post-title__input');
      await page.keyboard.type('Dialogreihe im Block-Editor');

      await page.click('.edit-post-header-toolbar__inserter-toggle');
      await page.waitForSelector('.block-editor-inserter__search input');
      await page.type('.block-editor-inserter__search input', 'Event calendar');
      const item = await page.waitForSelector('.block-editor-block-types-list__item.editor-block-list-item-sozial-innovativ-event-calendar');
      await item.click();
      await page.waitForSelector('.wp-block-sozial-innovativ-event-calendar');
      // Block settings in the sidebar.
      if (!(await page.$('.interface-complementary-area'))) await page.click('button[aria-label="Settings"]');
      await page.waitForFunction(() => [...document.querySelectorAll('.interface-complementary-area label')].some((l) => l.textContent.trim() === 'Data source'));
      await page.select(`#${await controlId('Data source')}`, 'Dialogreihe');
      await page.select(`#${await controlId('View')}`, 'list');
      await page.type(`#${await controlId('Only these topics (comma-separated)')}`, 'Nachbarschaft');
      await page.select(`#${await controlId('Language')}`, 'de');

      // "Test source" reads the named feed in the editor.
      const testButton = await page.waitForSelector('xpath/.//button[normalize-space()="Test source"]');
      await testButton.click();
      await page.waitForFunction(() => /The source answers: 3 entries\./.test(document.querySelector('.si-widgets-source-test')?.textContent ?? ''));

      // Live preview: the real widget, through the same renderer.
      const preview = '.wp-block-sozial-innovativ-event-calendar si-event-calendar[topics="Nachbarschaft"][lang="de"]';
      // The block holds what was typed; the preview follows through the REST block renderer (php -S
      // with a few workers can take a while under load).
      await page.waitForFunction(() => {
        const block = window.wp.data.select('core/block-editor').getBlocks().find((b) => b.name === 'sozial-innovativ/event-calendar');
        return block?.attributes.topics === 'Nachbarschaft' && block.attributes.lang === 'de';
      }, { timeout: 20_000 }).catch(async (error) => {
        const attrs = await page.evaluate(() => JSON.stringify(window.wp.data.select('core/block-editor').getBlocks().map((b) => b.attributes)));
        throw new Error(`${error.message}: the block's attributes are ${attrs}`);
      });
      // WordPress 6.1's ServerSideRender now and then keeps the answer of an earlier request (seen once
      // in about ten runs: the preview stayed at the block's first attributes). A visitor's remedy is to
      // change a setting again; so does this, once, before the test fails.
      if (!(await page.waitForSelector(preview, { timeout: 20_000 }).catch(() => null))) {
        console.error('# the preview did not follow the settings; changing the language away and back');
        await page.select(`#${await controlId('Language')}`, 'en');
        await new Promise((r) => setTimeout(r, 1500));
        await page.select(`#${await controlId('Language')}`, 'de');
      }
      await page.waitForSelector(preview, { timeout: 45_000 }).catch(async (error) => {
        const shown = await page.evaluate(() => [...document.querySelectorAll('.wp-block-sozial-innovativ-event-calendar si-event-calendar')].map((el) => el.outerHTML.slice(0, 300)).join(' | ') || document.querySelector('.wp-block-sozial-innovativ-event-calendar')?.textContent?.slice(0, 200));
        throw new Error(`${error.message}; the preview shows: ${shown}`);
      });
      await waitForShadowText(page, preview, CALENDAR.texts, 20_000);
      assert.ok(!(await widgetText(page, preview)).includes(CALENDAR.absent));
      const previewAttrs = await page.$eval(preview, (el) => el.getAttributeNames().map((n) => [n, el.getAttribute(n)]));

      await page.click('.editor-post-publish-panel__toggle');
      // The pre-publish panel slides in; click once its button holds still.
      const publish = await page.waitForSelector('.editor-post-publish-panel .editor-post-publish-button:not([aria-disabled="true"])', { visible: true });
      await new Promise((r) => setTimeout(r, 300));
      await publish.click();
      await page.waitForFunction(() => window.wp.data.select('core/editor').isCurrentPostPublished(), { timeout: 20_000 });
      const id = await page.evaluate(() => window.wp.data.select('core/editor').getCurrentPostId());

      const raw = (await site.rest('GET', `/wp/v2/posts/${id}?context=edit`)).content.raw;
      assert.match(raw, /<!-- wp:sozial-innovativ\/event-calendar \{"source":"Dialogreihe","lang":"de","view":"list","topics":"Nachbarschaft"\} \/-->|<!-- wp:sozial-innovativ\/event-calendar \{[^}]*"source":"Dialogreihe"[^}]*\} \/-->/);
      assert.match(raw, /"topics":"Nachbarschaft"/);

      const published = await visit(browser, `${site.origin}/?p=${id}`);
      try {
        await waitForShadowText(published.page, CALENDAR.selector, CALENDAR.texts);
        const text = await widgetText(published.page, CALENDAR.selector);
        assert.ok(!text.includes(CALENDAR.absent));
        assert.match(text, /18:30[\s\S]*20:00/);
        const attrs = await published.page.$eval(CALENDAR.selector, (el) => el.getAttributeNames().map((n) => [n, el.getAttribute(n)]));
        assert.deepEqual(attrs, previewAttrs, 'editor preview and published page differ');
        assert.deepEqual(published.requests.filter((u) => !u.startsWith(`${site.origin}/`) && !/^(data|blob|about):/.test(u)), []);
        assert.deepEqual(published.log.errors, []);
      } finally {
        await published.close();
      }
    });

    test('contrast check in the sidebar flags a light accent', async () => {
      await openEditor();
      await page.evaluate(() => {
        const { createBlock } = window.wp.blocks;
        window.wp.data.dispatch('core/block-editor').insertBlocks(createBlock('sozial-innovativ/event-calendar', { source: 'Dialogreihe', themeAccent: '#ffdd00' }));
      });
      const colours = await page.waitForSelector('xpath/.//button[contains(@class, "components-panel__body-toggle")][normalize-space()="Colours"]');
      await colours.click();
      await page.waitForSelector('.si-widgets-contrast');
      const items = await page.$$eval('.si-widgets-contrast li', (lis) => lis.map((li) => li.textContent));
      assert.ok(items.some((t) => /^Accent on background: 1\.\d : 1, too little contrast/.test(t)), items.join('\n'));
      assert.ok(items.some((t) => /^Text on background: .*meets WCAG AA/.test(t)), items.join('\n'));
    });
  });

  test('the debug log has nothing from the plugin', () => {
    const log = existsSync(site.debugLog) ? readFileSync(site.debugLog, 'utf8') : '';
    assert.deepEqual(log.split('\n').filter((l) => /sozial-innovativ/.test(l)), []);
  });
});
