/**
 * A `JSON.parse` error said so that an author can find it in a large file. DOM-free.
 */

const VALUE = 0;
const KEY = 1;
const COLON = 2;
const AFTER = 3;

/**
 * Where `text` stops being JSON: the offset (in UTF-16 code units) of the first character that
 * cannot continue a JSON text, `text.length` when it ends too soon, or undefined when it is
 * JSON. It reads the grammar only (no values are made) and keeps its nesting in a list, not on
 * the call stack, so a file of any size or depth is read in one pass.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const n = text.length;
  /** One entry a level: true for an object, false for a list. */
  const levels: boolean[] = [];
  let i = 0;
  let expect = VALUE;
  /** Just after `[` or `{`, where the closing bracket may come at once. */
  let opened = false;
  /** Reads the string that starts at `i`; false with `i` where it breaks. */
  const string = (): boolean => {
    for (i++; i < n; ) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      // A bad escape breaks at the character after the backslash, a short `\u` at its first
      // character that is not a hex digit (as V8 says).
      const e = text[++i];
      if (e === 'u') {
        for (let k = 0; k < 4; k++) if (!/[0-9a-fA-F]/.test(text[++i] ?? '')) return false;
        i++;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
        i++;
      } else {
        return false;
      }
    }
    return false;
  };
  /** Reads the number that starts at `i`; false with `i` at the character where a digit is missing. */
  const number = (): boolean => {
    const digits = () => {
      const from = i;
      while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
      return i > from;
    };
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return false;
    if (text[i] === '.') {
      i++;
      if (!digits()) return false;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    if (i >= n) return expect === AFTER && levels.length === 0 ? undefined : n;
    const c = text[i];
    const object = levels[levels.length - 1];
    const first = opened;
    opened = false;
    if (expect === VALUE) {
      if (c === ']' && first && object === false) {
        levels.pop();
        i++;
        expect = AFTER;
      } else if (c === '{' || c === '[') {
        levels.push(c === '{');
        i++;
        expect = c === '{' ? KEY : VALUE;
        opened = true;
      } else if (c === '"') {
        if (!string()) return i;
        expect = AFTER;
      } else if (c === 't' || c === 'f' || c === 'n') {
        // To the first character that differs (where V8 points too).
        const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
        for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) return i;
        expect = AFTER;
      } else {
        if (!number()) return i;
        expect = AFTER;
      }
    } else if (expect === KEY) {
      if (c === '}' && first) {
        levels.pop();
        i++;
        expect = AFTER;
      } else {
        if (c !== '"' || !string()) return i;
        expect = COLON;
      }
    } else if (expect === COLON) {
      if (c !== ':') return i;
      i++;
      expect = VALUE;
    } else {
      // After a value: a comma or the level's closing bracket; at the top level, nothing.
      if (object === undefined) return i;
      if (c === ',') {
        i++;
        expect = object ? KEY : VALUE;
      } else if (c === (object ? '}' : ']')) {
        levels.pop();
        i++;
      } else {
        return i;
      }
    }
  }
}

/**
 * The message of `error`, thrown by `JSON.parse(text)`, with the line and column of the
 * problem when the engine does not give them: from the offset it gives (V8 before version
 * 11.x, as in Node 20: "… in JSON at position 1234 (line 40, column 7)"), else from where
 * `jsonErrorOffset` finds the text breaking (Node 20's "Unexpected token 'x', …" and
 * "Unexpected end of JSON input", Safari's "JSON Parse error: …"). Lines are counted from 1 at
 * each line feed (CRLF counts once), columns from 1 in UTF-16 code units, as editors count
 * them. A message that already names a line (newer V8, Firefox) is returned as it is, and so is
 * anything but a `SyntaxError` without an offset.
 */
export function jsonErrorMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/\bline \d+/.test(message)) return message;
  const at = /\bat position (\d+)/.exec(message);
  const found = at ? Number(at[1]) : error instanceof SyntaxError ? jsonErrorOffset(text) : undefined;
  if (found === undefined) return message;
  const position = Math.min(found, text.length);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - (before.lastIndexOf('\n') + 1) + 1;
  return `${message} (line ${line}, column ${column})`;
}
