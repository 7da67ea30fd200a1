/**
 * The longest wait for idle time before the code a map draws after its first screen
 * (`egm-map/deferred.ts`) is fetched anyway: by the embed bundle and by each map.
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
