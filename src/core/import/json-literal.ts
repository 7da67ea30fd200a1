/**
 * Reads data that a page keeps in inline scripts as `const name = <JSON literal>;`, without
 * running the script and without a DOM. A small scanner finds where the literal ends
 * (respecting strings, escapes and nesting, with a bound on nesting), then `JSON.parse`
 * reads it; anything that is code rather than a literal is skipped.
 */

/** Nesting deeper than this is not a data literal we want (and would make JSON.parse recurse). */
export const MAX_LITERAL_DEPTH = 512;

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The text of every inline `<script>` block, in document order (`src` scripts have none). */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(m[1]) || m[2].trim() === '') continue;
    out.push(m[2]);
  }
  return out;
}

/** Index just past the string literal opening at `start` (a `"`), or -1 when it never closes. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22 /* " */) return i + 1;
    else if (c === 0x0a || c === 0x0d) return -1; // JSON strings hold no raw line breaks
  }
  return -1;
}

const PRIMITIVE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true\b|false\b|null\b/y;

/**
 * The end (exclusive) of the JSON-looking value starting at `start` (after white space), or -1.
 * Only the extent is found here; whether it really is JSON is left to `JSON.parse`.
 */
export function scanLiteral(text: string, start: number): { from: number; to: number } | undefined {
  let i = start;
  while (i < text.length && /\s/.test(text[i])) i++;
  const from = i;
  const c = text[i];
  if (c === '"') {
    const end = endOfString(text, i);
    return end < 0 ? undefined : { from, to: end };
  }
  if (c === '{' || c === '[') {
    const stack: string[] = [];
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') {
        const end = endOfString(text, i);
        if (end < 0) return undefined;
        i = end - 1;
      } else if (ch === '{' || ch === '[') {
        if (stack.length >= MAX_LITERAL_DEPTH) return undefined;
        stack.push(ch === '{' ? '}' : ']');
      } else if (ch === '}' || ch === ']') {
        if (stack.pop() !== ch) return undefined;
        if (stack.length === 0) return { from, to: i + 1 };
      }
    }
    return undefined;
  }
  PRIMITIVE.lastIndex = i;
  const m = PRIMITIVE.exec(text);
  return m ? { from, to: i + m[0].length } : undefined;
}

/** After a literal, a declaration ends (`;`, `,`, a line break, the end): else it was code. */
function endsDeclaration(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i >= text.length || text[i] === ';' || text[i] === ',' || text[i] === '\n' || text[i] === '\r';
}

/**
 * For each name, the value of the first `const|let|var name = <JSON literal>` in the scripts
 * that `accept` takes (declarations whose value is code, such as
 * `const csvData = convertReferencesToCSV(referenceData)`, are skipped). Names never found
 * are absent from the result.
 */
export function readJsonDeclarations(
  scripts: readonly string[],
  names: readonly string[],
  accept: (name: string, value: unknown) => boolean = () => true,
): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const wanted = new Set(names);
  const escaped = names.map((n) => n.replace(/[$]/g, '\\$')).join('|');
  for (const script of scripts) {
    const decl = new RegExp(`(?<![\\w$.])(?:const|let|var)\\s+(${escaped})\\s*=(?!=)`, 'g');
    let m: RegExpExecArray | null;
    while ((m = decl.exec(script)) !== null) {
      const name = m[1];
      if (!wanted.has(name) || found.has(name)) continue;
      const span = scanLiteral(script, decl.lastIndex);
      if (!span || !endsDeclaration(script, span.to)) continue;
      let value: unknown;
      try {
        value = JSON.parse(script.slice(span.from, span.to));
      } catch {
        continue;
      }
      if (!accept(name, value)) continue;
      found.set(name, value);
      // Never look for declarations inside the data just read (an abstract may quote code).
      decl.lastIndex = span.to;
      if (found.size === wanted.size) return found;
    }
  }
  return found;
}
