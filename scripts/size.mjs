// Prints raw and gzipped sizes of the built files; fails when the embed bundle is over budget.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUNDLE = 'dist/egm-components.bundle.js';
/** The one-file form (entry and chunks together). */
const STANDALONE = 'dist/egm-components.standalone.js';
const root = fileURLToPath(new URL('..', import.meta.url));
/** The bundle's lazily imported chunks: fetched only when a reader uses what they hold. */
const chunks = () => {
  try {
    return readdirSync(`${root}dist/egm-chunks`).filter((f) => f.endsWith('.js')).map((f) => `dist/egm-chunks/${f}`);
  } catch {
    return [];
  }
};
const FILES = [BUNDLE, ...chunks(), STANDALONE, 'dist/index.js', 'dist/core.js'];
/**
 * Size gates, gzipped: they stop unnoticed growth. Issue 6's target for the embed bundle is
 * 45 KB; the entry is 47.3 KB (the views, panel tools, printing, languages and themes came
 * after the target was set; the download code and what the map draws after its first screen
 * are chunks, the CSS is minified, the elements declare their properties without decorators:
 * see docs/performance.md), so the gate sits just above it. Lower it when code moves out.
 */
const BUDGET = 47.5 * 1024;
const STANDALONE_BUDGET = 55 * 1024;
const TARGET = 45 * 1024;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

let failed = false;
const rows = [];
for (const file of FILES) {
  let data;
  try {
    data = readFileSync(root + file);
  } catch {
    console.error(`size: ${file} is missing (run the rollup build first)`);
    failed = true;
    continue;
  }
  const gz = gzipSync(data, { level: 9 }).length;
  rows.push([file, kb(data.length), kb(gz)]);
  const budget = file === BUNDLE ? BUDGET : file === STANDALONE ? STANDALONE_BUDGET : Infinity;
  if (gz > budget) {
    console.error(`size: ${file} is ${kb(gz)} gzipped, over the ${kb(budget)} budget`);
    failed = true;
  }
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}`);
for (const [file, raw, gz] of rows) console.log(`${file.padEnd(width)}  ${raw.padStart(9)}  ${gz.padStart(9)}`);
console.log(`gate: ${BUNDLE} ≤ ${kb(BUDGET)}, ${STANDALONE} ≤ ${kb(STANDALONE_BUDGET)} gzipped (target ${kb(TARGET)} for the bundle: not met, see docs/performance.md)`);
if (failed) process.exitCode = 1;
