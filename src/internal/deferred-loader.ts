/**
 * The one loader of `deferred.ts` (what the elements draw after their first screen), shared by
 * every element of a page: imported once; a failed import is forgotten, so the next call tries
 * again (a reader's retry, the next print).
 */
import { IDLE_LOAD_MS, whenIdle } from './idle.js';

export type Deferred = typeof import('./deferred.js');

let code: Deferred | undefined;
let loading: Promise<Deferred> | undefined;

/** The deferred code, if it is here. */
export function deferredCode(): Deferred | undefined {
  return code;
}

/** Imports the deferred code (once per page); rejects when it cannot be fetched. */
export function loadDeferredCode(): Promise<Deferred> {
  return (loading ??= import('./deferred.js').then(
    (loaded) => (code = loaded),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

let idle = false;

/**
 * Imports the deferred code once the page is idle (IDLE_LOAD_MS at the latest): the first call
 * of a page schedules it, later calls do nothing. A failure waits for a use that needs the code.
 */
export function loadDeferredWhenIdle(): void {
  if (code || idle) return;
  idle = true;
  whenIdle(() => void loadDeferredCode().catch(() => undefined), IDLE_LOAD_MS);
}
