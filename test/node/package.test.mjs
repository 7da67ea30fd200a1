// Checks the built package as a consumer sees it (`npm run test:node`, after `npm run build`):
// the `exports` map resolves, the core runs in Node without a DOM, and the ESM build leaves
// lit and d3 to the consumer's bundler.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

  it('the embed bundle is self-contained', () => {
    assert.deepEqual(bareImports(read('dist/egm-components.bundle.js')), []);
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
    for (const file of ['dist/core.js', 'dist/egm-components.bundle.js']) {
      assert.equal(/fromEppiReviewer|papaparse/.test(read(file)), false, file);
    }
    // papaparse stays external; d3-hierarchy is core's own dependency, hoisted by rollup.
    assert.deepEqual(bareImports(read('dist/import.js')).sort(), ['d3-hierarchy', 'papaparse']);
  });
});
