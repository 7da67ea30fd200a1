// axe on the demo page (demo/index.html, the built embed bundle), as a reader uses it: loaded,
// then with a cell's study panel open; in the light theme (the whole page) and in the dark theme
// (the map, on a dark page). axe-core runs in the page: every rule it runs by default (WCAG
// 2.0-2.2 A and AA, and best practices).
/* global window, document -- the functions handed to page.evaluate run in the page */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { launchChromium, openPage, requireChromeAndBuild, startServer } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The violations axe finds in `selector`'s element, as "rule: target" lines. */
async function axe(page, selector) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    const results = await window.axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
    return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }, selector);
}

describe('the demo page under axe (dist/egm-components.bundle.js)', () => {
  let server;
  let browser;

  before(async () => {
    requireChromeAndBuild();
    server = await startServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const theme of ['light', 'dark']) {
    it(`has no violations in the ${theme} theme, loaded and with a study panel open`, async () => {
      const { page, problems } = await openPage(browser, server.origin);
      try {
        await page.goto(`${server.origin}/demo/index.html`);
        await page.waitForFunction(() => document.querySelector('egm-map')?.shadowRoot?.querySelector('egm-grid')?.shadowRoot?.querySelector('[role="gridcell"]'));
        if (theme === 'dark') {
          await page.evaluate(() => {
            document.body.style.background = '#0d1117';
            document.querySelector('egm-map').setAttribute('theme', 'dark');
          });
        }
        const scope = theme === 'dark' ? 'egm-map' : 'html';
        assert.deepEqual(await axe(page, scope), [], 'loaded');

        await page.evaluate(() => {
          const grid = document.querySelector('egm-map').shadowRoot.querySelector('egm-grid');
          grid.shadowRoot.querySelector('[role="gridcell"][data-count]:not([data-count="0"])').click();
        });
        await page.waitForFunction(() => document.querySelector('egm-map').shadowRoot.querySelector('.panel egm-study-card'));
        assert.deepEqual(await axe(page, scope), [], 'with the panel open');
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }
});
