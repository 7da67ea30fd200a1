/**
 * Settings and helpers shared by the property-based tests (`*.fuzz.test.ts`, run by
 * `npm run test:core`). CI runs a fixed seed and a bounded number of runs; a longer search is
 * a matter of environment variables (docs/security.md):
 *
 *   FUZZ_RUNS=20000 FUZZ_SEED=$RANDOM npm run test:core
 *
 * FUZZ_RUNS  runs per property (default 200)
 * FUZZ_SEED  the seed (default 42); a failure prints the seed and path that reproduce it
 * FUZZ_TIME_LIMIT_MS  the most one call may take (default 2000 ms: generous for two busy cores)
 */
import assert from 'node:assert/strict';
import type { Parameters } from 'fast-check';

const int = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
};

export const FUZZ_RUNS = int('FUZZ_RUNS', 200);
export const FUZZ_SEED = int('FUZZ_SEED', 42);
export const FUZZ_TIME_LIMIT_MS = int('FUZZ_TIME_LIMIT_MS', 2000);

/** fast-check parameters: the seed, the runs, and at most `share` of the runs (for slow properties). */
export const fuzzParams = <T>(share = 1): Parameters<T> => ({ seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(FUZZ_RUNS * share)), endOnFailure: true });

/** Runs `fn`, failing when it takes longer than the time limit. */
export function timed<T>(what: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  assert.ok(ms < FUZZ_TIME_LIMIT_MS, `${what} took ${Math.round(ms)} ms (limit ${FUZZ_TIME_LIMIT_MS} ms)`);
  return out;
}

/** Keys that pollute prototypes when written carelessly. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;

/** A snapshot of the built-in prototypes' own keys, to compare after a run. */
export function prototypeSnapshot(): string {
  const protos: [string, object][] = [
    ['Object', Object.prototype],
    ['Array', Array.prototype],
    ['Function', Function.prototype],
    ['String', String.prototype],
    ['Map', Map.prototype],
    ['Set', Set.prototype],
  ];
  return JSON.stringify(protos.map(([n, p]) => [n, Reflect.ownKeys(p).map(String).sort()]));
}

/** Fails when anything was written onto Object.prototype (the classic pollution probe). */
export function assertNoPollution(before: string): void {
  const probe = {} as Record<string, unknown>;
  assert.equal(probe.polluted, undefined, 'Object.prototype.polluted');
  assert.equal(Object.getPrototypeOf(probe), Object.prototype);
  assert.equal(prototypeSnapshot(), before, 'a built-in prototype gained or lost a key');
}

/** Sets an own, enumerable property, even for `__proto__` (as JSON.parse makes it). */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Path = (string | number)[];

/**
 * The paths in a JSON value (containers and leaves), in a fixed order: at most `limit` of
 * them, none deeper than `maxDepth` (a 50,000-deep list would otherwise make a path per level).
 */
export function allPaths(value: unknown, limit = 5_000, maxDepth = 64): Path[] {
  const out: Path[] = [[]];
  const stack: [unknown, Path][] = [[value, []]];
  while (stack.length && out.length < limit) {
    const [v, p] = stack.pop()!;
    if (typeof v !== 'object' || v === null || p.length >= maxDepth) continue;
    for (const k of Object.keys(v)) {
      const child: Path = [...p, Array.isArray(v) ? Number(k) : k];
      out.push(child);
      stack.push([(v as Record<string, unknown>)[k], child]);
    }
  }
  return out;
}

/** The value at `path`, or undefined. */
export function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) {
    if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** Returns `root` with the value at `path` replaced (the root itself when `path` is empty). */
export function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  if (typeof parent === 'object' && parent !== null) defineOwn(parent, String(path[path.length - 1]), value);
  return root;
}

/** Removes the value at `path` (a list item is spliced out). */
export function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (typeof parent === 'object' && parent !== null) delete (parent as Record<string, unknown>)[key];
  return root;
}

/**
 * A truncated JSON text closed again the way a forgiving reader might: the open string and
 * brackets closed, a dangling comma dropped, a dangling key given `null`. Undefined when even
 * that does not parse (a cut inside `true`, say).
 */
export function reopenTruncated(text: string): unknown {
  const closers: string[] = [];
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') closers.push('}');
    else if (ch === '[') closers.push(']');
    else if (ch === '}' || ch === ']') closers.pop();
  }
  let head = text;
  if (inString) head = (escaped ? head.slice(0, -1) : head) + '"';
  const tail = closers.reverse().join('');
  const bases = [head, head.replace(/,\s*$/, ''), `${head.replace(/:\s*$/, '')}:null`, `${head}:null`];
  for (const base of bases) {
    try {
      return JSON.parse(base + tail) as unknown;
    } catch {
      // try the next repair
    }
  }
  return undefined;
}
