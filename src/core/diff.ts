/**
 * What changed between two editions of a map (`egm diff`): studies added, removed, recoded
 * (their codes changed) and edited (their text fields changed), matched by study id.
 */
import { codesIn } from './codes.js';
import type { EgmMap, EgmStudy } from './types.js';

export interface CodeChange {
  dimension: string;
  added: string[];
  removed: string[];
}

export interface MapDiff {
  added: string[];
  removed: string[];
  recoded: { id: string; changes: CodeChange[] }[];
  edited: { id: string; fields: string[] }[];
}

const FIELDS = ['title', 'authors', 'year', 'source', 'abstract', 'url', 'doi'] as const;

function codeChanges(a: EgmStudy, b: EgmStudy): CodeChange[] {
  const dims = [...new Set([...Object.keys(a.codes), ...Object.keys(b.codes)])].sort();
  const out: CodeChange[] = [];
  for (const d of dims) {
    const before = new Set(codesIn(a, d));
    const after = new Set(codesIn(b, d));
    const added = [...after].filter((x) => !before.has(x));
    const removed = [...before].filter((x) => !after.has(x));
    if (added.length || removed.length) out.push({ dimension: d, added, removed });
  }
  return out;
}

/** Compares two maps that `parseMap` accepted; lists are in the order of the newer map. */
export function diffMaps(older: EgmMap, newer: EgmMap): MapDiff {
  const before = new Map(older.studies.map((s) => [s.id, s]));
  const after = new Map(newer.studies.map((s) => [s.id, s]));
  const diff: MapDiff = { added: [], removed: [], recoded: [], edited: [] };
  for (const s of newer.studies) {
    const old = before.get(s.id);
    if (!old) {
      diff.added.push(s.id);
      continue;
    }
    const changes = codeChanges(old, s);
    if (changes.length) diff.recoded.push({ id: s.id, changes });
    const fields = FIELDS.filter((f) => JSON.stringify(old[f]) !== JSON.stringify(s[f]));
    if (fields.length) diff.edited.push({ id: s.id, fields });
  }
  for (const s of older.studies) if (!after.has(s.id)) diff.removed.push(s.id);
  return diff;
}
