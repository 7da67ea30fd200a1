// Checks the built package as a consumer sees it (`npm run test:node`, after `npm run build`):
// the `exports` map resolves, the core runs in Node without a DOM, and the ESM build leaves
// lit and d3 to the consumer's bundler.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
// A package self-reference: resolved through package.json `exports`, like a consumer would.
// Importing it at all proves dist/core.js touches no `document`/`window` at import time.
import { parseMap, EgmValidationError } from 'egm-components/core';

const read = (file) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json'));

/** The smallest map parseMap accepts: two one-category dimensions and no studies. */
const minimalMap = () => ({
  format: 'egm/1',
  title: 'Minimal map',
  dimensions: [
    { id: 'intervention', label: 'Intervention', categories: [{ id: 'peer', label: 'Peer support' }] },
    { id: 'outcome', label: 'Outcome', categories: [{ id: 'wellbeing', label: 'Wellbeing' }] },
  ],
  layout: { rows: 'intervention', columns: 'outcome' },
  studies: [],
});

/** Bare module specifiers imported by an ES module's top-level import/export statements. */
function bareImports(source) {
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?(?:from\s*)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  return specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('/'));
}

/**
 * The value names (not types) a declaration file exports, following `export *` and
 * `export { … } from` into the files they name.
 */
function publicValues(file, seen = new Set()) {
  const names = new Set();
  if (seen.has(file)) return names;
  seen.add(file);
  const source = read(file);
  const dir = file.replace(/[^/]+$/, '');
  const resolve = (spec) => new URL(spec.replace(/\.js$/, '.d.ts'), `file:///${dir}`).pathname.slice(1);
  for (const m of source.matchAll(/^export \* from '([^']+)';/gm)) for (const n of publicValues(resolve(m[1]), seen)) names.add(n);
  for (const m of source.matchAll(/^export (type )?\{([^}]*)\}/gm)) {
    if (m[1]) continue;
    for (const part of m[2].split(',').map((p) => p.trim()).filter(Boolean)) if (!part.startsWith('type ')) names.add(part.split(/\s+as\s+/).pop());
  }
  for (const m of source.matchAll(/^export declare (?:const|function|class|let|var|abstract class) (\w+)/gm)) names.add(m[1]);
  return names;
}

/** The embed bundle's chunks (dist/egm-chunks/*.js). */
const chunkFiles = () =>
  readdirSync(new URL('../../dist/egm-chunks/', import.meta.url))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `dist/egm-chunks/${f}`);

/** Strings that only lit's own source contains (each lit package records its version). */
const LIT_SOURCE = ['litHtmlVersions', 'litElementVersions', 'reactiveElementVersions'];

describe('egm-components/core (built)', () => {
  it('rejects {} with an EgmValidationError listing the problems', () => {
    assert.throws(
      () => parseMap({}),
      (error) => {
        assert.ok(error instanceof EgmValidationError);
        assert.equal(error.name, 'EgmValidationError');
        assert.ok(error.issues.length > 0);
        return true;
      },
    );
  });

  it('accepts a minimal valid map', () => {
    const map = parseMap(minimalMap());
    assert.equal(map.title, 'Minimal map');
    assert.deepEqual(map.layout, { rows: 'intervention', columns: 'outcome' });
    assert.deepEqual(map.studies, []);
  });
});

describe('ESM build', () => {
  const allowed = (specifier) =>
    /^(lit|@lit\/[^/]+|d3-[^/]+)(\/|$)/.test(specifier) ||
    Object.keys(pkg.dependencies).some((dep) => specifier === dep || specifier.startsWith(`${dep}/`));

  for (const file of ['dist/index.js', 'dist/core.js']) {
    it(`${file} inlines no lit and imports only runtime dependencies`, () => {
      const source = read(file);
      for (const marker of LIT_SOURCE) assert.ok(!source.includes(marker), `${file} contains lit's source (${marker})`);
      const bad = bareImports(source).filter((s) => !allowed(s));
      assert.deepEqual(bad, [], `${file} imports packages that are not runtime dependencies`);
    });
  }

  it('dist/core.js imports nothing that needs a DOM', () => {
    const domDependent = bareImports(read('dist/core.js')).filter((s) => /^(lit|@lit\/|d3-selection)/.test(s));
    assert.deepEqual(domDependent, []);
  });

  it('dist/index.js reaches the core through dist/core.js, not a second copy', () => {
    assert.match(read('dist/index.js'), /from '\.\/core\.js'/);
  });

  it('the embed bundle is self-contained: its only imports are its own chunks, which exist', () => {
    const files = ['dist/egm-components.bundle.js', ...chunkFiles()];
    for (const file of files) assert.deepEqual(bareImports(read(file)), [], file);
    const chunks = [...read('dist/egm-components.bundle.js').matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    assert.ok(chunks.length > 0, 'the entry imports its chunks on demand');
    for (const chunk of chunks) {
      assert.match(chunk, /^\.\/egm-chunks\/[\w-]+\.js$/);
      assert.ok(existsSync(new URL(`../../dist/${chunk}`, import.meta.url)), `${chunk} is built`);
    }
    // Chunks import what they share from the entry, not from a third file or from lit.
    for (const file of chunkFiles()) {
      const relative = [...read(file).matchAll(/(?:from|import)\s*["'](\.[^"']+)["']/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(relative)].filter((r) => r !== '../egm-components.bundle.js'), [], file);
    }
  });

  it('the standalone bundle is one file: no import of any kind', () => {
    const source = read('dist/egm-components.standalone.js');
    assert.deepEqual(bareImports(source), []);
    assert.equal(/\bimport\s*[("'{*]|\bfrom\s*["']\.{0,2}\//.test(source), false);
  });

  it('the embed bundles export what egm-components exports, except the off-page tools', () => {
    // Names exported by an ES module's `export { a as b, c }` statements (minified or not).
    const exported = (source) =>
      new Set(
        [...source.matchAll(/export\s*\{([^}]*)\}/g)]
          .flatMap((m) => m[1].split(','))
          .map((s) => s.trim().split(/\s+as\s+/).pop())
          .filter(Boolean),
      );
    // What src/bundle.ts leaves out, on purpose (documented there and in docs/embedding.md).
    const OFF_PAGE = ['EgmStudyCard', 'PALETTE_DESCRIPTIONS', 'contrastRatio', 'luminance', 'csvCell', 'diffMaps', 'fitState', 'hasState', 'mapPicture', 'mapStats', 'pictureToSvg', 'readState', 'readText', 'readJson', 'decodeBytes', 'sniffEncoding', 'jsonErrorMessage', 'jsonErrorOffset', 'jsonMapParser', 'sanitizeHtml', 'studiesToCsv', 'studiesToRis', 'synthesisGaps', 'writeState'];
    const api = publicValues('dist/types/index.d.ts');
    assert.ok(api.size > 60, `the public API was read from the declarations (${api.size} names)`);
    for (const name of OFF_PAGE) assert.ok(api.has(name), `${name} is still exported by egm-components`);
    for (const file of ['dist/egm-components.bundle.js', 'dist/egm-components.standalone.js']) {
      const names = exported(read(file));
      assert.deepEqual([...api].filter((n) => !OFF_PAGE.includes(n) && !names.has(n)), [], `${file} exports the rest of the API`);
      assert.deepEqual(OFF_PAGE.filter((n) => names.has(n)), [], `${file} leaves the off-page tools out`);
    }
  });

  it('the embed bundles name every inlined licence once, and the full texts sit beside them', () => {
    const texts = read('dist/egm-components.licenses.txt');
    for (const file of ['dist/egm-components.bundle.js', 'dist/egm-components.standalone.js']) {
      const source = read(file);
      assert.match(source.slice(0, 400), /^\/\*! egm-components \S+ \(MIT\)\. Inlines lit \S+, lit-html \S+, lit-element \S+, @lit\/reactive-element \S+ \(BSD-3-Clause, © 2017 Google LLC\); d3-hierarchy \S+ \(ISC, © [\d-]+ Mike Bostock\)\. Licences: egm-components\.licenses\.txt \*\//);
      assert.equal(source.match(/@license|\/\*!/g).length, 1, `${file}: one licence comment`);
    }
    const titles = [...texts.matchAll(/^(\S+) \S+\n=+$/gm)].map((m) => m[1]);
    assert.deepEqual(titles, ['egm-components', 'lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'd3-hierarchy']);
    assert.match(texts, /Copyright 2010-\d+ Mike Bostock\n\nPermission to use, copy, modify, and\/or distribute this software/);
  });
});

describe('egm-components/import (built)', () => {
  it('turns the committed EPPI-Reviewer fixture into a map that parseMap accepts', async () => {
    const { fromEppiReviewer } = await import('egm-components/import');
    const json = JSON.parse(read('src/core/import/fixtures/retraction-lit-trimmed.json'));
    const { map, warnings } = fromEppiReviewer(json, { rows: 'Citation of retracted papers', columns: 'Processes and policies' });
    assert.equal(parseMap(map).studies.length, 150);
    assert.ok(warnings.length > 0);
  });

  it('keeps the importers and the CSV parser out of dist/core.js and the embed bundle', () => {
    for (const file of ['dist/core.js', 'dist/egm-components.bundle.js', 'dist/egm-components.standalone.js', ...chunkFiles()]) {
      assert.equal(/fromEppiReviewer|papaparse/.test(read(file)), false, file);
    }
    // papaparse stays external; d3-hierarchy is core's own dependency, hoisted by rollup.
    assert.deepEqual(bareImports(read('dist/import.js')).sort(), ['d3-hierarchy', 'papaparse']);
  });
});
