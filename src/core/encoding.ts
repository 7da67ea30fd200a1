/**
 * Which encoding a text file is in, for files that are not UTF-8. JSON is UTF-8 (RFC 8259), and
 * so are the maps and exports the library writes; but Windows writes UTF-16 where map authors
 * work: Notepad's "Unicode", Windows PowerShell 5's `>` and `Out-File`, Excel's "Unicode Text".
 * Such a file is read as what it is, rather than reported as "not JSON" or as binary.
 * DOM-free.
 */

/** The encodings a file is read in (TextDecoder's labels). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * A file's encoding by its first bytes: UTF-16 by its byte-order mark (FF FE, FE FF); without
 * one, by the zero bytes of its first two characters when they are ASCII, as JSON's, CSV's and
 * HTML's are (the rule of RFC 4627, section 3: 00 xx 00 xx is UTF-16BE, xx 00 xx 00 UTF-16LE);
 * else UTF-8. UTF-32 is not recognised (it reads as UTF-8, and fails as JSON).
 */
export function sniffEncoding(head: Uint8Array): TextEncoding {
  const [a, b, c, d] = head;
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (head.length >= 4) {
    if (a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf-16be';
    if (a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf-16le';
  }
  return 'utf-8';
}

/**
 * Bytes as text, in the encoding `sniffEncoding` finds: the byte-order mark dropped and
 * malformed bytes as U+FFFD, as `Response.text()` does for UTF-8. A UTF-16 file of an odd
 * number of bytes ends in U+FFFD.
 */
export function decodeBytes(bytes: Uint8Array): string {
  return new TextDecoder(sniffEncoding(bytes)).decode(bytes);
}
