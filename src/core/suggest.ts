/**
 * "Did you mean" suggestions for unknown ids. Bounded work: long strings and long candidate
 * lists are never compared character by character, so a 50 MB string cannot hang validation.
 */

const MAX_COMPARE = 64;

/** Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = curr[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
      if (curr[j] < rowMin) rowMin = curr[j];
    }
    if (rowMin > limit) return limit + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length];
}

const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The candidate id closest to `value`, or undefined when none is close.
 * `labels` (id → label) lets a label typed in place of an id find its id.
 */
export function suggest(
  value: string,
  candidates: Iterable<string>,
  labels?: ReadonlyMap<string, string>,
): string | undefined {
  if (value.length === 0 || value.length > MAX_COMPARE) return undefined;
  const v = fold(value);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const id of candidates) {
    if (id.length > MAX_COMPARE) continue;
    const c = fold(id);
    const label = labels?.get(id);
    let score: number;
    if (c === v || (label !== undefined && fold(label) === v)) score = 0;
    else if (c.startsWith(v) || v.startsWith(c)) score = 1 + Math.abs(c.length - v.length) / 100;
    else {
      const limit = Math.max(1, Math.floor(Math.max(v.length, c.length) / 3));
      const d = editDistance(v, c, limit);
      score = d <= limit ? 2 + d : Infinity;
    }
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}
