/**
 * Text as UTF-16 bytes, as Windows writes it (Notepad's "Unicode", PowerShell 5's `>`: little
 * endian with a byte-order mark), for the tests of reading such files. Runs in Node and browsers.
 */
export function utf16(text: string, order: 'le' | 'be' = 'le', bom = true): Uint8Array<ArrayBuffer> {
  const units = `${bom ? '\uFEFF' : ''}${text}`;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = u >> 8;
  }
  return out;
}
