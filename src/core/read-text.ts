/**
 * Reading a large map file without freezing the page: a response's body decoded in slices.
 * DOM-free (Node 20 has `Response`, streams and `TextDecoder` too).
 */
import { decodeBytes, sniffEncoding } from './encoding.js';
import { YieldClock } from './yield.js';

/** Bytes decoded between looks at the clock (about 2 ms on the 2-core test machine). */
const PIECE = 1 << 17;

/**
 * A response's body decoded piece by piece (128 KB of bytes a piece), exactly as
 * `response.text()` decodes it (UTF-8, a byte-order mark dropped, a malformed byte as U+FFFD),
 * handing the thread back between slices (`SLICE_MS`). A UTF-16 body (`sniffEncoding`: by its
 * byte-order mark, or JSON's zero bytes) is decoded as UTF-16, where `text()` would give
 * garbage. Throws `signal`'s reason when it aborts between slices, and the stream's error when
 * the body fails. The body is cancelled when the reading stops before its end (an abort, or a
 * caller that stops asking for pieces).
 */
export async function* decodePieces(response: Response, signal?: AbortSignal): AsyncGenerator<string, void, undefined> {
  // (A response without a body, such as a 204, reads as '' with `text()` too.)
  const reader = response.body?.getReader();
  // Made once the first 4 bytes are in (or the body has ended), which name the encoding.
  let decoder: TextDecoder | undefined;
  let head = new Uint8Array(0);
  const clock = new YieldClock(signal);
  let done = !reader;
  try {
    for (let read; reader && !(read = await reader.read()).done; ) {
      let bytes = read.value;
      if (!decoder) {
        const joined = new Uint8Array(head.length + bytes.length);
        joined.set(head);
        joined.set(bytes, head.length);
        head = joined;
        if (head.length < 4) continue;
        decoder = new TextDecoder(sniffEncoding(head));
        bytes = head;
      }
      for (let at = 0; at < bytes.length; at += PIECE) {
        yield decoder.decode(bytes.subarray(at, at + PIECE), { stream: true });
        await clock.maybeYield();
      }
    }
    done = true;
    // (A body of fewer than 4 bytes is decoded here, whole.)
    yield decoder ? decoder.decode() : decodeBytes(head);
  } finally {
    if (!done) void reader!.cancel().catch(() => undefined);
  }
}

/**
 * A response's body as text, exactly as `response.text()` gives it (but UTF-16 read as such),
 * read and decoded piece by piece (`decodePieces`), handing the thread back between slices.
 * Chromium's `text()` decodes a body that has already arrived (a fast network, the HTTP cache)
 * in a single task: 2–3.5 s for a 52 MB map on the 2-core test machine, against slices here and
 * a whole read of 1.6–2.2 s. What the browser does to hand over each chunk of the body (up to
 * 2 MB) is its own and still one task (35–200 ms there), and so is the join at the end (a string
 * of 52 MB: about 0.35 s there): to parse a large map, `readJson` (read-json.ts) makes no such
 * string.
 *
 * Rejects with `signal`'s reason when it aborts between slices (and cancels the body), and with
 * the stream's error when the body fails.
 */
export async function readText(response: Response, signal?: AbortSignal): Promise<string> {
  const parts: string[] = [];
  for await (const piece of decodePieces(response, signal)) parts.push(piece);
  return parts.join('');
}
