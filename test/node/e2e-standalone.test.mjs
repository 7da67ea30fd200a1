/* global document, window */
// `egm convert … --html page.html`: one self-contained page, opened from disk (file://) in
// Chromium, with no server and no other file (after `npm run build`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';
import { createIndex, GridModel, parseMap } from '../../dist/core.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/cli.js');
const EPPI = ['--from', 'eppi-reviewer', join(root, 'src/core/import/fixtures/retraction-lit-trimmed.json'), '--rows', 'Citation of retracted papers', '--columns', 'Processes and policies'];

const egm = (dir, ...args) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });

/** data-count of every cell core computes, keyed "row|column". */
function expectedCounts(map) {
  const model = new GridModel(createIndex(map), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments });
  const C = model.columns.lines.length;
  return Object.fromEntries(model.rows.lines.flatMap((r, i) => model.columns.lines.map((c, j) => [`${r.id}|${c.id}`, String(model.totals.counts[i * C + j])])));
}

/** Opens a page and returns the counts its grid shows, the page errors and every request made. */
async function open(browser, file) {
  const page = await browser.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => document.querySelector('egm-map')?.shadowRoot?.querySelector('egm-grid')?.shadowRoot?.querySelector('[data-count]'));
  const shown = await page.evaluate(async () => {
    const grid = document.querySelector('egm-map').shadowRoot.querySelector('egm-grid');
    await grid.updateComplete; // the rows below the first screen come in background tasks
    return Object.fromEntries([...grid.shadowRoot.querySelectorAll('[data-count]')].map((td) => [`${td.dataset.row}|${td.dataset.column}`, td.dataset.count]));
  });
  return { page, shown, errors, requests };
}

describe('egm convert --html', () => {
  const dir = mkdtempSync(join(tmpdir(), 'egm-page-'));
  let browser;

  before(async () => {
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one page from the EPPI-Reviewer export that renders from file:// with core\'s counts', async () => {
    const r = egm(dir, 'convert', ...EPPI, '-o', 'map.egm.json', '--html', 'map.html');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /wrote map\.html: a standalone page/);
    const html = readFileSync(join(dir, 'map.html'), 'utf8');
    // Self-contained: no element outside the scripts' text points at another file, no source map.
    assert.doesNotMatch(html.replace(/(<script[^>]*>)[^]*?<\/script>/g, '$1</script>'), /\s(src|href)=/);
    assert.doesNotMatch(html, /sourceMappingURL/);
    const map = parseMap(JSON.parse(readFileSync(join(dir, 'map.egm.json'), 'utf8')));
    const expected = expectedCounts(map);
    assert.ok(Object.values(expected).some((n) => n !== '0'), 'the converted map has studies in its cells');

    const { page, shown, errors, requests } = await open(browser, join(dir, 'map.html'));
    assert.deepEqual(shown, expected);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), [], 'the page requests nothing from the network');
    assert.equal(await page.title(), map.title);
    // The fallback text is hidden once the map renders.
    assert.equal(await page.evaluate(() => document.querySelector('egm-map').shadowRoot.querySelector('slot')), null);
    await page.close();
  });

  it('without -o writes only the page (nothing on standard output)', () => {
    const r = egm(dir, 'convert', ...EPPI, '--html', 'only.html');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.ok(readFileSync(join(dir, 'only.html'), 'utf8').startsWith('<!doctype html>'));
  });

  it('keeps hostile text inside the data: </script>, <!-- and quotes in titles run nothing', async () => {
    const map = JSON.parse(readFileSync(join(root, 'demo/peer-support.egm.json'), 'utf8'));
    const evil = `</script><script>window.pwned=1</script><!-- <script> "'&`;
    map.title = `Map ${evil}`;
    map.studies[0].title = `Study ${evil}`;
    writeFileSync(join(dir, 'evil.egm.json'), JSON.stringify(map));
    const r = egm(dir, 'convert', '--from', 'egm', 'evil.egm.json', '--html', 'evil.html');
    assert.equal(r.status, 0, r.stderr);
    const html = readFileSync(join(dir, 'evil.html'), 'utf8');
    assert.equal(html.match(/<\/script/gi).length, 3, 'only the page\'s own three scripts close');
    assert.doesNotMatch(html, /<!--/);

    const { page, shown, errors } = await open(browser, join(dir, 'evil.html'));
    assert.deepEqual(shown, expectedCounts(parseMap(map)));
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(await page.title(), map.title);
    assert.equal(await page.evaluate(() => document.querySelector('egm-map').shadowRoot.querySelector('[part="title"]').textContent.trim()), map.title);
    await page.close();
  });

  it('fails clearly when the input is not a map, writing no page', () => {
    writeFileSync(join(dir, 'bad.json'), '{}');
    const r = egm(dir, 'convert', '--from', 'egm', 'bad.json', '--html', 'bad.html');
    assert.notEqual(r.status, 0);
    assert.equal(existsSync(join(dir, 'bad.html')), false);
  });
});
