/* global document */
// The docs cannot drift from the code (`npm run test:node`, after `npm run analyze` and
// `npm run build`):
// - docs/getting-started.md: its ```sh title="getting-started…"``` blocks are run as written
//   (with `npx egm` meaning this checkout's built CLI) on the committed real exports, and the
//   page they produce opens from disk in Chromium;
// - docs/api.md is what scripts/api-docs.mjs generates from custom-elements.json, and so is the
//   reference part of docs/theming.md; every --egm-* token and part the code uses is documented,
//   and every documented one is used;
// - relative links in the README and docs/ point at files that exist; every doc has a Storybook page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DARK, LIGHT, mapStats, PALETTE_DESCRIPTIONS, PALETTE_TOKENS, parseMap } from '../../dist/core.js';
import { launchChromium } from '../../scripts/chromium.mjs';
import { apiMarkdown, themingMarkdown } from '../../scripts/api-docs.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file) => readFileSync(join(root, file), 'utf8');

/** The code blocks of a Markdown file whose info string has `title="<title>"`. */
function codeBlocks(markdown, title) {
  return [...markdown.matchAll(/^```(\S*)[^\n]*title="([^"]+)"[^\n]*\n([^]*?)^```$/gm)].filter((m) => m[2] === title).map((m) => m[3]);
}

/** Runs a documented block with `sh -e` in `dir`, `npx egm` being the built CLI. */
function runBlock(block, dir) {
  const script = block.replace(/\bnpx egm\b/g, `"${process.execPath}" "${join(root, 'dist/cli.js')}"`);
  const r = spawnSync('sh', ['-e', '-c', script], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, `the documented commands failed:\n${block}\n${r.stderr}`);
  return r;
}

describe('docs/getting-started.md, run as written', () => {
  const guide = read('docs/getting-started.md');
  const dirs = [];
  let browser;

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** Opens map.html from disk and returns the number of cells with studies and the page errors. */
  async function openPage(file) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.querySelector('egm-map')?.shadowRoot?.querySelector('egm-grid')?.shadowRoot?.querySelector('[data-count]'));
    const cells = await page.evaluate(async () => {
      const grid = document.querySelector('egm-map').shadowRoot.querySelector('egm-grid');
      await grid.updateComplete; // the rows below the first screen come in background tasks
      return [...grid.shadowRoot.querySelectorAll('[data-count]')].map((td) => Number(td.dataset.count));
    });
    await page.close();
    return { cells, errors };
  }

  for (const [title, fixture, input] of [
    ['getting-started', 'src/core/import/fixtures/retraction-lit-trimmed.json', 'export.json'],
    ['getting-started-eppi-mapper', 'src/core/import/fixtures/eppi-mapper-newer.html', 'eppi-mapper-page.html'],
  ]) {
    it(`"${title}": the commands turn ${fixture} into a working map.html`, async () => {
      const [block, ...more] = codeBlocks(guide, title);
      assert.ok(block, `docs/getting-started.md has a \`\`\`sh title="${title}" block`);
      assert.equal(more.length, 0);
      const dir = mkdtempSync(join(tmpdir(), 'egm-guide-'));
      dirs.push(dir);
      copyFileSync(join(root, fixture), join(dir, input));
      const r = runBlock(block, dir);

      const map = parseMap(JSON.parse(readFileSync(join(dir, 'map.egm.json'), 'utf8')));
      const stats = mapStats(map);
      if (block.includes('egm stats')) assert.match(r.stdout, new RegExp(`studies\\s+${stats.studies}\\b`), 'the stats shown are the map\'s');
      const { cells, errors } = await openPage(join(dir, 'map.html'));
      assert.deepEqual(errors, []);
      assert.equal(cells.length, stats.cells);
      assert.equal(cells.filter((n) => n === 0).length, stats.gaps);
    });
  }

  it('the guide\'s first block converts with a saved config that redoes the conversion', () => {
    const dir = dirs[0];
    assert.ok(existsSync(join(dir, 'map.convert.json')));
    const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'convert', '--config', 'map.convert.json', 'export.json', '-o', 'again.egm.json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'again.egm.json'), 'utf8'), readFileSync(join(dir, 'map.egm.json'), 'utf8'));
  });
});

describe('docs/api.md', () => {
  it('is generated from the current custom-elements.json (npm run docs:api)', () => {
    const expected = apiMarkdown(JSON.parse(read('custom-elements.json')));
    assert.ok(read('docs/api.md') === expected, 'docs/api.md is stale: run "npm run docs:api"');
  });
});

describe('docs/theming.md', () => {
  const manifest = () => JSON.parse(read('custom-elements.json'));
  /** Every source file of the elements (not tests, stories or fixtures). */
  function sources(dir = join(root, 'src')) {
    return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const path = join(dir, d.name);
      if (d.isDirectory()) return d.name === 'testing' ? [] : sources(path);
      return /\.ts$/.test(d.name) && !/\.(test|stories)\.ts$/.test(d.name) ? [readFileSync(path, 'utf8')] : [];
    });
  }
  const documented = (key) => new Set(manifest().modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => (d[key] ?? []).map((x) => x.name))));

  it('has its reference generated from the manifest and the palettes (npm run docs:api)', () => {
    const current = read('docs/theming.md');
    assert.ok(themingMarkdown(manifest(), { LIGHT, DARK, PALETTE_TOKENS, PALETTE_DESCRIPTIONS }, current) === current, 'docs/theming.md is stale: run "npm run docs:api"');
  });

  it('documents every --egm-* custom property the code reads, and documents none it does not', () => {
    const code = sources().join('\n');
    const used = new Set([...code.matchAll(/var\((--egm-[a-z0-9-]*[a-z0-9])/g)].map((m) => m[1]));
    for (const token of Object.values(PALETTE_TOKENS)) used.add(token);
    const docs = new Set([...documented('cssProperties'), ...Object.values(PALETTE_TOKENS)]);
    assert.deepEqual([...used].filter((t) => !docs.has(t)).sort(), [], 'used but not documented');
    // (The palette's are read through the tokens sheet, which builds each from PALETTE_TOKENS.)
    assert.deepEqual([...docs].filter((t) => !used.has(t) && !code.includes(t)).sort(), [], 'documented but never used');
  });

  it('documents every part the templates expose, and documents none they do not', () => {
    const code = sources().join('\n');
    const used = new Set([...code.matchAll(/\bpart="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/)));
    // A computed part (`part=${a ? 'x' : 'y'}`): both its values are written out in the template.
    for (const m of code.matchAll(/\bpart=\$\{[^}]*\}/g)) for (const v of m[0].matchAll(/[?:]\s*'([a-z-]+)'/g)) used.add(v[1]);
    const docs = documented('cssParts');
    assert.deepEqual([...used].filter((p) => !docs.has(p)).sort(), [], 'used but not documented');
    assert.deepEqual([...docs].filter((p) => !used.has(p)).sort(), [], 'documented but never used');
  });
});

describe('links', () => {
  // The user docs (not the ones other work is still writing).
  const docs = ['getting-started', 'embedding', 'composing', 'format', 'api', 'browsers', 'decisions', 'views', 'accessibility', 'theming', 'i18n', 'security', 'performance'].map((d) => `${d}.md`).filter((f) => readdirSync(join(root, 'docs')).includes(f));

  it('relative links in README.md, CHANGELOG.md and docs/*.md point at existing files', () => {
    const broken = [];
    for (const file of ['README.md', 'CHANGELOG.md', ...docs.map((d) => `docs/${d}`)]) {
      const text = read(file).replace(/^```[^]*?^```$/gm, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
        const path = join(root, dirname(file), target.split('#')[0]);
        if (!existsSync(path)) broken.push(`${file}: ${target}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('the README links the user docs, and each has a Storybook page', () => {
    const readme = read('README.md');
    for (const doc of ['getting-started', 'embedding', 'composing', 'format', 'api', 'browsers', 'decisions', 'views', 'accessibility', 'theming', 'i18n']) {
      assert.ok(readme.includes(`(docs/${doc}.md)`), `README links docs/${doc}.md`);
      assert.ok(existsSync(join(root, `docs/storybook/${doc}.mdx`)), `docs/storybook/${doc}.mdx exists`);
    }
  });
});
