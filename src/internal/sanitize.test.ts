import { aTimeout, expect } from '@open-wc/testing';
import { XSS_PAYLOADS } from '../testing/xss-corpus.js';
import { htmlToText, sanitizeHtml } from './sanitize.js';

// Written out again on purpose: a change to the allow-list in sanitize.ts must change this too.
const TAGS = new Set([
  'p', 'br', 'strong', 'b', 'em', 'i', 'u', 'small', 'sub', 'sup', 'code', 'abbr', 'cite', 'q',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'h3', 'h4', 'h5', 'h6', 'a', 'span',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'hr',
]);
const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'rel', 'target'],
  abbr: ['title'],
  th: ['scope', 'colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
};

declare global {
  interface Window {
    __xss: number;
  }
}

/** The fragment as markup, for comparing (the library itself never serialises). */
function serialize(fragment: DocumentFragment): string {
  const div = document.createElement('div');
  div.append(fragment.cloneNode(true));
  return div.innerHTML;
}
const clean = (html: string) => serialize(sanitizeHtml(html));

/** Every way the fragment could break the allow-list, as sentences (empty when none). */
function violations(fragment: DocumentFragment): string[] {
  const found: string[] = [];
  const visit = (node: Node, depth: number) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.ownerDocument !== document) found.push('a node owned by another document');
      if (child.nodeType === Node.TEXT_NODE) continue;
      if (child.nodeType !== Node.ELEMENT_NODE) {
        found.push(`a node of type ${child.nodeType}`);
        continue;
      }
      const el = child as Element;
      if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`<${el.localName}> in ${el.namespaceURI}`);
      if (!TAGS.has(el.localName)) found.push(`<${el.localName}>`);
      for (const attr of Array.from(el.attributes)) {
        if (!(ATTRIBUTES[el.localName] ?? []).includes(attr.name)) found.push(`<${el.localName} ${attr.name}>`);
      }
      if (el.localName === 'a' && el.hasAttribute('href')) {
        if (!/^https?:\/\//i.test(el.getAttribute('href')!)) found.push(`href ${el.getAttribute('href')}`);
        if (el.getAttribute('rel') !== 'noopener noreferrer' || el.getAttribute('target') !== '_blank') found.push('a link without rel/target');
      }
      if (depth > 33) found.push('nested deeper than 33');
      visit(el, depth + 1);
    }
  };
  visit(fragment, 1);
  return found;
}

describe('sanitizeHtml', () => {
  beforeEach(() => {
    window.__xss = 0;
  });

  describe('the XSS corpus', () => {
    for (const { name, payload } of XSS_PAYLOADS) {
      it(`${name}: only allow-listed fresh nodes, a fixed point, nothing runs`, async () => {
        const out = sanitizeHtml(payload);
        expect(violations(out)).to.deep.equal([]);
        // Serialising the result and sanitising it again changes nothing: even a host that
        // copies our output as markup cannot turn it into something else.
        const once = serialize(out);
        expect(clean(once)).to.equal(once);
        // Attached to the live page, it runs nothing and loads nothing that could.
        const host = document.createElement('div');
        host.append(out);
        document.body.append(host);
        await aTimeout(30);
        host.remove();
        expect(window.__xss).to.equal(0);
      });
    }
  });

  describe('exact output', () => {
    it('drops handlers, scripts, images and frames and keeps the text around them', () => {
      expect(clean('<p onclick="__xss++">click me</p>')).to.equal('<p>click me</p>');
      expect(clean('<img src=x onerror=__xss++>')).to.equal('');
      expect(clean('<div><b>bold</b> <iframe srcdoc="<script>parent.__xss++</script>"></iframe>text<script>__xss++</script></div>')).to.equal('<b>bold</b> text');
      expect(clean('<svg onload=__xss++><text>svg text</text></svg>after')).to.equal('after');
    });

    it('keeps http(s) links only, trimmed, with rel and target; drops every other scheme but keeps the text', () => {
      expect(clean('<a href=" https://example.org/m " title="Methods" onclick="x">m</a>')).to.equal(
        '<a href="https://example.org/m" rel="noopener noreferrer" target="_blank" title="Methods">m</a>',
      );
      for (const href of ['JaVaScRiPt:void(0)', 'java\tscript:void(0)', '&#106;avascript:void(0)', ' \u0001javascript:void(0)', 'data:text/html,x', 'vbscript:x', '\u0458avascript:x', '//evil.example/', '/relative']) {
        expect(clean(`<a href="${href}">link</a>`), href).to.equal('<a>link</a>');
      }
    });

    it('cannot be turned by parser tricks (mXSS)', () => {
      // With scripting off (an inert document) the noscript closes at the <p>, in the head; the
      // <p> loses its title (not on the list) and the "</noscript><img …>" in it stays text.
      expect(clean('<noscript><p title="</noscript><img src=x onerror=__xss++>"></noscript>')).to.equal('<p></p>');
      // `</p>` leaves the SVG and opens an empty paragraph; the style and the image are gone.
      expect(clean('<svg></p><style><a id="</style><img src=1 onerror=__xss++>">')).to.equal('<p></p>"&gt;');
      expect(clean('<math><mtext><table><mglyph><style><img src=x onerror=__xss++>')).to.equal('');
      expect(clean('<!--<img src="--><img src=x onerror=__xss++//">')).to.equal('');
      // The attribute is kept as the text it is: it is set, never parsed.
      const abbr = sanitizeHtml('<abbr title="</abbr><img src=x onerror=__xss++>">t</abbr>').querySelector('abbr')!;
      expect([abbr.getAttribute('title'), abbr.textContent, abbr.childElementCount]).to.deep.equal(['</abbr><img src=x onerror=__xss++>', 't', 0]);
    });

    it('is not fooled by DOM clobbering', () => {
      expect(clean('<img name="body"><img name="body"><p>after</p>')).to.equal('<p>after</p>');
      expect(clean('<form><input name="localName"><input name="childNodes"><input name="nodeType"><p>inside</p></form><p>after</p>')).to.equal('<p>after</p>');
    });

    it('keeps table structure and only small numeric spans', () => {
      expect(clean('<table><tr><th scope="col" colspan="2">h</th></tr><tr><td colspan="2" onclick="x">a</td><td rowspan="9999">b</td></tr></table>')).to.equal(
        '<table><tbody><tr><th scope="col" colspan="2">h</th></tr><tr><td colspan="2">a</td><td>b</td></tr></tbody></table>',
      );
    });

    it('keeps encoded markup as text', () => {
      const out = sanitizeHtml('&lt;script&gt;__xss++&lt;/script&gt;');
      expect(out.textContent).to.equal('<script>__xss++</script>');
      expect(out.querySelector('*')).to.equal(null);
    });
  });

  describe('limits', () => {
    it('stops copying below 33 levels of nesting and never throws', () => {
      const out = sanitizeHtml(`${'<b>'.repeat(2000)}deep`);
      expect(violations(out)).to.deep.equal([]);
      expect(out.textContent).to.equal('');
    });

    it('handles a megabyte of markup in well under two seconds', () => {
      const big = '<p>Methods <a href="https://example.org/">x</a> <img src=x onerror=__xss++></p>'.repeat(13_000);
      const t0 = performance.now();
      const out = sanitizeHtml(big);
      expect(performance.now() - t0).to.be.below(2000);
      expect(out.childNodes.length).to.equal(13_000);
    });
  });
});

describe('htmlToText (the fallback when no parser is allowed)', () => {
  it('strips tags and decodes the common character references', () => {
    expect(htmlToText('<p>Fish &amp; chips</p>\n<p>&lt;b&gt; is &quot;bold&quot;&#33; &#x263A; &nbsp;&apos;</p>')).to.equal('Fish & chips <b> is "bold"! ☺ \u00a0\'');
    expect(htmlToText('<a href="javascript:x">link</a><script>__xss++</script>')).to.equal('link __xss++');
    expect(htmlToText('<p>Methods: <a href="https://example.org/">the <em>protocol</em></a>.</p><p>Next</p>')).to.equal('Methods: the protocol. Next');
    expect(htmlToText('&#0; &#x110000; &#xD800; &bogus; &amp')).to.equal('\ufffd \ufffd \ufffd &bogus; &amp');
  });

  it('is linear on inputs that make a naive tag regex quadratic', () => {
    for (const input of ['<'.repeat(300_000), '<a'.repeat(150_000), `${'<'.repeat(100_000)}>`]) {
      const t0 = performance.now();
      htmlToText(input);
      expect(performance.now() - t0).to.be.below(500);
    }
  });
});
