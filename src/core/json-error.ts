/**
 * A `JSON.parse` error said so that an author can find it in a large file. DOM-free.
 */

/**
 * The message of `error`, thrown by `JSON.parse(text)`, with the line and column of the
 * problem when the engine gives only an offset (V8 before version 11.x, as in Node 20: "… in
 * JSON at position 1234"): "… at position 1234 (line 40, column 7)". Lines are counted from 1
 * at each line feed (CRLF counts once), columns from 1 in UTF-16 code units, as editors count
 * them. A message that already names a line (newer V8, Firefox), or names no position, is
 * returned as it is.
 */
export function jsonErrorMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /\bat position (\d+)/.exec(message);
  if (!at || /\bline \d+/.test(message)) return message;
  const position = Math.min(Number(at[1]), text.length);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - (before.lastIndexOf('\n') + 1) + 1;
  return `${message} (line ${line}, column ${column})`;
}
