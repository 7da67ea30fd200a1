// Writes test/e2e/hostile.egm.json and hostile-text.egm.json, the maps the strict-page tests
// load (test/node/e2e-strict.test.mjs): twelve payloads of src/testing/xss-corpus.ts that would
// run script or load something, in every text field; in aboutHtml too for hostile.egm.json.
// `node --import tsx scripts/generate-hostile.ts` (the output is deterministic).
import { writeFileSync } from 'node:fs';
import { parseMap } from '../src/core/parse.js';
import { hostileMap, XSS_PAYLOADS } from '../src/testing/xss-corpus.js';

const NAMES = [
  'script with src', 'img onerror', 'remote image', 'link stylesheet', 'style element @import', 'style attribute url()',
  'iframe srcdoc', 'svg use data:', 'object data', 'meta refresh', 'nested egm-map', 'javascript: link',
];
const all = NAMES.map((n) => XSS_PAYLOADS.find((p) => p.name === n)!.payload).join(' ');
const about = '<p>Methods: <a href="https://example.org/methods">the protocol</a>.</p>';
for (const [file, aboutHtml] of [['hostile', `${about}${all}`], ['hostile-text', about]]) {
  const map = hostileMap(all);
  map.id = file;
  map.aboutHtml = aboutHtml;
  parseMap(map); // valid, or this throws
  writeFileSync(new URL(`../test/e2e/${file}.egm.json`, import.meta.url), `${JSON.stringify(map)}\n`);
}
