/* global process, URL */
// The package as it would be published (`npm run test:pack`, after `npm run build`): the
// tarball's contents, publint, "are the types wrong", and an install of the tarball into an
// empty project, where the entry points, their types and the `egm` bin are used as a consumer
// would. Installing needs the npm registry (for lit, d3-hierarchy and papaparse).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'egm-pack-'));
after(() => rmSync(work, { recursive: true, force: true }));

let tarball;
let files;

before(() => {
  assert.ok(existsSync(join(root, 'dist/cli.js')), 'run "npm run build" first');
  // --ignore-scripts: nothing may rebuild dist/ behind the test's back.
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
  tarball = join(work, packed.filename);
  files = packed.files.map((f) => f.path);
});

describe('npm pack', () => {
  it('ships the builds, types, manifest, schema, bin and the documents', () => {
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'custom-elements.json',
      'schema/egm-1.schema.json',
      'dist/index.js',
      'dist/core.js',
      'dist/import.js',
      'dist/cli.js',
      'dist/egm-components.bundle.js',
      'dist/egm-components.standalone.js',
      'dist/egm-components.licenses.txt',
      'dist/types/index.d.ts',
      'dist/types/core/index.d.ts',
      'dist/types/core/import/index.d.ts',
      'dist/types/bundle.d.ts',
      'dist/locales/fr.js',
      'dist/types/i18n/fr.d.ts',
    ]) {
      assert.ok(files.includes(file), `${file} is in the tarball`);
    }
  });

  it('ships every file the exports map and bin point at', () => {
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    for (const target of [...targets, ...Object.values(pkg.bin)]) {
      const path = target.replace(/^\.\//, '');
      // A pattern export ("./locales/*") must match at least one shipped file.
      const pattern = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '[^/]+')}$`);
      assert.ok(path.includes('*') ? files.some((f) => pattern.test(f)) : files.includes(path), `${target} is in the tarball`);
    }
  });

  it('ships no tests, fixtures, stories, sources, demo or tooling', () => {
    const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|custom-elements\.json|schema\/[^/]+\.json|dist\/.+)$/;
    assert.deepEqual(files.filter((f) => !allowed.test(f)), []);
    assert.deepEqual(files.filter((f) => /\.test\.|\.stories\.|fixtures?\/|(^|\/)testing\//.test(f)), []);
  });

  // 520 KB until the embed bundle came in two forms: the one-file form adds about 55 KB. 580
  // until the twelfth session: the map file's reader (core/read-json.ts, in core.js and as a
  // chunk of the embed bundle, with their source maps) took it to 589. 600 until the
  // fourteenth: the workbench's French (in workbench.js and its bundle, with a source map) took
  // it to 601. 620 until the sixteenth: its fixes (the conversion config's and the CSV
  // mapping's checks, the workbench's, each in several builds with source maps, and their
  // CHANGELOG entries) took it to 625.
  it('is small: under 640 KB packed (elements, core, importers, CLI, workbench, locales, both embed bundles, source maps)', () => {
    const size = readFileSync(tarball).length;
    assert.ok(size < 640 * 1024, `the tarball is ${Math.round(size / 1024)} KB`);
  });

  it('passes publint (strict) with no messages', async () => {
    const { messages } = await publint({ pkgDir: 'package', strict: true, pack: { tarball: readFileSync(tarball).buffer } });
    assert.deepEqual(messages, []);
  });

  it('passes "are the types wrong" for ESM consumers (node16 and bundler resolution)', () => {
    // esm-only: the package is ESM only, so require() from CommonJS and node10 are out of scope.
    const r = spawnSync(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});

describe('installed into an empty project', () => {
  const app = join(work, 'app');

  before(() => {
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], { cwd: app, encoding: 'utf8' });
  });

  it('imports egm-components/core and egm-components/import in Node, and resolves the elements entry', () => {
    const fixture = join(root, 'src/core/import/fixtures/retraction-lit-trimmed.json');
    writeFileSync(
      join(app, 'check.mjs'),
      `import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMap, mapStats } from 'egm-components/core';
import { fromEppiReviewer } from 'egm-components/import';
const { map } = fromEppiReviewer(readFileSync(${JSON.stringify(fixture)}, 'utf8'), { rows: 'Citation of retracted papers', columns: 'Processes and policies' });
const stats = mapStats(parseMap(map));
// The elements entry needs a DOM to run; resolving it (and its types) is what Node can check.
const entry = fileURLToPath(import.meta.resolve('egm-components'));
const pkg = JSON.parse(readFileSync(new URL('./node_modules/egm-components/package.json', import.meta.url), 'utf8'));
const types = fileURLToPath(new URL('./node_modules/egm-components/' + pkg.exports['.'].types, import.meta.url));
console.log(JSON.stringify({ studies: stats.studies, entry, entryExists: existsSync(entry), typesExist: existsSync(types) }));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: app, encoding: 'utf8' }));
    assert.ok(out.studies > 0);
    assert.ok(out.entry.endsWith('/node_modules/egm-components/dist/index.js'), out.entry);
    assert.equal(out.entryExists, true);
    assert.equal(out.typesExist, true);
  });

  it('type-checks a TypeScript consumer of every entry point (NodeNext resolution)', () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { EgmGrid, EgmCellSelectEvent } from 'egm-components';
import { parseMap, type EgmMap } from 'egm-components/core';
import { fromCsv } from 'egm-components/import';
import 'egm-components/bundle';
export const grid: EgmGrid = document.createElement('egm-grid');
grid.addEventListener('egm-cell-select', (e: EgmCellSelectEvent) => console.log(e.detail.rowId));
export const parse = (json: unknown): EgmMap => parseMap(json);
export const csv = fromCsv;
`,
    );
    // skipLibCheck off: our declarations (and what they import from lit) are checked too.
    const compilerOptions = { noEmit: true, strict: true, skipLibCheck: false, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable'], types: [] };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('ships the embed bundle’s chunks beside it', () => {
    const entry = readFileSync(join(app, 'node_modules/egm-components/dist/egm-components.bundle.js'), 'utf8');
    const chunks = [...entry.matchAll(/import\(\s*["']\.\/(egm-chunks\/[^"']+)["']\s*\)/g)].map((m) => `dist/${m[1]}`);
    assert.ok(chunks.length > 0);
    for (const chunk of chunks) assert.ok(files.includes(chunk), `${chunk} is in the tarball`);
  });

  it('runs the egm bin from node_modules/.bin, including --html (the bundle found next to the CLI)', () => {
    const egm = join(app, 'node_modules/.bin/egm');
    const v = spawnSync(egm, ['validate', join(root, 'demo/peer-support.egm.json')], { cwd: app, encoding: 'utf8' });
    assert.equal(v.status, 0, v.stderr);
    assert.match(v.stdout, /a valid egm\/1 map/);
    const c = spawnSync(egm, ['convert', '--from', 'egm', join(root, 'demo/peer-support.egm.json'), '--html', 'page.html'], { cwd: app, encoding: 'utf8' });
    assert.equal(c.status, 0, c.stderr);
    const page = readFileSync(join(app, 'page.html'), 'utf8');
    const bundle = readFileSync(join(app, 'node_modules/egm-components/dist/egm-components.standalone.js'), 'utf8');
    assert.ok(page.includes(bundle.slice(0, 2000)), 'the page inlines the installed one-file bundle');
    assert.ok(!page.includes('egm-chunks/'), 'and imports no chunk (it opens from disk)');
  });
});
