/* global document */
// Framework hosts (examples/react, examples/vue): each example is built with Vite against the
// built package (after `npm run build`), served, and driven in Chromium: the host sets the data
// as properties, a cell is selected, and the host receives the typed event. Each example, and a
// file of wrong uses, is type-checked against `egm-components/react` (tsc) or `/vue` (vue-tsc).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createIndex, GridModel, parseMap } from '../../dist/core.js';
import { launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

const map = parseMap(JSON.parse(readFileSync(join(root, 'demo/peer-support.egm.json'), 'utf8')));
const model = new GridModel(createIndex(map), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments });
const [rowId, columnId] = ['education', 'mental-health'];
const studyCount = model.cellStudies(rowId, columnId, undefined).length;

describe('framework hosts', () => {
  const out = mkdtempSync(join(tmpdir(), 'egm-frameworks-'));
  let browser;

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  for (const name of ['react', 'vue']) {
    it(`${name}: sets the data, selects a cell and receives egm-cell-select`, async () => {
      const outDir = join(out, name);
      await build({ configFile: join(root, `examples/${name}/vite.config.mjs`), build: { outDir, emptyOutDir: true } });
      const server = await serve({ port: 0, root: outDir });
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      try {
        await page.goto(`${server.origin}/index.html`);
        // The grid renders cells only once the host has set .schema and .studies as properties.
        const cell = page.locator(`egm-grid [data-row="${rowId}"][data-column="${columnId}"]`);
        await cell.waitFor();
        assert.equal(await cell.getAttribute('data-count'), String(studyCount));
        assert.equal(await page.locator('#selection').textContent(), 'Select a cell');
        await cell.click();
        await page.waitForFunction(() => document.querySelector('#selection').textContent !== 'Select a cell');
        assert.equal(await page.locator('#selection').textContent(), `${rowId} × ${columnId}: ${studyCount} studies`);
        assert.equal(await page.locator('h1').textContent(), map.title);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
        await server.close();
      }
    });
  }

  it('react: the TSX type-checks against egm-components/react, and wrong props and details do not', () => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'examples/react/tsconfig.json')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('vue: the templates type-check against egm-components/vue (vue-tsc), and wrong props and details do not', () => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', join(root, 'examples/vue/tsconfig.json')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
