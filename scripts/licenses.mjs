/**
 * The licences of the code the embed bundles inline (rollup.config.mjs).
 *
 * Lit's files each carry the same `@license` comment, nine times in the entry; d3-hierarchy's
 * carry none, though its ISC licence asks for its notice in every copy. So the bundles drop
 * those comments (terser keeps only `/*! … *\/`) and start with one banner that names every
 * inlined package, its licence and its copyright holder, and the build writes the full texts
 * beside the bundle: `dist/egm-components.licenses.txt`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The packages the embed bundles inline, as named in their banner. */
export const INLINED = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'd3-hierarchy'];
/** The file beside the bundle with the full licence texts. */
export const LICENSES_FILE = 'egm-components.licenses.txt';

const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(fileURLToPath(new URL(path, root)), 'utf8');
const manifest = (name) => JSON.parse(read(`node_modules/${name}/package.json`));
const ownManifest = () => JSON.parse(read('package.json'));
/** The licence file's first copyright line, as "© 2017 Google LLC". */
const copyright = (name) =>
  (read(`node_modules/${name}/LICENSE`).match(/^.*copyright.*$/im)?.[0] ?? '')
    .replace(/\s*All rights reserved\.?/i, '')
    .replace(/^\s*copyright\s*(\(c\)|©)?\s*/i, '© ')
    .replace(/\.$/, '')
    .trim();

/**
 * The one comment the bundles start with: "lit 3.3.3, lit-html 3.3.3 … (BSD-3-Clause, © 2017
 * Google LLC); d3-hierarchy 3.1.3 (ISC, © 2010-2026 Mike Bostock)".
 */
export function licenseBanner() {
  const own = ownManifest();
  const groups = new Map();
  for (const name of INLINED) {
    const { version, license } = manifest(name);
    const terms = `${license}, ${copyright(name)}`;
    groups.set(terms, [...(groups.get(terms) ?? []), `${name} ${version}`]);
  }
  const parts = [...groups].map(([terms, names]) => `${names.join(', ')} (${terms})`);
  return `/*! ${own.name} ${own.version} (${own.license}). Inlines ${parts.join('; ')}. Licences: ${LICENSES_FILE} */`;
}

/** A rollup plugin that writes the licence texts (ours, then each inlined package's) beside the bundle. */
export function licenses() {
  return {
    name: 'licenses',
    generateBundle() {
      const own = ownManifest();
      const sections = [
        [`${own.name} ${own.version}`, read('LICENSE')],
        ...INLINED.map((name) => [`${name} ${manifest(name).version}`, read(`node_modules/${name}/LICENSE`)]),
      ];
      const source = sections.map(([title, text]) => `${title}\n${'='.repeat(title.length)}\n\n${text.trim()}\n`).join('\n\n');
      this.emitFile({ type: 'asset', fileName: LICENSES_FILE, source });
    },
  };
}
