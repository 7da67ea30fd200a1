import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readText } from './read-text.js';
import { utf16 } from './testing/utf16.js';

/** A response whose body arrives in the given chunks, each after `delayMs` (0: at once). */
function chunked(chunks: Uint8Array[], delayMs = 0): Response {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
  return new Response(body);
}

/** `bytes` cut into pieces of the given lengths, round and round until all are used. */
function cut(bytes: Uint8Array, lengths: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = lengths[k % lengths.length];
    out.push(bytes.slice(at, at + n));
    at += n;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readText', () => {
  it('gives text() exactly, with characters of 2, 3 and 4 bytes cut between chunks and a byte-order mark dropped', async () => {
    const text = '{"title":"Santé mentale € 😀 — 同行支持","n":[1,2,3]}';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    // Pieces of 1, 2 and 3 bytes: every character of more than one byte is cut somewhere.
    const chunks = cut(bytes, [1, 2, 3]);
    assert.ok(chunks.length > 20);
    assert.equal(await readText(chunked(chunks)), text);
    assert.equal(await readText(chunked(cut(bytes, [1, 2, 3]))), await new Response(bytes).text());
  });

  it('decodes a chunk larger than its piece (128 KB) with a character cut at the piece boundary', async () => {
    // 131,071 ASCII bytes, then "é" (2 bytes) across the boundary at 131,072, then more.
    const head = 'a'.repeat((1 << 17) - 1);
    const text = `${head}é${'b'.repeat(70_000)}€`;
    const bytes = utf8(text);
    assert.equal(bytes.length, (1 << 17) - 1 + 2 + 70_000 + 3);
    const read = await readText(chunked([bytes]));
    assert.equal(read.length, text.length);
    assert.equal(read, text);
  });

  it('turns malformed bytes into U+FFFD, as text() does', async () => {
    const bytes = new Uint8Array([0x61, 0xff, 0x62, 0xe2, 0x82, 0x63, 0xf0, 0x9f]);
    const expected = 'a\uFFFDb\uFFFDc\uFFFD';
    assert.equal(await new Response(bytes).text(), expected);
    assert.equal(await readText(chunked(cut(bytes, [3, 1]))), expected);
  });

  it('decodes UTF-16 (by its byte-order mark, or by the zero bytes of JSON) in chunks that cut code units and surrogate pairs', async () => {
    const text = '{"title":"Santé mentale € 😀 — 同行支持","n":[1,2,3]}';
    for (const order of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        const bytes = utf16(text, order, bom);
        // Pieces of 1, 2 and 3 bytes: the first 4 bytes, which name the encoding, come in three chunks.
        for (const lengths of [[1, 2, 3], [3], [bytes.length]]) assert.equal(await readText(chunked(cut(bytes, lengths))), text, `${order}, bom ${bom}, ${lengths.join(",")}`);
      }
    }
  });

  it('decodes a body of fewer than 4 bytes whole, in the encoding its bytes name', async () => {
    assert.equal(await readText(chunked([utf8('[1]')])), '[1]');
    assert.equal(await readText(chunked([Uint8Array.of(0xff), Uint8Array.of(0xfe)])), '');
    assert.equal(await readText(chunked([Uint8Array.of(0xff, 0xfe, 0x31)])), '\uFFFD');
    assert.equal(await readText(chunked([Uint8Array.of(0xef, 0xbb, 0xbf)])), '');
  });

  it('reads a response without a body, or with an empty one, as ""', async () => {
    assert.equal(await readText(new Response(null, { status: 204 })), '');
    assert.equal(await readText(chunked([])), '');
  });

  it("rejects with the signal's reason when it aborts while the body is on its way, and cancels the body", async () => {
    const controller = new AbortController();
    let cancelled: unknown;
    let pulled = 0;
    // A chunk every 10 ms: more than a slice, so the clock is looked at each time.
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        pulled++;
        c.enqueue(utf8('x'.repeat(100)));
      },
      cancel(reason) {
        cancelled = reason ?? 'cancelled';
      },
    });
    const reading = readText(new Response(body), controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 25);
    await assert.rejects(reading, /stop/);
    assert.ok(pulled >= 1 && pulled < 10, `${pulled} chunks`);
    assert.equal(cancelled, 'cancelled');
  });

  it("rejects with the body's error when the stream fails", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8('{"a":'));
        controller.error(new TypeError('network error'));
      },
    });
    await assert.rejects(readText(new Response(body)), /network error/);
  });
});
