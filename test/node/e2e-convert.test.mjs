/* global document */
// From an EPPI-Reviewer export to a live map: `egm convert` on the committed real export, then
// the result rendered by <egm-map> from the built bundle in Chromium (after `npm run build`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createIndex, GridModel, parseMap } from '../../dist/core.js';
import { serve } from '../../scripts/serve.mjs';
import { CHROME, launchChromium } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('egm convert → <egm-map>', () => {
  const site = mkdtempSync(join(tmpdir(), 'egm-site-'));
  let server;
  let browser;

  before(async () => {
    if (!existsSync(CHROME)) throw new Error(`No Chromium at ${CHROME}: install one (apt-get install chromium) or set CHROME_PATH.`);
    // A host site: the bundle, the converted map and one page, nothing else.
    mkdirSync(join(site, 'assets'));
    copyFileSync(join(root, 'dist/egm-components.bundle.js'), join(site, 'assets/egm-components.bundle.js'));
    const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'convert', '--from', 'eppi-reviewer', join(root, 'src/core/import/fixtures/retraction-lit-trimmed.json'), '--rows', 'Citation of retracted papers', '--columns', 'Processes and policies', '--segments', 'Citation context', '-o', join(site, 'map.egm.json')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'validate', join(site, 'map.egm.json')]).status, 0);
    writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="en"><title>Map</title><script type="module" src="/assets/egm-components.bundle.js"></script><egm-map src="/map.egm.json"><p>Fallback</p></egm-map>');
    server = await serve({ port: 0, root: site });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('renders every cell with the counts core computes from the converted file', async () => {
    const map = parseMap(JSON.parse(readFileSync(join(site, 'map.egm.json'), 'utf8')));
    const model = new GridModel(createIndex(map), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments });
    const C = model.columns.lines.length;
    const expected = Object.fromEntries(model.rows.lines.flatMap((r, i) => model.columns.lines.map((c, j) => [`${r.id}|${c.id}`, String(model.totals.counts[i * C + j])])));
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/index.html`);
    await page.waitForFunction(() => document.querySelector('egm-map')?.shadowRoot?.querySelector('egm-grid')?.shadowRoot?.querySelector('[data-count]'));
    const shown = await page.evaluate(async () => {
      const grid = document.querySelector('egm-map').shadowRoot.querySelector('egm-grid');
      // The rows below the first screen come in background tasks: wait for every cell, as a host's test would.
      await grid.updateComplete;
      return Object.fromEntries([...grid.shadowRoot.querySelectorAll('[data-count]')].map((td) => [`${td.dataset.row}|${td.dataset.column}`, td.dataset.count]));
    });
    assert.deepEqual(shown, expected);
    assert.ok(Object.values(expected).some((n) => n !== '0'), 'the converted map has studies in its cells');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
