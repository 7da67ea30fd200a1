/**
 * Reading a large map file without freezing the page: a response's body decoded in slices.
 * DOM-free (Node 20 has `Response`, streams and `TextDecoder` too).
 */
import { YieldClock } from './yield.js';

/** Bytes decoded between looks at the clock (about 2 ms on the 2-core test machine). */
const PIECE = 1 << 17;

/**
 * A response's body as text, exactly as `response.text()` gives it (UTF-8, a byte-order mark
 * dropped, a malformed byte as U+FFFD), but read and decoded piece by piece, handing the thread
 * back between slices (`SLICE_MS`). Chromium's `text()` decodes a body that has already arrived
 * (a fast network, the HTTP cache) in a single task: 2–3.5 s for a 52 MB map on the 2-core test
 * machine, against slices here and a whole read of 1.6–2.2 s. What the browser does to hand
 * over each chunk of the body (up to 2 MB) is its own and still one task (35–200 ms there), and
 * so is the join at the end (a string of 52 MB: about 0.35 s there).
 *
 * Rejects with `signal`'s reason when it aborts between slices, and with the stream's error when
 * the body fails. Give it the `signal` the fetch was given, which cancels the body as well.
 */
export async function readText(response: Response, signal?: AbortSignal): Promise<string> {
  // (A response without a body, such as a 204, reads as '' with `text()` too.)
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const clock = new YieldClock(signal);
  const parts: string[] = [];
  for (let read; reader && !(read = await reader.read()).done; ) {
    const bytes = read.value;
    for (let at = 0; at < bytes.length; at += PIECE) {
      parts.push(decoder.decode(bytes.subarray(at, at + PIECE), { stream: true }));
      await clock.maybeYield();
    }
  }
  return parts.join('') + decoder.decode();
}
