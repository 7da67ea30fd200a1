/**
 * Parsing a large map file without freezing the page: the text is read, scanned and parsed as
 * it arrives, the study list a batch of studies at a time, in slices that hand the thread back.
 * DOM-free (Node 20 has `Response`, streams and `TextDecoder` too).
 */
import { decodePieces } from './read-text.js';

/** Characters of the study list given to one `JSON.parse` (about 4 ms on the test machine). */
export const BATCH = 1 << 18;

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** The longest top-level key literal looked at (`"studies"` written with every letter escaped is 44). */
const KEY_MAX = 64;

/** `JSON.parse` fed piece by piece: see `jsonMapParser`. */
export interface JsonMapParser {
  /** Reads the next piece of the text. */
  push(piece: string): void;
  /** The parsed value, once the whole text has been pushed. */
  end(): unknown;
  /** The first character of the text that is not white space ('' until there is one). */
  readonly first: string;
}

/**
 * `JSON.parse` fed piece by piece. The text of a top-level `"studies"` array is cut at its
 * commas into batches of about `batchSize` characters, each parsed on its own as the pieces
 * come in (`push`); the rest of the document, the array left as `[]`, is parsed at the end and
 * given the studies (`end`). The value is the one `JSON.parse` gives for the whole text (the
 * last of duplicate keys wins; a key written with escapes is still the key), and text that
 * `JSON.parse` rejects throws a `SyntaxError`, from `push` or from `end`.
 */
export function jsonMapParser(batchSize = BATCH): JsonMapParser {
  let first = '';
  let depth = 0;
  /** The top-level value's opening character. */
  let top = 0;
  let inString = false;
  /** A piece ended with a backslash inside a string: the next piece's first character is escaped. */
  let escaped = false;
  /** The text of a string of the top-level object so far, while it could be the key `"studies"`. */
  let key: string | undefined;
  /** 1: after the string "studies" in the top-level object; 2: after its colon. */
  let expect = 0;
  const rest: string[] = [];
  let batch: string[] = [];
  let batchLength = 0;
  /** The study list being read, or the last one read. */
  let studies: unknown[] = [];
  let inStudies = false;
  /** Whether the study list being read has a comma. */
  let commas = false;
  /** Whether the last top-level `studies` key was followed by the array read here. */
  let lastIsRead = false;

  /**
   * Whether the study list is read without a scan: each batch is cut before the last place where
   * a study seems to start, and the cut is proved when the part before it parses (below).
   */
  let fast = false;
  let ended = false;

  /** Parses the batch read so far into the study list. */
  const flush = () => {
    const text = batch.join('');
    batch = [];
    batchLength = 0;
    if (/[^ \t\n\r]/.test(text)) {
      const list = JSON.parse(`[${text}]`) as unknown[];
      for (let k = 0; k < list.length; k++) studies.push(list[k]);
    } else if (commas) {
      // `[]` is a study list, but `[,]`, `[1,]` and `[,1]` are not.
      throw new SyntaxError('An empty item in the study list');
    }
  };

  /** Scans a piece, character by character: outside the study list, and inside it where no cut was proved. */
  const scan = (s: string) => {
    const n = s.length;
    if (!n) return;
    let from = 0;
    let i = 0;
    /** The next backslash at or after `i` (`n`: none). */
    let backslash = -1;
    if (escaped) {
      escaped = false;
      if (key !== undefined) key += s[0];
      i = 1;
    }
    while (i < n) {
      if (inString) {
        // To the closing quote, or over an escape, in one step (most of a map is string text).
        if (backslash < i) {
          backslash = s.indexOf('\\', i);
          if (backslash < 0) backslash = n;
        }
        let q = s.indexOf('"', i);
        if (q < 0) q = n;
        const escape = backslash < q;
        const end = escape ? backslash + 2 : q + 1;
        if (key !== undefined) key = key.length + end - i > KEY_MAX ? undefined : key + s.slice(i, end);
        i = end;
        if (escape) {
          escaped = i > n;
        } else if (q < n) {
          inString = false;
          if (key !== undefined && JSON.parse(key) === 'studies') expect = 1;
          key = undefined;
        }
        continue;
      }
      const c = s.charCodeAt(i++);
      if (isSpace(c)) continue;
      first ||= s[i - 1];
      const after = expect;
      expect = 0;
      if (c === QUOTE) {
        inString = true;
        if (depth === 1 && top === OPEN_BRACE) key = '"';
      } else if (c === COLON && after === 1) {
        expect = 2;
        lastIsRead = false;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (++depth === 1) top = c;
        else if (after === 2 && c === OPEN_BRACKET) {
          rest.push(s.slice(from, i - 1), '[]');
          from = i;
          inStudies = true;
          commas = false;
          studies = [];
          if (!ended) {
            fast = true;
            break;
          }
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (inStudies && depth === 2) {
          if (c !== CLOSE_BRACKET) throw new SyntaxError('The study list ends with "}"');
          batch.push(s.slice(from, i - 1));
          flush();
          from = i;
          inStudies = false;
          lastIsRead = true;
        }
        depth--;
      } else if (c === COMMA && inStudies && depth === 2) {
        commas = true;
        if (batchLength + i - from > batchSize) {
          batch.push(s.slice(from, i - 1));
          flush();
          from = i;
          if (!ended) {
            fast = true;
            break;
          }
        }
      }
    }
    const tail = s.slice(from);
    if (inStudies) {
      batch.push(tail);
      batchLength += tail.length;
    } else {
      rest.push(tail);
    }
  };

  /** Scans the batch (read fast so far) instead, from its start: a study's. */
  const rescan = () => {
    const text = batch.join('');
    batch = [];
    batchLength = 0;
    fast = false;
    scan(text);
  };

  /**
   * Parses the batch up to the last comma before what looks like the start of its first study
   * (that object's text up to its first colon, `{"id":` say: a study written the same way);
   * else, or when that part does not parse, scans it. A batch starts where a study does (after
   * the list's `[` or a comma between studies), and JSON is parsed one way only: if the part
   * before the comma parses as a list's items, that comma is one between studies.
   */
  const cut = () => {
    const text = batch.join('');
    const start = text.search(/[^ \t\n\r]/);
    const colon = text.indexOf(':', start);
    if (start >= 0 && text.charCodeAt(start) === OPEN_BRACE && colon > start && colon - start < KEY_MAX) {
      let j = text.lastIndexOf(text.slice(start, colon + 1));
      /** The character before `j` that is not white space. */
      const back = () => {
        while (j > start && isSpace(text.charCodeAt(--j)));
        return text.charCodeAt(j);
      };
      if (back() === COMMA && back() === CLOSE_BRACE) {
        const end = j + 1;
        let list: unknown[] | undefined;
        try {
          list = JSON.parse(`[${text.slice(0, end)}]`) as unknown[];
        } catch {
          // (scanned below)
        }
        if (list) {
          for (let k = 0; k < list.length; k++) studies.push(list[k]);
          commas = true;
          const tail = text.slice(text.indexOf(',', end) + 1);
          batch = [tail];
          batchLength = tail.length;
          return;
        }
      }
    }
    rescan();
  };

  return {
    get first() {
      return first;
    },

    push(s) {
      if (!fast) scan(s);
      else if (s) {
        batch.push(s);
        batchLength += s.length;
      }
      while (fast && batchLength > batchSize) cut();
    },

    end() {
      ended = true;
      if (fast) rescan();
      const value = JSON.parse(rest.join('')) as unknown;
      if (lastIsRead) (value as { studies: unknown }).studies = studies;
      return value;
    },
  };
}

/** Why a response's text is not a JSON value: nothing, a page (HTML), or something else. */
export type JsonTextError = 'empty' | 'notJsonPage' | 'notJson';

/**
 * A response's body parsed as JSON, as `JSON.parse(await response.text())` would give it, but
 * read, decoded and parsed in slices that hand the thread back (`SLICE_MS`): a map's study list
 * is parsed a batch at a time as the body arrives (`jsonMapParser`). Resolves with `{ json }`,
 * or `{ error }` when the body is not JSON (and then reads no further: the body is cancelled).
 * Rejects with `signal`'s reason when it aborts between slices (the body cancelled), and with
 * the stream's error when the body fails.
 */
export async function readJson(response: Response, signal?: AbortSignal): Promise<{ json: unknown } | { error: JsonTextError }> {
  const parser = jsonMapParser();
  try {
    // (Leaving the loop early, on text that cannot be JSON, cancels the body.)
    for await (const piece of decodePieces(response, signal)) parser.push(piece);
    return { json: parser.end() };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { error: !parser.first ? 'empty' : parser.first === '<' ? 'notJsonPage' : 'notJson' };
  }
}
