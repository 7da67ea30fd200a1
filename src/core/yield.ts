/**
 * Handing the thread back: long work on very large maps (validation, indexing) runs in slices
 * with a look at the clock between them, so a page stays responsive. DOM-free (Node has
 * MessageChannel too).
 */

export interface AsyncOptions {
  /** Called now and then with the fraction done, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Stops early: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** How long work may run before handing the thread back (short: a collection of a very large map's garbage, 40 ms and more on a slow machine, may fall in any slice). */
export const SLICE_MS = 6;

/**
 * Hands the thread back to the event loop once `SLICE_MS` have passed since it last did:
 * `scheduler.yield()` where there is one, else a message-channel task (no 4 ms timer clamp).
 */
export class YieldClock {
  private last = now();

  constructor(private readonly signal?: AbortSignal) {}

  async maybeYield(): Promise<void> {
    if (now() - this.last < SLICE_MS) return;
    await yieldToEventLoop();
    this.signal?.throwIfAborted();
    this.last = now();
  }
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** One macrotask later. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
