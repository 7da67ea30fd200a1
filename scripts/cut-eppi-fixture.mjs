// Cuts the test fixture src/core/import/fixtures/retraction-lit-trimmed.json from the real
// EPPI-Reviewer export (CC-BY-4.0, see the fixture's SOURCE.md), so it can be redone:
//
//   node scripts/cut-eppi-fixture.mjs [path/to/retraction-lit-2021-09-09.json]
//
// Kept: `CodeSets` whole, and the first REFERENCES references in file order with only the
// fields the importer reads (ItemId, Title, ShortTitle, ParentTitle, Authors, Year, Abstract,
// URL, DOI) and, of each code, its AttributeId. Values are not changed (no trimming, line
// breaks as they are). Output: one reference per line, so diffs stay readable.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REFERENCES = 150;
const FIELDS = ['ItemId', 'Title', 'ShortTitle', 'ParentTitle', 'Authors', 'Year', 'Abstract', 'URL', 'DOI'];
const MAX_BYTES = 400 * 1024;

const root = fileURLToPath(new URL('..', import.meta.url));
const source = process.argv[2] ?? `${root}../shared/data/eppi-reviewer/retraction-lit-2021-09-09.json`;
const target = `${root}src/core/import/fixtures/retraction-lit-trimmed.json`;

const exportJson = JSON.parse(readFileSync(source, 'utf8').replace(/^\uFEFF/, ''));
const references = exportJson.References.slice(0, REFERENCES).map((ref) => {
  const out = {};
  for (const field of FIELDS) if (Object.hasOwn(ref, field)) out[field] = ref[field];
  out.Codes = (ref.Codes ?? []).map((code) => ({ AttributeId: code.AttributeId }));
  return out;
});

const text = [
  `{"CodeSets":${JSON.stringify(exportJson.CodeSets)},`,
  `"References":[`,
  references.map((ref) => JSON.stringify(ref)).join(',\n'),
  ']}',
  '',
].join('\n');
const bytes = Buffer.byteLength(text);
if (bytes > MAX_BYTES) throw new Error(`the fixture would be ${bytes} bytes, over ${MAX_BYTES}: keep fewer references`);
writeFileSync(target, text);
console.log(`wrote ${target}: ${references.length} of ${exportJson.References.length} references, ${(bytes / 1024).toFixed(1)} KB`);
