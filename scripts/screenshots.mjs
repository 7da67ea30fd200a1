// Screenshots of demo/index.html for the docs (`npm run screenshots`, after `npm run build`):
//   docs/screenshots/demo-desktop.png  1280×900 viewport, the whole page
//   docs/screenshots/demo-phone.png    375×812 viewport (2× pixels), the first two screens
//   docs/screenshots/demo-panel.png    1280×900, the study panel open on Education × Mental health
// Builds nothing: it serves the repository as it is, so run the build first.
/* global window, document, requestAnimationFrame -- the functions handed to page.evaluate run in the page */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, requireChromium } from './chromium.mjs';
import { ROOT, serve } from './serve.mjs';

const OUT = join(ROOT, 'docs', 'screenshots');
const PAGE = '/demo/index.html';
const CELL = { row: 'education', column: 'mental-health' };

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}

if (!existsSync(join(ROOT, 'dist', 'egm-components.bundle.js'))) fail('dist/egm-components.bundle.js is missing: run `npm run build` first.');
try {
  requireChromium('the screenshots');
} catch (error) {
  fail(error.message);
}

/** Opens the demo in a fresh context and waits until the map has loaded and drawn. */
async function openDemo(browser, origin, contextOptions) {
  const context = await browser.newContext({ colorScheme: 'light', reducedMotion: 'reduce', ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && m.location().url !== `${origin}/favicon.ico`) problems.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('egm-load', () => (window.__egmLoaded = true));
  });
  await page.goto(origin + PAGE);
  await page.waitForFunction(() => window.__egmLoaded === true, undefined, { timeout: 15_000 });
  await settle(page);
  if (problems.length) throw new Error(`the demo page reported errors:\n  ${problems.join('\n  ')}`);
  return { context, page };
}

/** Waits for the elements' pending renders, web fonts and two frames. */
async function settle(page) {
  await page.evaluate(async () => {
    const map = document.querySelector('egm-map');
    await map.updateComplete;
    for (const el of map.shadowRoot.querySelectorAll('egm-grid, egm-legend, egm-filter-bar, egm-study-card')) await el.updateComplete;
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

mkdirSync(OUT, { recursive: true });
const server = await serve({ port: 0 });
let browser;
try {
  browser = await launchChromium();
  const shots = [];

  {
    const { context, page } = await openDemo(browser, server.origin, { viewport: { width: 1280, height: 900 } });
    const path = join(OUT, 'demo-desktop.png');
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    shots.push(path);

    await page.locator(`egm-map egm-grid [data-row="${CELL.row}"][data-column="${CELL.column}"]`).click();
    await page.locator('egm-map section.panel egm-study-card').first().waitFor();
    await settle(page);
    const panelPath = join(OUT, 'demo-panel.png');
    await page.screenshot({ path: panelPath, fullPage: true, animations: 'disabled' });
    shots.push(panelPath);
    await context.close();
  }

  {
    const viewport = { width: 375, height: 812 };
    const { context, page } = await openDemo(browser, server.origin, { viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const path = join(OUT, 'demo-phone.png');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({
      path,
      fullPage: true,
      clip: { x: 0, y: 0, width: viewport.width, height: Math.min(height, viewport.height * 2) },
      animations: 'disabled',
    });
    shots.push(path);
    await context.close();
  }

  for (const path of shots) console.log(`wrote ${path.slice(ROOT.length + 1)}`);
} catch (error) {
  process.exitCode = 1;
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await browser?.close();
  await server.close();
}
