// Hostile input on strict host pages, end to end on the built embed bundle (`npm run
// test:node`, after `npm run build`), under a strict Content-Security-Policy with and without
// Trusted Types:
// - test/e2e/strict.html loads hostile-text.egm.json: XSS payloads in every text field;
// - test/e2e/strict-about.html loads hostile.egm.json: the same, and in aboutHtml too;
// - test/e2e/two-copies.html loads the bundle twice.
// Every page is used as a reader would: a filter panel opened and an option checked, a cell
// selected and its study panel shown, the about text opened. (scripts/generate-hostile.ts makes
// the two map files from src/testing/xss-corpus.ts: twelve payloads that would run script or
// load something.)
/* global window, document, customElements -- the functions handed to page.evaluate run in the page */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CSP, launchChromium, openPage, requireChromeAndBuild, startServer, violations } from './helpers.mjs';

const STRICT = '/test/e2e/strict.html';
const STRICT_ABOUT = '/test/e2e/strict-about.html';
const TWO = '/test/e2e/two-copies.html';
const BUNDLE = '/dist/egm-components.bundle.js';
const HOSTILE_TEXT = '/test/e2e/hostile-text.egm.json';
/** The path of the bundle's chunk named `name` (`deferred-<hash>.js`, say). */
const chunk = (name) => {
  try {
    const file = readdirSync(new URL('../../dist/egm-chunks/', import.meta.url)).find((f) => new RegExp(`^${name}-[\\w-]+\\.js$`).test(f));
    return file ? `/dist/egm-chunks/${file}` : '(not built)';
  } catch {
    return '(not built)';
  }
};
/** The chunk of what the map draws after its first screen (the panel's list, the about text). */
const DEFERRED = chunk('deferred');
/** The chunk that reads a map file (`<egm-map src>`), fetched beside the file. */
const READ_JSON = chunk('read-json');
const HOSTILE = '/test/e2e/hostile.egm.json';
const DEMO = '/demo/peer-support.egm.json';
const TT = "require-trusted-types-for 'script'";
const POLICY_NAME = 'egm-components#inert-parse';

/** The Content-Security-Policy of each `?policy=` variant of the strict page. */
const POLICIES = {
  // (a) the strict CSP alone
  csp: CSP,
  // (b) Trusted Types enforced, any policy name allowed
  tt: `${CSP}; ${TT}`,
  // Trusted Types with a policy list naming Lit's policy and ours: the about text stays HTML
  'tt-named': `${CSP}; ${TT}; trusted-types lit-html ${POLICY_NAME}`,
  // Trusted Types with a list that leaves ours out: the about text falls back to plain text
  'tt-lit-only': `${CSP}; ${TT}; trusted-types lit-html`,
  // No policy at all: Lit cannot create its own, so the elements never start (fallback shown)
  'tt-none': `${CSP}; ${TT}; trusted-types 'none'`,
};

describe('strict host pages (dist/egm-components.bundle.js)', () => {
  let server;
  let browser;

  before(async () => {
    requireChromeAndBuild();
    server = await startServer((path, search) => {
      if (path === STRICT || path === STRICT_ABOUT) return { 'content-security-policy': POLICIES[search.get('policy')] ?? CSP };
      if (path === TWO) return { 'content-security-policy': CSP };
      return undefined;
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Loads a strict page under `policy` and uses it: filter, cell, about text. Returns what a
   * test asserts on.
   */
  async function exercise(policy, path = STRICT) {
    const { page, problems, requests } = await openPage(browser, server.origin);
    const url = `${server.origin}${path}?policy=${policy}`;
    try {
      const response = await page.goto(url);
      assert.equal(response.headers()['content-security-policy'], POLICIES[policy]);
      await page.waitForFunction(() => window.__e2e.loads.length > 0);

      // A filter panel, and an option checked.
      await page.locator('egm-map egm-filter-bar .control-button').first().click();
      await page.locator('egm-map egm-filter-bar .panel input[type="checkbox"]').first().check();
      await page.waitForFunction(() => window.__e2e.filterChanges.length > 0);
      // A cell with studies, and its panel. (Dispatched rather than clicked at its position: the
      // hostile map's 900-character column labels overlap the first rows of cells.)
      await page.locator('egm-map egm-grid [data-count]:not([data-count="0"])').first().dispatchEvent('click');
      await page.locator('egm-map section.panel egm-study-card').first().waitFor();
      // The about text.
      await page.locator('egm-map details.about summary').dispatchEvent('click');
      await page.waitForTimeout(200);

      const about = await page.evaluate(() => {
        const body = document.querySelector('egm-map').shadowRoot.querySelector('details.about .about-body');
        return {
          open: body.closest('details').open,
          text: body.textContent,
          tags: [...body.querySelectorAll('*')].map((e) => e.localName),
          links: [...body.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.rel, a.target]),
        };
      });
      return { page, problems, requests, url, about, violations: await violations(page), xss: await page.evaluate(() => window.__xss) };
    } catch (error) {
      await page.close();
      throw error;
    }
  }

  /** Requests the page made, as paths, in order of first request. */
  const paths = (requests) => [...new Set(requests.map((u) => new URL(u).pathname + new URL(u).search))];
  /** The same, sorted: the map file and its reader's chunk are fetched together, in either order. */
  const sortedPaths = (requests) => paths(requests).sort();

  for (const policy of ['csp', 'tt', 'tt-named']) {
    it(`${policy}: hostile text fields, no violation while loading, filtering, selecting and reading the about text (HTML)`, async () => {
      const r = await exercise(policy);
      try {
        assert.deepEqual(r.violations, [], 'no Content-Security-Policy or Trusted Types violations');
        assert.deepEqual(r.problems, [], 'no page errors, console errors or failed requests');
        assert.equal(r.xss, 0, 'no payload ran');
        assert.equal(r.about.open, true);
        assert.deepEqual(r.about.links, [['https://example.org/methods', 'noopener noreferrer', '_blank']], 'the about text is the sanitised HTML');
        assert.ok(r.about.text.startsWith('Methods: the protocol.'));
        // (d) nothing but the page, the bundle, its chunks and the map file: no fonts, images, styles or
        // scripts from anywhere, though the map is full of them.
        assert.deepEqual(sortedPaths(r.requests), [`${STRICT}?policy=${policy}`, BUNDLE, HOSTILE_TEXT, READ_JSON, DEFERRED].sort());
      } finally {
        await r.page.close();
      }
    });
  }

  for (const policy of ['csp', 'tt-named']) {
    it(`${policy}: hostile about text, nothing runs or loads; the only reports are inline handlers and styles the inert parse met`, async () => {
      const r = await exercise(policy, STRICT_ABOUT);
      try {
        assert.equal(r.xss, 0, 'no payload ran');
        assert.deepEqual(sortedPaths(r.requests), [`${STRICT_ABOUT}?policy=${policy}`, BUNDLE, HOSTILE, READ_JSON, DEFERRED].sort());
        // The one http(s) link keeps its href; the javascript: one is text in an <a> without one.
        assert.deepEqual(r.about.links, [['https://example.org/methods', 'noopener noreferrer', '_blank'], [null, '', '']]);
        assert.deepEqual(r.about.tags.filter((t) => !['p', 'a'].includes(t)), []);
        // Chromium checks the page's policy as the inert parser meets an event-handler or
        // style attribute, or a <style> element, and reports (and logs) each as blocked, though
        // nothing there could run or load (docs/security.md, "Reports from the about text").
        assert.ok(r.violations.length > 0);
        // (The inert parse is the sanitiser's, which is in the chunk of what the map draws later.)
        const inline = /^(script-src-attr|style-src-attr|style-src-elem) blocked inline at http:\/\/127\.0\.0\.1:\d+\/dist\/egm-chunks\/deferred-[\w-]+\.js:/;
        assert.deepEqual(r.violations.filter((v) => !inline.test(v)), []);
        const logged = /^console error: (Executing inline event handler|Applying inline style) violates the following Content Security Policy directive '(script|style)-src 'self''.* \(http:\/\/127\.0\.0\.1:\d+\/dist\/egm-chunks\/deferred-[\w-]+\.js\)$/;
        assert.deepEqual(r.problems.filter((p) => !logged.test(p)), [], 'no other page error, console error or failed request');
        assert.equal(r.problems.length, r.violations.length);
      } finally {
        await r.page.close();
      }
    });
  }

  it('tt-lit-only: a policy list without ours shows the about text as plain text; the one report is the refused name', async () => {
    const r = await exercise('tt-lit-only');
    try {
      assert.equal(r.violations.length, 1, r.violations.join('\n'));
      assert.match(r.violations[0], /^trusted-types blocked/);
      assert.ok(r.violations[0].includes(POLICY_NAME), r.violations[0]);
      assert.equal(r.problems.length, 1, r.problems.join('\n'));
      assert.match(r.problems[0], /^console error: Creating a TrustedTypePolicy named 'egm-components#inert-parse' violates/);
      assert.equal(r.xss, 0);
      assert.deepEqual(r.about.tags, [], 'no element in the fallback: text only');
      assert.ok(r.about.text.startsWith('Methods: the protocol.'), r.about.text.slice(0, 80));
      assert.deepEqual(sortedPaths(r.requests), [`${STRICT}?policy=tt-lit-only`, BUNDLE, HOSTILE_TEXT, READ_JSON, DEFERRED].sort());
    } finally {
      await r.page.close();
    }
  });

  it("tt-none: where Lit may not create its policy the elements never start, and the fallback content stays", async () => {
    const { page, problems, requests } = await openPage(browser, server.origin);
    try {
      await page.goto(`${server.origin}${STRICT}?policy=tt-none`);
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => ({
        defined: customElements.get('egm-map') !== undefined,
        fallback: document.querySelector('#fallback').getBoundingClientRect().height > 0,
        xss: window.__xss,
      }));
      assert.deepEqual(state, { defined: false, fallback: true, xss: 0 });
      const v = await violations(page);
      assert.equal(v.length, 1, v.join('\n'));
      assert.ok(v[0].startsWith('trusted-types blocked') && v[0].includes('lit-html'), v[0]);
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.match(problems[0], /^console error: Creating a TrustedTypePolicy named 'lit-html' violates/);
      assert.match(problems[1], /^page error: .*Policy "lit-html" disallowed/);
      assert.deepEqual(paths(requests), [`${STRICT}?policy=tt-none`, BUNDLE], 'the map is never fetched');
    } finally {
      await page.close();
    }
  });

  it('(c) two copies of the library on one page: no error, both maps load and work', async () => {
    const { page, problems, requests } = await openPage(browser, server.origin);
    try {
      await page.goto(server.origin + TWO);
      await page.waitForFunction(() => window.__e2e.loads.length === 2);
      // Both copies were evaluated: two module instances, one registration.
      const copies = await page.evaluate(async () => {
        const [a, b] = await Promise.all([import('/dist/egm-components.bundle.js'), import('/dist/egm-components.bundle.js?copy=2')]);
        return { distinct: a.EgmMapElement !== b.EgmMapElement, registered: customElements.get('egm-map') === a.EgmMapElement };
      });
      assert.deepEqual(copies, { distinct: true, registered: true });
      for (const id of ['first', 'second']) {
        await page.locator(`#${id} egm-grid [data-count]:not([data-count="0"])`).first().dispatchEvent('click');
        await page.locator(`#${id} section.panel egm-study-card`).first().waitFor();
      }
      const cards = await page.evaluate(() => ['first', 'second'].map((id) => document.getElementById(id).shadowRoot.querySelectorAll('egm-study-card').length));
      assert.ok(cards.every((n) => n > 0), `both panels list studies (${cards})`);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(problems, []);
      assert.equal(await page.evaluate(() => window.__xss), 0);
      assert.deepEqual(paths(requests).sort(), [TWO, BUNDLE, `${BUNDLE}?copy=2`, DEMO, HOSTILE_TEXT, READ_JSON, DEFERRED].sort());
    } finally {
      await page.close();
    }
  });
});
