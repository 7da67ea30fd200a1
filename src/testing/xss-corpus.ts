/**
 * A corpus of hostile strings for the injection tests (src/internal/sanitize.test.ts,
 * src/components/egm-map/egm-map.xss.test.ts), and a builder that puts one of them in every
 * text field of a valid map.
 *
 * Every payload that could run script calls `__xss++` (or `parent.__xss++` from a frame), so a
 * test that installs `window.__xss = 0` and finds it still 0 has seen nothing execute. Payloads
 * marked `fires` are proven live: inserted with a plain `innerHTML` (no sanitiser) they do
 * increment the counter (a control test checks this), so the counter is not blind.
 */
import type { EgmMap } from '../core/types.js';

export interface XssPayload {
  /** A short name for test titles. */
  readonly name: string;
  readonly payload: string;
  /** Runs script when inserted into a live document with `innerHTML` (a positive control). */
  readonly fires?: boolean;
}

const js = 'void(__xss++)';

export const XSS_PAYLOADS: readonly XssPayload[] = [
  // ---- script elements -------------------------------------------------------------------
  { name: 'script tag', payload: '<script>__xss++</script>' },
  { name: 'script with src', payload: '<script src="https://evil.example/x.js"></script>' },
  { name: 'split script tag', payload: '<scr<script>ipt>__xss++</scr</script>ipt>' },
  { name: 'nested angle brackets', payload: '<<script>script>__xss++<</script>/script>' },
  { name: 'attribute break-out then script', payload: '"><script>__xss++</script>' },
  { name: 'single-quote break-out', payload: "'><img src=x onerror=__xss++>" },
  { name: 'textarea break-out', payload: '</textarea><script>__xss++</script>' },
  { name: 'title break-out', payload: '</title><img src=x onerror=__xss++>' },
  { name: 'style break-out', payload: '</style><img src=x onerror=__xss++>' },
  // ---- event-handler attributes ------------------------------------------------------------
  { name: 'img onerror', payload: '<img src=x onerror=__xss++>', fires: true },
  { name: 'img onerror, quoted, upper case', payload: '<IMG SRC="x" ONERROR="__xss++">', fires: true },
  { name: 'img with slash separators', payload: '<img/src=x/onerror=__xss++>' },
  { name: 'img onerror, unclosed tag', payload: '<img src=x onerror=__xss++ ' },
  { name: 'body onload', payload: '<body onload=__xss++>' },
  { name: 'p onclick', payload: '<p onclick="__xss++">click me</p>' },
  { name: 'a onmouseover', payload: '<a href="https://example.org/" onmouseover="__xss++">hover</a>' },
  { name: 'details ontoggle', payload: '<details open ontoggle=__xss++><summary>x</summary></details>', fires: true },
  { name: 'input autofocus onfocus', payload: '<input autofocus onfocus=__xss++>' },
  { name: 'video source onerror', payload: '<video><source onerror=__xss++></video>', fires: true },
  { name: 'audio src onerror', payload: '<audio src=x onerror=__xss++></audio>', fires: true },
  { name: 'marquee onstart', payload: '<marquee onstart=__xss++>x</marquee>' },
  { name: 'table background', payload: '<table background="javascript:void(__xss++)"><tr><td>x</td></tr></table>' },
  // ---- javascript:, data:, vbscript: URLs -------------------------------------------------
  { name: 'javascript: link', payload: `<a href="javascript:${js}">link</a>` },
  { name: 'javascript: bare', payload: `javascript:${js}` },
  { name: 'JaVaScRiPt: mixed case', payload: `<a href="JaVaScRiPt:${js}">link</a>` },
  { name: 'java<tab>script:', payload: `<a href="java\tscript:${js}">link</a>` },
  { name: 'java<newline>script:', payload: `<a href="java\nscript:${js}">link</a>` },
  { name: 'java&#x09;script: (entity tab)', payload: `<a href="java&#x09;script:${js}">link</a>` },
  { name: 'leading spaces and controls', payload: `<a href=" \u0001 javascript:${js}">link</a>` },
  { name: 'entity-encoded javascript:', payload: `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${js}">link</a>` },
  { name: 'hex entities, no semicolons', payload: `<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A${js}">link</a>` },
  { name: 'javascript&colon;', payload: `<a href="javascript&colon;${js}">link</a>` },
  { name: 'percent-encoded scheme', payload: `<a href="%6Aavascript:${js}">link</a>` },
  { name: 'data: text/html link', payload: '<a href="data:text/html,<script>parent.__xss++</script>">link</a>' },
  { name: 'data: base64 link', payload: '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MrKzwvc2NyaXB0Pg==">link</a>' },
  { name: 'data: bare', payload: 'data:text/html,<script>parent.__xss++</script>' },
  { name: 'vbscript: link', payload: '<a href="vbscript:msgbox(1)">link</a>' },
  { name: 'iframe javascript: src', payload: '<iframe src="javascript:parent.__xss++"></iframe>', fires: true },
  { name: 'iframe srcdoc', payload: '<iframe srcdoc="<script>parent.__xss++</script>"></iframe>', fires: true },
  { name: 'object data', payload: `<object data="javascript:${js}"></object>` },
  { name: 'embed src', payload: '<embed src="data:image/svg+xml,<svg onload=parent.__xss++>">' },
  { name: 'form action', payload: `<form action="javascript:${js}"><button>Send</button></form>` },
  { name: 'button formaction', payload: `<button formaction="javascript:${js}">Send</button>` },
  { name: 'meta refresh', payload: `<meta http-equiv="refresh" content="0;url=javascript:${js}">` },
  { name: 'base href', payload: `<base href="javascript:${js}//">` },
  // ---- SVG and MathML -----------------------------------------------------------------------
  { name: 'svg onload', payload: '<svg onload=__xss++>' },
  { name: 'svg script', payload: '<svg><script>__xss++</script></svg>' },
  { name: 'svg xlink:href', payload: `<svg><a xlink:href="javascript:${js}"><text x="0" y="10">x</text></a></svg>` },
  { name: 'svg animate onbegin', payload: '<svg><animate onbegin=__xss++ attributeName=x dur=1s></svg>', fires: true },
  { name: 'svg set href', payload: `<svg><a><set attributeName="href" to="javascript:${js}"/><text y="10">x</text></a></svg>` },
  { name: 'svg foreignObject', payload: '<svg><foreignObject><img src=x onerror=__xss++></foreignObject></svg>', fires: true },
  { name: 'svg use data:', payload: '<svg><use href="data:image/svg+xml,<svg id=x onload=parent.__xss++>#x"/></svg>' },
  { name: 'math href', payload: `<math><mi href="javascript:${js}">x</mi></math>` },
  // ---- mutation XSS (parse / serialise round trips) ---------------------------------------
  { name: 'mXSS noscript title', payload: '<noscript><p title="</noscript><img src=x onerror=__xss++>"></noscript>' },
  { name: 'mXSS svg/style', payload: '<svg></p><style><a id="</style><img src=1 onerror=__xss++>">' },
  { name: 'mXSS math mglyph', payload: '<math><mtext><table><mglyph><style><img src=x onerror=__xss++>' },
  { name: 'mXSS form/math', payload: '<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss++>' },
  { name: 'comment break-out', payload: '<!--<img src="--><img src=x onerror=__xss++//">', fires: true },
  { name: 'CDATA', payload: '<![CDATA[<img src=x onerror=__xss++>]]>' },
  { name: 'template content', payload: '<template><img src=x onerror=__xss++></template>' },
  { name: 'xmp', payload: '<xmp><img src=x onerror=__xss++></xmp>' },
  { name: 'textarea rcdata', payload: '<textarea><img src=x onerror=__xss++></textarea>' },
  // ---- styles and remote resources -----------------------------------------------------------
  { name: 'style element @import', payload: "<style>@import 'https://evil.example/x.css';</style>" },
  { name: 'style attribute url()', payload: '<p style="background:url(https://evil.example/x.png)">x</p>' },
  { name: 'link stylesheet', payload: '<link rel="stylesheet" href="https://evil.example/x.css">' },
  { name: 'remote image', payload: '<img src="https://evil.example/pixel.png">' },
  // ---- DOM clobbering and nested elements --------------------------------------------------
  { name: 'clobber document.body', payload: '<img name="body"><img name="body"><p>after</p>' },
  { name: 'clobber form accessors', payload: '<form><input name="localName"><input name="childNodes"><input name="nodeType"><p>inside</p></form>' },
  { name: 'clobber ids', payload: '<a id="__xss" name="__xss" href="https://example.org/">x</a>' },
  { name: 'nested egm-map', payload: '<egm-map src="https://evil.example/map.json"></egm-map>' },
  // ---- template-engine and format tricks -------------------------------------------------
  { name: 'template literal', payload: '${__xss++}' },
  { name: 'mustache', payload: "{{constructor.constructor('__xss++')()}}" },
  { name: 'lit marker lookalike', payload: '<?lit$123456789$>lit$123$<!--?lit$1$-->' },
  { name: 'html entities as text', payload: '&lt;script&gt;__xss++&lt;/script&gt;' },
  // ---- Unicode tricks ------------------------------------------------------------------------
  { name: 'RTL override', payload: 'txt.exe\u202Egnp.\u202C <b>bold</b>' },
  { name: 'zero-width characters', payload: `<a href="java\u200Bscript:${js}">z\u200Bw\u200C\u200D\uFEFFj</a>` },
  { name: 'fullwidth javascript:', payload: `<a href="\uFF4A\uFF41\uFF56\uFF41\uFF53\uFF43\uFF52\uFF49\uFF50\uFF54:${js}">link</a>` },
  { name: 'Cyrillic homoglyph scheme', payload: `<a href="\u0458avascript:${js}">link</a>` },
  { name: 'homoglyph https', payload: '<a href="\u04BBttps://example.org/">link</a>' },
  { name: 'NUL and lone surrogate', payload: 'a\u0000b\uD800c<scr\u0000ipt>__xss++</script>' },
  { name: 'fullwidth angle brackets', payload: '\uFF1Cscript\uFF1E__xss++\uFF1C/script\uFF1E' },
  { name: 'combining marks', payload: 'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357 <i>x</i>' },
];

/**
 * The text fields of a map a payload is placed in by `hostileMap` (each is rendered as text,
 * or is `aboutHtml`, or is an id rendered into attributes and selectors).
 */
export const HOSTILE_FIELDS = [
  'title', 'description', 'aboutHtml', 'version', 'searchDate', 'citation', 'license', 'id',
  'links[].label',
  'dimensions[].id', 'dimensions[].label', 'dimensions[].description',
  'categories[].id', 'categories[].label', 'categories[].description', 'categories[].children[].label',
  'studies[].id', 'studies[].title', 'studies[].authors[]', 'studies[].source', 'studies[].abstract', 'studies[].doi', 'studies[].<extra field>',
] as const;

/**
 * A valid map (it passes `parseMap`) with `payload` in every field of `HOSTILE_FIELDS`.
 * Ids get a suffix (`payload·r1`) so they stay unique; everything else is the payload itself.
 * Rows: one leaf and one group with a child; columns: two leaves; segments: two categories;
 * one filter dimension. Study `s1` sits in (r1, c1), `s2` is coded to the group only.
 */
export function hostileMap(payload: string): EgmMap {
  const p = payload;
  const cat = (suffix: string, extra: object = {}) => ({ id: `${p}·${suffix}`, label: p, description: p, ...extra });
  const dim = (suffix: string, categories: object[]) => ({ id: `${p}·${suffix}`, label: p, description: p, categories });
  const study = (suffix: string, codes: Record<string, string[]>) => ({
    id: `${p}·${suffix}`,
    title: p,
    authors: [p, p],
    year: 2020,
    source: p,
    abstract: p,
    doi: p,
    url: 'https://example.org/study',
    note: p,
    codes,
  });
  const [rows, cols, segs, filt] = ['rows', 'cols', 'segs', 'filt'].map((s) => `${p}·${s}`);
  const map = {
    format: 'egm/1',
    id: p,
    title: p,
    description: p,
    aboutHtml: p,
    version: p,
    searchDate: p,
    citation: p,
    license: p,
    links: [{ label: p, url: 'https://example.org/report' }],
    dimensions: [
      dim('rows', [cat('r1'), cat('group', { children: [cat('r2')] })]),
      dim('cols', [cat('c1'), cat('c2')]),
      dim('segs', [cat('s1', { color: '#1b7837' }), cat('s2', { color: '#b2182b' })]),
      dim('filt', [cat('f1'), cat('f2')]),
    ],
    layout: { rows, columns: cols, segments: segs, filters: [filt] },
    studies: [
      study('s1', { [rows]: [`${p}·r1`], [cols]: [`${p}·c1`], [segs]: [`${p}·s1`], [filt]: [`${p}·f1`] }),
      study('s2', { [rows]: [`${p}·group`], [cols]: [`${p}·c2`], [segs]: [`${p}·s2`], [filt]: [`${p}·f2`] }),
    ],
  };
  return map as EgmMap;
}
