/**
 * Writes the demo maps in demo/ from the seeded generators (`npm run demo:generate`).
 *
 * Each map goes through `parseMap` first, so a generator bug fails here, loudly, with every
 * issue listed, instead of shipping a demo that shows an error state. JSON has no comments:
 * each map's `description` says that its studies are generated.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue, isEgmValidationError } from '../src/core/errors.js';
import { parseMap } from '../src/core/parse.js';
import type { EgmMap } from '../src/core/types.js';
import { peerSupportMap, syntheticMap } from './demo-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = join(root, 'demo');

/** Validates a map, or exits with every issue it has. */
function checkMap(name: string, map: EgmMap): void {
  try {
    parseMap(map);
  } catch (error) {
    const issues = isEgmValidationError(error) ? error.issues.map((i) => `  - ${formatIssue(i)}`) : [`  ${String(error)}`];
    console.error(`generate-demo: ${name} is not a valid egm/1 map:\n${issues.join('\n')}`);
    process.exit(1);
  }
}

/** Pretty-printed (2-space indent, trailing newline) so diffs of the demo data stay readable. */
function writeMap(fileName: string, map: EgmMap): void {
  checkMap(fileName, map);
  const path = join(demoDir, fileName);
  writeFileSync(path, `${JSON.stringify(map, null, 2)}\n`);
  console.log(`wrote ${relative(root, path)} (${map.studies.length} studies)`);
}

mkdirSync(demoDir, { recursive: true });
writeMap('peer-support.egm.json', peerSupportMap());
writeMap('large-1000.egm.json', syntheticMap({ studies: 1000, seed: 1, longLabels: true }));
