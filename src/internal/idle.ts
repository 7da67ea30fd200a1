/**
 * The longest wait for idle time before the code the elements draw after their first screen
 * (`deferred.ts`) is fetched anyway: by the embed bundle, each map and each grid.
 */
export const IDLE_LOAD_MS = 2000;

/**
 * Runs `fn` once the page is idle (input and frames first), and after `timeout` ms at the
 * latest; where there is no `requestIdleCallback` (Safari before 18.2), after `timeout` ms.
 */
export function whenIdle(fn: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout });
  else setTimeout(fn, timeout);
}
