// Screenshots of the calendar at the widths CMS themes give it (issue #20): a phone column
// (360 px), a content column (650 px) and a wide page (1000 px), each with the month view and
// the filters. Runs the demo's Vite dev server from source and Debian's Chromium:
//   node packages/event-calendar/scripts/screenshots.mjs
// writes packages/event-calendar/docs/screenshots/month-<width>.png.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const WIDTHS = [360, 650, 1000];

const server = await createServer({ configFile: `${repo}demo/vite.config.ts`, logLevel: 'error', server: { port: 0 } });
await server.listen();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  await mkdir(out, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(new URL('calendar.html', server.resolvedUrls.local[0]).href);
  await page.waitForFunction(() => document.querySelector('si-event-calendar')?.adapter);
  for (const width of WIDTHS) {
    // A phone's first screen; the whole month on the wider ones.
    await page.setViewportSize({ width: width + 32, height: width === 360 ? 640 : 1000 });
    // The demo's adapter in a bare column `width` px wide, as a CMS theme's content column gives it.
    await page.evaluate((width) => {
      const adapter = document.querySelector('si-event-calendar').adapter;
      const column = document.createElement('div');
      column.style.setProperty('width', `${width}px`);
      column.style.setProperty('padding', '16px');
      column.style.setProperty('background', '#fff');
      const cal = document.createElement('si-event-calendar');
      Object.assign(cal, { adapter });
      for (const [k, v] of Object.entries({ view: 'month', date: '2026-10-21', heading: 'Veranstaltungen', topics: 'Wohnen' })) cal.setAttribute(k, v);
      column.append(cal);
      document.body.replaceChildren(column);
      document.body.style.setProperty('margin', '0');
    }, width);
    await page.waitForFunction(() => {
      const root = document.querySelector('si-event-calendar')?.shadowRoot;
      return root?.querySelector('.body[aria-busy=false]') && root.querySelector('.filters');
    });
    await page.waitForTimeout(300);
    const file = `${out}month-${width}.png`;
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
