import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it, mock } from 'node:test';
import fc from 'fast-check';
import { jsonMapParser, readJson } from './read-json.js';
import { fuzzParams } from './testing/fuzz.js';
import { utf16 } from './testing/utf16.js';

/** What `JSON.parse` makes of `text`: its value, or 'throws'. */
function reference(text: string): unknown {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    assert.ok(error instanceof SyntaxError);
    return 'throws';
  }
}

/** What the parser makes of `text` cut at `cuts` (sorted offsets), with batches of `batchSize`. */
function pieces(text: string, cuts: number[], batchSize?: number): unknown {
  const parser = jsonMapParser(batchSize);
  try {
    let at = 0;
    for (const c of [...cuts, text.length]) {
      parser.push(text.slice(at, c));
      at = c;
    }
    return { value: parser.end() };
  } catch (error) {
    assert.ok(error instanceof SyntaxError, `not a SyntaxError: ${String(error)}`);
    return 'throws';
  }
}

/** `text` cut every `every` characters. */
const every = (text: string, n: number) => Array.from({ length: Math.ceil(text.length / n) - 1 }, (_, k) => (k + 1) * n);

/** A map-shaped text of `n` studies, some with an array of objects whose first key is the study's own first key. */
function mapText(n: number, indent?: number): string {
  const studies = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    title: `Study ${i}: "quoted", {braced}, [bracketed], back\\slash, é 😀 \u2028`,
    year: 1990 + (i % 30),
    ...(i % 3 === 0 ? { parts: [{ id: `p${i}a` }, { id: `p${i}b`, note: '},{"id":' }] } : {}),
    codes: { intervention: [`i${i % 7}`], outcome: [`o${i % 5}`, `o${(i + 1) % 5}`] },
  }));
  return JSON.stringify({ format: 'egm/1', title: 'Map', dimensions: [{ id: 'intervention' }], studies, after: { studies: 'not these' } }, null, indent);
}

const demoText = readFileSync(new URL('../../demo/peer-support.egm.json', import.meta.url), 'utf8');

describe('jsonMapParser', () => {
  it('gives what JSON.parse gives for the whole text, in pieces of any length, the study list in batches', () => {
    for (const text of [mapText(300), mapText(120, 2), demoText]) {
      const whole = JSON.parse(text) as { studies: unknown[] };
      for (const [n, batch] of [[1, 1], [7, 50], [4096, 1000], [text.length, 2048]] as const) {
        assert.deepEqual(pieces(text, every(text, n), batch), { value: whole }, `pieces of ${n}, batches of ${batch}`);
      }
    }
  });

  it('never parses more than a batch and a piece of the study list at once', (t) => {
    const text = mapText(1000);
    const parse = t.mock.method(JSON, 'parse');
    const value = pieces(text, every(text, 1000), 4096) as { value: { studies: unknown[] } };
    const lengths = parse.mock.calls.map((c) => String(c.arguments[0]).length);
    mock.restoreAll();
    assert.equal(value.value.studies.length, 1000);
    assert.deepEqual(value.value, JSON.parse(text));
    // "[" + at most a batch (4,096) and the piece that made it pass (1,000) + "]".
    assert.ok(Math.max(...lengths) <= 4096 + 1000 + 2, `longest parse ${Math.max(...lengths)}`);
    assert.ok(lengths.filter((n) => n > 1000).length >= text.length / (4096 + 1002) - 1, `${lengths.length} parses`);
  });

  it('cuts a pretty-printed list too, and a study with objects inside that start as studies do', (t) => {
    const text = mapText(400, 4);
    const parse = t.mock.method(JSON, 'parse');
    const value = pieces(text, every(text, 3000), 8192);
    const calls = parse.mock.calls.length;
    mock.restoreAll();
    assert.deepEqual(value, { value: JSON.parse(text) });
    assert.ok(calls > text.length / (8192 + 3000), `${calls} parses`);
  });

  it('reads a list of anything (not only objects) and lists with white space', () => {
    for (const text of ['{"studies":[]}', '{"studies":[ \n ]}', '{"studies" : [ 1 , "a" , [2] , null , {"b":[3]} ] , "x" : 1}', '{"studies":[[1,2],[3,[4]]],"b":[1,2]}']) {
      for (const batch of [1, 2, 1000]) assert.deepEqual(pieces(text, every(text, 2), batch), reference(text), `${text}, batches of ${batch}`);
    }
    assert.deepEqual(pieces('{"studies":[ ]}', []), { value: { studies: [] } });
  });

  it('gives the last of duplicate keys, whether it was the list it read or not, and knows a key written with escapes', () => {
    const cases: [string, unknown][] = [
      ['{"studies":[1],"studies":{"a":1}}', { studies: { a: 1 } }],
      ['{"studies":{"a":1},"studies":[4,5]}', { studies: [4, 5] }],
      ['{"studies":[1,2],"studies":[3]}', { studies: [3] }],
      ['{"stud\\u0069es":[1,2],"x":"studies"}', { studies: [1, 2], x: 'studies' }],
      ['{"studies":[1,2],"\\u0073tudies":"no"}', { studies: 'no' }],
      ['{"x":{"studies":[1,2]},"studies":[3]}', { x: { studies: [1, 2] }, studies: [3] }],
      ['{"a":"\\"studies\\"","studies":[{"t":"a\\\\"},{"t":"]\\"["}]}', { a: '"studies"', studies: [{ t: 'a\\' }, { t: ']"[' }] }],
      ['[{"studies":[1]}]', [{ studies: [1] }]],
      ['["studies",[1,2]]', ['studies', [1, 2]]],
      ['{"__proto__":1,"studies":[{"__proto__":{"a":1}}]}', JSON.parse('{"__proto__":1,"studies":[{"__proto__":{"a":1}}]}')],
    ];
    for (const [text, expected] of cases) {
      assert.deepEqual(reference(text), { value: expected }, text);
      for (const n of [1, 3, text.length]) for (const batch of [1, 4, 1e6]) assert.deepEqual(pieces(text, every(text, n), batch), { value: expected }, `${text} in pieces of ${n}, batches of ${batch}`);
    }
  });

  it('throws a SyntaxError wherever JSON.parse does', () => {
    const bad = ['', ' \n', '{"studies":[,]}', '{"studies":[1,]}', '{"studies":[,1]}', '{"studies":[1,,2]}', '{"studies":[1 2]}', '{"studies":[1}', '{"studies":[1,2]', '{"studies":[1,2]]}', '{"studies":[1,2],}', '{"studies":[1,2]}{}', '{"studies":["a\nb"]}', '{"studies":[{"a":1},{"a":1]}', '{"stud\\x":[1]}'];
    for (const text of bad) {
      assert.equal(reference(text), 'throws', text);
      for (const n of [1, 2, 5, text.length || 1]) for (const batch of [1, 3, 1e6]) assert.equal(pieces(text, every(text, n), batch), 'throws', `${JSON.stringify(text)} in pieces of ${n}, batches of ${batch}`);
    }
  });

  it('knows the first character that is not white space', () => {
    const parser = jsonMapParser();
    assert.equal(parser.first, '');
    parser.push(' \r\n\t');
    assert.equal(parser.first, '');
    parser.push('  <!doctype html>');
    assert.equal(parser.first, '<');
  });

  it('agrees with JSON.parse on broken and reshaped maps, in random pieces and batches', () => {
    const base = mapText(12);
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '1', 'a', '},{"id":', '"studies":['];
    const edit = fc.record({ at: fc.nat(), op: fc.constantFrom('delete', 'insert', 'replace'), what: fc.constantFrom(...alphabet) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 0, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 400 }), (edits, cutAt, batch) => {
        let text = base;
        for (const { at, op, what } of edits) {
          const i = at % (text.length + 1);
          text = op === 'delete' ? text.slice(0, i) + text.slice(i + 1) : op === 'insert' ? text.slice(0, i) + what + text.slice(i) : text.slice(0, i) + what + text.slice(i + 1);
        }
        const cuts = cutAt.map((c) => c % (text.length + 1)).sort((a, b) => a - b);
        assert.deepEqual(pieces(text, cuts, batch), reference(text));
      }),
      fuzzParams(10),
    );
  });
});

/** A response whose body arrives in the given chunks; `pulled` counts them, `cancelled` says whether the reader cancelled it. */
function chunked(chunks: Uint8Array[]) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled < chunks.length) controller.enqueue(chunks[seen.pulled++]);
      else controller.close();
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { response: new Response(body), seen };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
/** `bytes` cut into pieces of `n`. */
const bytePieces = (bytes: Uint8Array, n: number) => Array.from({ length: Math.ceil(bytes.length / n) }, (_, k) => bytes.slice(k * n, (k + 1) * n));

describe('readJson', () => {
  it('gives what JSON.parse(await response.text()) gives, characters of 2 to 4 bytes cut between chunks and a byte-order mark dropped', async () => {
    const text = mapText(200);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    for (const n of [1, 3, 1000, bytes.length]) {
      const { response } = chunked(bytePieces(bytes, n));
      assert.deepEqual(await readJson(response), { json: JSON.parse(text) }, `chunks of ${n} bytes`);
    }
    assert.deepEqual(await readJson(new Response(bytes)), { json: JSON.parse(await new Response(bytes).text()) });
  });

  it('reads a map saved as UTF-16 (Notepad, PowerShell 5), with or without a byte-order mark, in chunks of any size', async () => {
    const text = mapText(200, 2);
    for (const [order, bom] of [['le', true], ['be', true], ['le', false]] as const) {
      const bytes = utf16(text, order, bom);
      for (const n of [1, 3, 1000, bytes.length]) {
        const { response } = chunked(bytePieces(bytes, n));
        assert.deepEqual(await readJson(response), { json: JSON.parse(text) }, `${order}, bom ${bom}, chunks of ${n} bytes`);
      }
    }
    assert.deepEqual(await readJson(new Response(utf16('<!doctype html>'))), { error: 'notJsonPage' });
  });

  it('says what a body that is not JSON is: nothing, a page, or something else', async () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      [' \n\t\r ', 'empty'],
      ['\uFEFF', 'empty'],
      ['<!doctype html><title>Not found</title>', 'notJsonPage'],
      ['  \n<html>', 'notJsonPage'],
      ['{"format":"egm/1",', 'notJson'],
      ['nope', 'notJson'],
      ['{"studies":[1,]}', 'notJson'],
    ];
    for (const [text, error] of cases) assert.deepEqual(await readJson(new Response(text)), { error }, JSON.stringify(text));
    assert.deepEqual(await readJson(new Response(null, { status: 204 })), { error: 'empty' });
  });

  it('stops reading, and cancels the body, once the text cannot be JSON', async () => {
    // 200 chunks of 4 KB: a study list whose second item is broken.
    const text = `{"studies":[{"a":1},{"a":}${`,{"b":"${'x'.repeat(4000)}"}`.repeat(200)}]}`;
    const chunks = bytePieces(utf8(text), 4096);
    const { response, seen } = chunked(chunks);
    // (Batches of 256 KB: the broken item is parsed, and found, once 64 chunks are in.)
    assert.deepEqual(await readJson(response), { error: 'notJson' });
    assert.ok(seen.pulled < chunks.length, `${seen.pulled} of ${chunks.length} chunks read`);
    assert.equal(seen.cancelled, true);
  });

  it("rejects with the signal's reason when it aborts, and with the body's error when the stream fails", async () => {
    const controller = new AbortController();
    let sent = 0;
    // A chunk every 10 ms, more than a slice: the clock, and the signal, are looked at each time.
    const slow = new ReadableStream<Uint8Array>({
      async pull(c) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        c.enqueue(utf8(sent++ ? '{"a":1},' : '{"studies":['));
      },
    });
    setTimeout(() => controller.abort(new Error('stop')), 25);
    await assert.rejects(readJson(new Response(slow), controller.signal), /stop/);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(utf8('{"a":'));
        c.error(new TypeError('network error'));
      },
    });
    await assert.rejects(readJson(new Response(body)), /network error/);
  });
});
