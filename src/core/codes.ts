import type { EgmStudy } from './types.js';

/**
 * A study's codes in one dimension: an own property only, so that a dimension named after an
 * `Object.prototype` member (`constructor`, `toString`: legal ids, and slugs importers make)
 * reads as no codes rather than as the inherited function.
 */
export function codesIn(study: EgmStudy, dimId: string): readonly string[] {
  return Object.prototype.hasOwnProperty.call(study.codes, dimId) ? study.codes[dimId] : [];
}
