// Printing, end to end on the built bundle: test/e2e/print.html (a map with 20 columns) printed
// to PDF by Chromium under a strict Content-Security-Policy, as a reader's Ctrl+P would: the
// page fires 'beforeprint', the grid draws its printed copy in chunks of 8 columns, and the
// @page rule it adds makes the sheets A4 landscape.
/* global window, document, customElements -- the functions handed to page.evaluate run in the page */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CSP, holdDeferredChunk, launchChromium, openPage, requireChromeAndBuild, startServer, violations } from './helpers.mjs';

const PAGE = '/test/e2e/print.html';
/** A4 landscape in PDF points (1/72 in): 297 mm × 210 mm. */
const A4_LANDSCAPE = [841.89, 595.28];

/** The size of every page of a PDF that Chromium wrote (uncompressed page dictionaries). */
function pageSizes(pdf) {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page\b(?!s)[^]*?\/MediaBox\s*\[[^\]]*\]/g) ?? [];
  return pages.map((p) => p.match(/\/MediaBox\s*\[([^\]]*)\]/)[1].trim().split(/\s+/).map(Number).slice(2));
}

describe('printing a wide map (dist/egm-components.bundle.js)', () => {
  let server;
  let browser;

  before(async () => {
    requireChromeAndBuild();
    server = await startServer((path) => (path === PAGE ? { 'content-security-policy': CSP } : undefined));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('prints A4 landscape sheets with the columns in chunks, and restores the page afterwards', async () => {
    const { page, problems } = await openPage(browser, server.origin);
    try {
      await page.goto(`${server.origin}${PAGE}`);
      await page.waitForFunction(() => document.querySelector('egm-map')?.shadowRoot?.querySelector('egm-grid')?.shadowRoot?.querySelector('[data-count]'));
      // The printed copy's code comes in the chunk the page fetches once idle (with the study card).
      await page.waitForFunction(() => customElements.get('egm-study-card'));
      // What the printed copy holds, read in a 'beforeprint' listener added after the grid's:
      // the browser runs microtasks between listeners, so the grid has drawn it by then.
      await page.evaluate(() => {
        window.__printed = [];
        window.addEventListener('beforeprint', () => {
          const grid = document.querySelector('egm-map').shadowRoot.querySelector('egm-grid');
          const chunks = [...grid.shadowRoot.querySelectorAll('.print-chunk')];
          window.__printed.push({
            captions: chunks.map((t) => t.caption.textContent.trim()),
            columns: chunks.map((t) => t.tHead.rows[0].cells.length - 1),
            rows: chunks.map((t) => t.tBodies[0].rows.length),
            pageRules: document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).filter((t) => t.startsWith('@page')),
          });
        });
      });

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });

      const printed = await page.evaluate(() => window.__printed);
      assert.deepEqual(printed, [
        {
          captions: ['Outcome: columns 1–8 of 20', 'Outcome: columns 9–16 of 20', 'Outcome: columns 17–20 of 20'],
          columns: [8, 8, 4],
          rows: [6, 6, 6],
          pageRules: ['@page { size: a4 landscape; margin: 10mm; }'],
        },
      ]);
      const sizes = pageSizes(pdf);
      // The map's heading, filters and legend, then one chunk per page from the second on.
      assert.ok(sizes.length >= 3, `${sizes.length} pages`);
      for (const [w, h] of sizes) {
        assert.ok(Math.abs(w - A4_LANDSCAPE[0]) < 1 && Math.abs(h - A4_LANDSCAPE[1]) < 1, `page of ${w} × ${h} pt`);
      }
      // Afterwards: no printed copy, no @page rule, the interactive grid as it was.
      const afterwards = await page.evaluate(() => {
        const grid = document.querySelector('egm-map').shadowRoot.querySelector('egm-grid');
        return {
          copies: grid.shadowRoot.querySelectorAll('.print').length,
          sheets: document.adoptedStyleSheets.length,
          cells: grid.shadowRoot.querySelectorAll('[role="gridcell"]').length,
        };
      });
      assert.deepEqual(afterwards, { copies: 0, sheets: 0, cells: 120 });
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('prints the screen grid whole, every cell, when the page prints before the printed copy’s code is here, and the copy next time', async () => {
    // A small window and only the cells near the screen kept: the grid draws a few of its 120.
    // (Predicates are functions, not strings: a string is evaluated in the page, which the
    // page's Content-Security-Policy refuses once Playwright has to poll.)
    const { page, problems } = await openPage(browser, server.origin, { viewport: { width: 480, height: 400 } });
    const release = await holdDeferredChunk(page);
    const cells = () => document.querySelector('egm-map').shadowRoot.querySelector('egm-grid').shadowRoot.querySelectorAll('[role="gridcell"]').length;
    try {
      await page.goto(`${server.origin}${PAGE}`);
      await page.waitForFunction(() => document.querySelector('egm-map')?.shadowRoot?.querySelector('egm-grid')?.shadowRoot?.querySelector('[data-count]'));
      await page.evaluate(() => (document.querySelector('egm-map').cells = 'near'));
      await page.waitForFunction(() => document.querySelector('egm-map').shadowRoot.querySelector('egm-grid').shadowRoot.querySelectorAll('[role="gridcell"]').length < 120);
      const near = await page.evaluate(cells);
      assert.ok(near > 0 && near < 120, `${near} cells near the screen`);
      await page.evaluate(() => {
        window.__printed = [];
        window.addEventListener('beforeprint', () => {
          const grid = document.querySelector('egm-map').shadowRoot.querySelector('egm-grid');
          window.__printed.push([grid.shadowRoot.querySelectorAll('.print-chunk').length, grid.shadowRoot.querySelectorAll('[role="gridcell"]').length]);
        });
      });
      const first = await page.pdf({ preferCSSPageSize: true });
      assert.ok(pageSizes(first).length >= 1);
      // Afterwards, the cells near the screen only again.
      await page.waitForFunction(() => document.querySelector('egm-map').shadowRoot.querySelector('egm-grid').shadowRoot.querySelectorAll('[role="gridcell"]').length < 120);
      release();
      await page.waitForFunction(() => customElements.get('egm-study-card'));
      await page.pdf({ preferCSSPageSize: true });
      const printed = await page.evaluate(() => window.__printed);
      // First: no printed copy, every one of the grid's 120 cells; then the copy's three chunks
      // (the screen grid, hidden in print, as it was).
      assert.equal(printed.length, 2);
      assert.deepEqual(printed[0], [0, 120]);
      assert.equal(printed[1][0], 3);
      assert.ok(printed[1][1] < 120, `${printed[1][1]} cells on screen under the copy`);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
