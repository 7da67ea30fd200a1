// Shared by the end-to-end tests of the built bundle (test/node/e2e-*.test.mjs): the Chromium
// they run in, a static server for the repository with per-page headers, and pages that record
// what the tests assert on (page errors, console errors, failed requests, every request made,
// Content-Security-Policy violations, egm-* events).
/* global window, document -- `instrument` runs in the page */
import { existsSync } from 'node:fs';
import { requireChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

export { CHROME, CHROMIUM_ARGS as ARGS, launchChromium } from '../../scripts/chromium.mjs';
/** The strict policy of issue 7: no inline script or style, no eval, no plugins. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** Fails with a clear message when Chromium or a built file is missing. */
export function requireChromeAndBuild(files = ['dist/egm-components.bundle.js', 'dist/core.js']) {
  requireChromium('the end-to-end tests');
  for (const file of files) {
    if (!existsSync(new URL(`../../${file}`, import.meta.url))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
}

/** Starts the repository's static server on an ephemeral port; `headers(pathname, search)` per response. */
export function startServer(headers) {
  return serve({ port: 0, headers });
}

/** Runs in the page before any of its scripts: records what the tests assert on afterwards. */
export function instrument() {
  const log = { violations: [], loads: [], errors: [], filterChanges: [] };
  Object.defineProperty(window, '__e2e', { value: log });
  Object.defineProperty(window, '__xss', { value: 0, writable: true });
  // The event bubbles and is composed, so violations inside shadow roots reach window too.
  window.addEventListener(
    'securitypolicyviolation',
    (e) => log.violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    true,
  );
  document.addEventListener('egm-load', (e) => log.loads.push(e.detail));
  document.addEventListener('egm-error', (e) => log.errors.push(e.detail));
  document.addEventListener('egm-filter-change', (e) => log.filterChanges.push(e.detail));
}

/**
 * A fresh page that records errors and every request it makes. Chromium asks for
 * /favicon.ico on its own (not the page's doing): that request and its 404 are left out.
 */
export async function openPage(browser, origin, { viewport = { width: 1280, height: 900 } } = {}) {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(10_000);
  const favicon = `${origin}/favicon.ico`;
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' || message.location().url === favicon) return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfailed', (request) => {
    if (request.url() !== favicon) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('request', (request) => {
    if (request.url() !== favicon) requests.push(request.url());
  });
  await page.addInitScript(instrument);
  return { page, problems, requests };
}

/** The CSP violations the page has seen so far. */
export const violations = (page) => page.evaluate(() => window.__e2e.violations);

/**
 * Holds back the page's requests for the chunk of what the elements draw after their first
 * screen (dist/egm-chunks/deferred-*.js); the returned function lets them through.
 */
export async function holdDeferredChunk(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/dist/egm-chunks/deferred-*', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
