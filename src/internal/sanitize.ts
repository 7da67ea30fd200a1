/**
 * The only HTML the library renders is a map's `aboutHtml`, and it never reaches the page as
 * HTML: it is parsed into an inert document, and a fresh fragment is built from an allow-list
 * of elements and attributes, node by node. Scripts, event handlers, styles, forms, frames and
 * non-http(s) links cannot survive, because nothing that is not on the list is ever created.
 */
import { isHttpUrl } from '../core/parse.js';

const ALLOWED = new Set([
  'p', 'br', 'strong', 'b', 'em', 'i', 'u', 'small', 'sub', 'sup', 'code', 'abbr', 'cite', 'q',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'h3', 'h4', 'h5', 'h6', 'a', 'span',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'hr',
]);
/** Elements dropped with everything inside them (the rest are unwrapped: their text is kept). */
const DROP = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math', 'form', 'select', 'textarea', 'title', 'head']);
const ATTRIBUTES: Record<string, string[]> = { a: ['href', 'title'], abbr: ['title'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start'] };
const MAX_DEPTH = 32;

interface ParserPolicy {
  createHTML(input: string): string;
}
let policy: ParserPolicy | null | undefined;

/** A Trusted Types policy used only to feed the inert parser; null where none can be made. */
function parserPolicy(): ParserPolicy | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: ParserPolicy): ParserPolicy } }).trustedTypes;
  if (!tt) return (policy = { createHTML: (s) => s });
  try {
    policy = tt.createPolicy('egm-components#inert-parse', { createHTML: (s) => s });
  } catch {
    policy = null; // the page's CSP names its policies: fall back to text
  }
  return policy;
}

/**
 * A sanitised copy of `html` as a fragment of fresh nodes owned by `doc`. Where no parser is
 * allowed (a strict Trusted Types policy list), the text alone is returned.
 */
export function sanitizeHtml(html: string, doc: Document = document): DocumentFragment {
  const out = doc.createDocumentFragment();
  const p = parserPolicy();
  if (!p || typeof DOMParser === 'undefined') {
    out.append(doc.createTextNode(html.replace(/<[^>]*>/g, ' ')));
    return out;
  }
  const parsed = new DOMParser().parseFromString(p.createHTML(html), 'text/html');
  copyChildren(parsed.body, out, doc, 0);
  return out;
}

function copyChildren(from: Node, to: Node, doc: Document, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.appendChild(doc.createTextNode(node.textContent ?? ''));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.localName;
    if (DROP.has(tag)) continue;
    if (!ALLOWED.has(tag)) {
      copyChildren(el, to, doc, depth + 1); // unwrap: keep the text of unknown elements
      continue;
    }
    const copy = doc.createElement(tag);
    for (const name of ATTRIBUTES[tag] ?? []) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      if (name === 'href') {
        if (!isHttpUrl(value)) continue;
        copy.setAttribute('href', value.trim());
        copy.setAttribute('rel', 'noopener noreferrer');
        copy.setAttribute('target', '_blank');
      } else if (name === 'colspan' || name === 'rowspan' || name === 'start') {
        if (/^\d{1,3}$/.test(value)) copy.setAttribute(name, value);
      } else {
        copy.setAttribute(name, value);
      }
    }
    copyChildren(el, copy, doc, depth + 1);
    to.appendChild(copy);
  }
}
