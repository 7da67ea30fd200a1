// End to end, on the built embed bundle (`npm run test:node`, after `npm run build`): a plain
// page with one <script type="module"> and one <egm-map src>, served under a strict
// Content-Security-Policy, in a real Chromium. What the page shows is checked against the
// counting core (dist/core.js), not against numbers written here.
/* global window, document, customElements, location -- the functions handed to page.evaluate run in the page */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createIndex, GridModel, parseMap } from '../../dist/core.js';
import { CSP, holdDeferredChunk, launchChromium, openPage as open, requireChromeAndBuild, startServer } from './helpers.mjs';

const PLAIN = '/test/e2e/plain.html';
const COMPOSE = '/demo/compose.html';

const demo = parseMap(JSON.parse(readFileSync(new URL('../../demo/peer-support.egm.json', import.meta.url), 'utf8')));
const model = new GridModel(createIndex(demo), { rows: demo.layout.rows, columns: demo.layout.columns, segments: demo.layout.segments });

/** The count cells of the first egm-grid on the page (inside egm-map or not). */
function readCells() {
  const map = document.querySelector('egm-map');
  const grid = (map ? map.shadowRoot : document).querySelector('egm-grid');
  return [...grid.shadowRoot.querySelectorAll('[data-row][data-column][data-count]')].map((c) => ({
    row: c.dataset.row,
    column: c.dataset.column,
    count: Number(c.dataset.count),
    total: Number(c.dataset.total),
  }));
}

/** What core says each of those cells holds under `filters`. */
const expectedCells = (cells, filters) =>
  cells.map(({ row, column }) => ({
    row,
    column,
    count: model.cellStudies(row, column, filters).length,
    total: model.cellStudies(row, column, undefined).length,
  }));

describe('embed bundle in Chromium (dist/egm-components.bundle.js)', () => {
  let server;
  let browser;

  before(async () => {
    requireChromeAndBuild();
    server = await startServer((path) => (path === PLAIN ? { 'content-security-policy': CSP } : undefined));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh page that records errors and every request it makes (test/node/helpers.mjs). */
  const openPage = () => open(browser, server.origin);

  it('a plain page under a strict CSP loads the map and lists exactly a cell’s studies', async () => {
    const { page, problems, requests } = await openPage();
    try {
      const response = await page.goto(server.origin + PLAIN);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-security-policy'], CSP, 'the test page must be served under the strict CSP');

      await page.waitForFunction(() => window.__e2e.loads.length > 0);
      assert.deepEqual(await page.evaluate(() => window.__e2e.loads), [{ studies: demo.studies.length }]);
      assert.equal(await page.evaluate(() => document.querySelector('egm-map').shadowRoot.querySelector('slot')), null, 'the fallback content is hidden once the map has loaded');

      // Every count cell agrees with core, with no filter.
      const cells = await page.evaluate(readCells);
      assert.ok(cells.length > 50, `the grid shows its cells (found ${cells.length})`);
      assert.deepEqual(cells, expectedCells(cells, undefined));

      // A bubble with several studies: the panel lists exactly that cell's studies.
      const [rowId, columnId] = ['education', 'mental-health'];
      const expected = model.cellStudies(rowId, columnId, undefined);
      assert.ok(expected.length > 1, 'the chosen cell holds several studies');
      const cell = page.locator(`egm-map egm-grid [data-row="${rowId}"][data-column="${columnId}"]`);
      assert.equal(await cell.getAttribute('data-count'), String(expected.length));
      await cell.click();
      await page.locator('egm-map section.panel egm-study-card').first().waitFor();
      const panel = await page.evaluate(() => {
        const section = document.querySelector('egm-map').shadowRoot.querySelector('section.panel');
        const cards = [...section.querySelectorAll('egm-study-card')];
        return {
          title: section.querySelector('#panel-title').textContent.trim(),
          count: section.querySelector('.panel-count').textContent.trim(),
          ids: cards.map((c) => c.study.id),
          rendered: cards.map((c) => c.shadowRoot?.textContent ?? ''),
        };
      });
      assert.equal(panel.title, 'Education × Mental health');
      assert.equal(panel.count, `${expected.length} studies`);
      assert.deepEqual([...panel.ids].sort(), [...expected].sort());
      const byId = new Map(demo.studies.map((s) => [s.id, s]));
      panel.ids.forEach((id, i) => assert.ok(panel.rendered[i].includes(byId.get(id).title), `the card for ${id} shows its title`));

      const violations = await page.evaluate(() => window.__e2e.violations);
      assert.deepEqual(violations, [], 'no Content-Security-Policy violations');
      assert.deepEqual(problems, [], 'no page errors, console errors or failed requests');
      const foreign = requests.filter((url) => new URL(url).origin !== server.origin);
      assert.deepEqual(foreign, [], 'every request goes to the page’s own server');
      assert.ok(requests.includes(server.origin + '/demo/peer-support.egm.json'), 'the map was fetched from src');

      // The listener above would have seen a violation: an inline style attribute is one.
      await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
      await page.waitForFunction(() => window.__e2e.violations.length > 0);
      assert.match((await page.evaluate(() => window.__e2e.violations))[0], /^style-src-attr blocked inline/);
    } finally {
      await page.close();
    }
  });

  it('the study panel and the about text come from a chunk: fetched once the page is idle, shown while loading, retried after a failure', async () => {
    const deferred = (url) => new URL(url).pathname.startsWith('/dist/egm-chunks/deferred-');
    const panelText = () => document.querySelector('egm-map').shadowRoot.querySelector('section.panel')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    const cell = (page) => page.locator('egm-map egm-grid [data-row="education"][data-column="mental-health"]');

    // Left alone, the page fetches the chunk once it is idle; the about text and <egm-study-card> come with it.
    {
      const { page, problems, requests } = await openPage();
      try {
        await page.goto(server.origin + PLAIN);
        await page.waitForFunction(() => customElements.get('egm-study-card') !== undefined);
        assert.equal(requests.filter(deferred).length, 1, 'one request for the chunk, from the bundle and the map together');
        await page.waitForFunction(() => document.querySelector('egm-map').shadowRoot.querySelector('.about-body')?.textContent.includes('Methods (illustrative)'));
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    }

    // The chunk is slow: a panel opened meanwhile says it is loading, then lists the cell's studies.
    {
      const { page, problems } = await openPage();
      const release = await holdDeferredChunk(page);
      try {
        await page.goto(server.origin + PLAIN);
        await page.waitForFunction(() => window.__e2e.loads.length > 0);
        assert.equal(await page.evaluate(() => customElements.get('egm-study-card')), undefined, 'the card is not defined before its chunk');
        await cell(page).click();
        await page.waitForFunction(() => document.querySelector('egm-map').shadowRoot.querySelector('section.panel .panel-count'));
        assert.match(await page.evaluate(panelText), /^Education × Mental health × Loading the studies…$/);
        release();
        await page.locator('egm-map section.panel egm-study-card').first().waitFor();
        const expected = model.cellStudies('education', 'mental-health', undefined);
        assert.equal(await page.locator('egm-map section.panel egm-study-card').count(), expected.length);
        assert.equal(await page.evaluate(() => document.querySelector('egm-map').shadowRoot.querySelector('.panel-count').textContent.trim()), `${expected.length} studies`);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    }

    // The chunk cannot be had: the panel says so (an alert), and its "Try again" loads it once it can.
    {
      const { page, problems, requests } = await openPage();
      await page.route('**/dist/egm-chunks/deferred-*', (route) => route.fulfill({ status: 404, body: 'not found' }));
      try {
        await page.goto(server.origin + PLAIN);
        await page.waitForFunction(() => window.__e2e.loads.length > 0);
        await cell(page).click();
        await page.waitForFunction(() => document.querySelector('egm-map').shadowRoot.querySelector('section.panel [role="alert"]'));
        assert.match(await page.evaluate(panelText), /The studies could not be shown: part of the map’s code could not be loaded\. .* Try again$/);
        // No loop of retries: the failure waits for the reader.
        const tries = requests.filter(deferred).length;
        await page.waitForTimeout(300);
        assert.equal(requests.filter(deferred).length, tries, 'no request without a reader’s action');
        await page.unroute('**/dist/egm-chunks/deferred-*');
        await page.locator('egm-map section.panel button.retry').click();
        await page.locator('egm-map section.panel egm-study-card').first().waitFor();
        // The button is gone: focus is on the panel's title, not lost to the page.
        await page.waitForFunction(() => document.querySelector('egm-map').shadowRoot.activeElement?.id === 'panel-title');
        assert.equal(await page.locator('egm-map section.panel egm-study-card').count(), model.cellStudies('education', 'mental-health', undefined).length);
        assert.ok(await page.evaluate(() => document.querySelector('egm-map').shadowRoot.querySelector('.about-body').textContent.includes('Methods (illustrative)')), 'the about text came with it');
        assert.deepEqual(problems.filter((p) => !/egm-chunks|Failed to load resource|dynamically imported module/.test(p)), []);
      } finally {
        await page.close();
      }
    }
  });

  it('url-state: the link’s state waits for its code (a chunk), is never overwritten meanwhile, and is applied when it arrives', async () => {
    const { page, problems } = await openPage();
    const release = await holdDeferredChunk(page);
    const hash = '#peer-support-illustrative.f.design=rct&peer-support-illustrative.row=education&peer-support-illustrative.col=mental-health';
    const filters = { categories: { design: ['rct'] } };
    const count = () =>
      document.querySelector('egm-map').shadowRoot.querySelector('egm-grid').shadowRoot.querySelector('[data-row="education"][data-column="mental-health"]').dataset.count;
    try {
      // plain.html's map with url-state set.
      await page.route(`**${PLAIN}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace('<egm-map src=', '<egm-map url-state src=') });
      });
      await page.goto(`${server.origin}${PLAIN}${hash}`);
      assert.equal(await page.evaluate(() => document.querySelector('egm-map').hasAttribute('url-state')), true);
      await page.waitForFunction(() => window.__e2e.loads.length > 0);
      // Drawn without its state yet: every study counts, and the URL is the link's.
      assert.equal(Number(await page.evaluate(count)), model.cellStudies('education', 'mental-health', undefined).length);
      assert.equal(await page.evaluate(() => location.hash), hash);
      release();
      await page.locator('egm-map section.panel egm-study-card').first().waitFor();
      assert.equal(Number(await page.evaluate(count)), model.cellStudies('education', 'mental-health', filters).length);
      assert.equal(await page.locator('egm-map section.panel egm-study-card').count(), model.cellStudies('education', 'mental-health', filters).length);
      assert.equal(await page.evaluate(() => location.hash), hash);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('downloads fetch their chunk on first use, under the strict CSP; a missing chunk is announced, and the next click works', async () => {
    const { page, problems, requests } = await openPage();
    try {
      await page.goto(server.origin + PLAIN);
      await page.waitForFunction(() => window.__e2e.loads.length > 0);
      const chunk = (url) => new URL(url).pathname.startsWith('/dist/egm-chunks/export-files-');
      assert.deepEqual(requests.filter(chunk), [], 'a reader who does not download does not fetch the download code');

      // The chunk cannot be had (a host that uploaded the bundle file alone).
      await page.route('**/dist/egm-chunks/export-files-*', (route) => route.fulfill({ status: 404, body: 'not found' }));
      const csv = page.locator('egm-map .actions button').first();
      await csv.click();
      const live = () => page.evaluate(() => document.querySelector('egm-map').shadowRoot.querySelector('[aria-live="polite"]').textContent.trim());
      await page.waitForFunction(() => document.querySelector('egm-map').shadowRoot.querySelector('[aria-live="polite"]').textContent.includes('could not be prepared'));
      assert.match(await live(), /^The download could not be prepared/);

      // Once it can be fetched, the next click downloads.
      await page.unroute('**/dist/egm-chunks/export-files-*');
      const [file] = await Promise.all([page.waitForEvent('download'), csv.click()]);
      assert.equal(file.suggestedFilename(), 'peer-support-illustrative.csv');
      assert.ok(requests.filter(chunk).length >= 2, 'the chunk was asked for again after the failure');
      assert.deepEqual(await page.evaluate(() => window.__e2e.violations), [], 'no Content-Security-Policy violations');
      // Chromium reports the refused module as a console error and a failed load: nothing else.
      assert.deepEqual(
        problems.filter((p) => !/egm-chunks|Failed to load resource|dynamically imported module/.test(p)),
        [],
      );
    } finally {
      await page.close();
    }
  });

  it(
    'on a phone (375px) the grid inside egm-map takes the container’s width',
    async () => {
      const { page, problems } = await openPage();
      try {
        await page.setViewportSize({ width: 375, height: 812 });
        await page.goto(server.origin + PLAIN);
        await page.waitForFunction(() => window.__e2e.loads.length > 0);
        const widths = await page.evaluate(() => {
          const map = document.querySelector('egm-map');
          return { map: map.getBoundingClientRect().width, grid: map.shadowRoot.querySelector('egm-grid').getBoundingClientRect().width };
        });
        assert.deepEqual(problems, []);
        assert.ok(widths.grid >= widths.map - 1, `the grid is ${widths.grid}px wide in a ${widths.map}px map`);
      } finally {
        await page.close();
      }
    },
  );

  it('demo/compose.html: checking a filter recounts the grid as core does', async () => {
    const { page, problems, requests } = await openPage();
    try {
      await page.goto(server.origin + COMPOSE);
      await page.waitForFunction(() => document.querySelector('egm-grid')?.shadowRoot?.querySelector('[data-count]'));
      // (A grid draws a new map over a few frames: every cell is in once it has finished.)
      await page.evaluate(() => document.querySelector('egm-grid').updateComplete);
      const before = await page.evaluate(readCells);
      assert.deepEqual(before, expectedCells(before, undefined));

      await page.locator('egm-filter-bar [data-dimension="population"] button.control-button').click();
      await page.locator('egm-filter-bar [data-dimension="population"] input[data-id="carers"]').check();
      await page.waitForFunction(() => window.__e2e.filterChanges.length > 0);
      const [{ filters }] = await page.evaluate(() => window.__e2e.filterChanges);
      assert.deepEqual(filters.categories, { population: ['carers'] });
      await page.evaluate(() => document.querySelector('egm-grid').updateComplete);

      const afterCells = await page.evaluate(readCells);
      assert.deepEqual(afterCells, expectedCells(afterCells, filters));
      const changed = afterCells.filter((c, i) => c.count !== before[i].count);
      assert.ok(changed.length > 0, 'the filter changed some counts');
      assert.deepEqual(
        afterCells.map((c) => c.total),
        before.map((c) => c.total),
        'data-total does not change under a filter',
      );

      assert.deepEqual(problems, [], 'no page errors, console errors or failed requests');
      assert.deepEqual(
        requests.filter((url) => new URL(url).origin !== server.origin),
        [],
        'every request goes to the page’s own server',
      );
    } finally {
      await page.close();
    }
  });

  it('demo/compose.html: study cards made before their chunk is in are drawn, with the properties given, once it arrives', async () => {
    const { page, problems } = await openPage();
    const release = await holdDeferredChunk(page);
    try {
      await page.goto(server.origin + COMPOSE);
      await page.waitForFunction(() => document.querySelector('egm-grid')?.shadowRoot?.querySelector('[data-count]'));
      const [rowId, columnId] = ['education', 'mental-health'];
      await page.locator(`egm-grid [data-row="${rowId}"][data-column="${columnId}"]`).click();
      const expected = model.cellStudies(rowId, columnId, undefined);
      await page.waitForFunction((n) => document.querySelectorAll('#studies egm-study-card').length === n, expected.length);
      assert.equal(await page.evaluate(() => customElements.get('egm-study-card')), undefined, 'the cards wait for their code');
      assert.equal(await page.evaluate(() => document.querySelector('#studies egm-study-card').shadowRoot), null);
      release();
      await page.evaluate(() => customElements.whenDefined('egm-study-card'));
      await page.evaluate(() => Promise.all([...document.querySelectorAll('#studies egm-study-card')].map((c) => c.updateComplete)));
      const cards = await page.evaluate(() => [...document.querySelectorAll('#studies egm-study-card')].map((c) => ({ id: c.study.id, text: c.shadowRoot?.textContent ?? '' })));
      const byId = new Map(demo.studies.map((s) => [s.id, s]));
      assert.deepEqual(cards.map((c) => c.id).sort(), [...expected].sort());
      for (const c of cards) assert.ok(c.text.includes(byId.get(c.id).title), `the card for ${c.id} shows its title`);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
