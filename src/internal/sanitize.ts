/**
 * The only HTML the library renders is a map's `aboutHtml`, and it never reaches the page as
 * HTML: it is parsed into an inert document, and a fresh fragment is built from an allow-list
 * of elements and attributes, node by node. Scripts, event handlers, styles, forms, frames and
 * non-http(s) links cannot survive, because nothing that is not on the list is ever created.
 * Nothing is ever serialised and parsed again, so parser round-trip tricks (mXSS) have no
 * second parse to exploit. See docs/security.md for why this is not DOMPurify.
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
 * The DOM accessors the copy reads, taken from the prototypes rather than looked up on the
 * parsed nodes: markup such as `<form><input name="localName">` makes `form.localName` the
 * input (DOM clobbering). Looked up on first use, so importing this module needs no DOM.
 */
interface Accessors {
  nodeType: (node: Node) => number;
  firstChild: (node: Node) => Node | null;
  nextSibling: (node: Node) => Node | null;
  localName: (el: Element) => string;
  getAttribute: (el: Element, name: string) => string | null;
  data: (text: CharacterData) => string;
  body: (doc: Document) => HTMLElement | null;
}
let accessors: Accessors | undefined;

function dom(): Accessors {
  if (accessors) return accessors;
  const getter = (proto: object, key: string) => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to the node below
    const get = Object.getOwnPropertyDescriptor(proto, key)!.get!;
    return (target: unknown): never => Reflect.apply(get, target, []) as never;
  };
  const { getAttribute } = Object.getOwnPropertyDescriptors(Element.prototype);
  accessors = {
    nodeType: getter(Node.prototype, 'nodeType'),
    firstChild: getter(Node.prototype, 'firstChild'),
    nextSibling: getter(Node.prototype, 'nextSibling'),
    localName: getter(Element.prototype, 'localName'),
    getAttribute: (el, name) => Reflect.apply(getAttribute.value as Element['getAttribute'], el, [name]),
    data: getter(CharacterData.prototype, 'data'),
    body: getter(Document.prototype, 'body'),
  };
  return accessors;
}

/**
 * A sanitised copy of `html` as a fragment of fresh nodes owned by `doc`. Where no parser is
 * allowed (a strict Trusted Types policy list), the text alone is returned.
 */
export function sanitizeHtml(html: string, doc: Document = document): DocumentFragment {
  const out = doc.createDocumentFragment();
  const p = parserPolicy();
  if (!p || typeof DOMParser === 'undefined') {
    out.append(doc.createTextNode(htmlToText(html)));
    return out;
  }
  const parsed = new DOMParser().parseFromString(p.createHTML(html), 'text/html');
  const body = dom().body(parsed);
  if (body) copyChildren(body, out, doc, 0);
  return out;
}

/** Tags that do not separate words: removed without a space in the text fallback. */
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'em', 'i', 'q', 'small', 'span', 'strong', 'sub', 'sup', 'u']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of `html` without a parser (the Trusted Types fallback): tags become spaces (inline
 * ones vanish) and the common character references are decoded. Linear in the input's length, whatever it holds.
 * The result is only ever used as a text node.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)?[^<>]*>/g, (_tag, name?: string) => (name && INLINE.has(name.toLowerCase()) ? '' : ' '))
    .replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,4}));/g, (ref, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return ENTITIES[name] ?? ref;
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    })
    .replace(/[ \t\r\n\f]+/g, ' ')
    .trim();
}

function copyChildren(from: Node, to: Node, doc: Document, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const d = dom();
  for (let node = d.firstChild(from); node; node = d.nextSibling(node)) {
    const type = d.nodeType(node);
    if (type === Node.TEXT_NODE) {
      to.appendChild(doc.createTextNode(d.data(node as Text)));
      continue;
    }
    if (type !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = d.localName(el);
    if (DROP.has(tag)) continue;
    if (!ALLOWED.has(tag)) {
      copyChildren(el, to, doc, depth + 1); // unwrap: keep the text of unknown elements
      continue;
    }
    const copy = doc.createElement(tag);
    for (const name of ATTRIBUTES[tag] ?? []) {
      const value = d.getAttribute(el, name);
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
