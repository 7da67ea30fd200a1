/**
 * The standalone map page written by `egm convert … --html page.html`: one HTML file holding the
 * embed bundle and the map, which opens from disk (file://) or any static host, with no other
 * request. A drop-in replacement for an EPPI-Mapper page, and the iframe fallback for CMSs that
 * strip script tags.
 *
 * Nothing is fetched, so the map goes in as data (`<script type="application/json">`), not as
 * `<egm-map src>` (browsers refuse fetch() on file://).
 */
import type { EgmMap } from '../core/types.js';

/** The id of the inline JSON holding the map. */
export const PAGE_DATA_ID = 'egm-map-data';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * JSON safe inside a `<script>` element: every `<` becomes `\u003c` (so neither `</script` nor
 * `<!--` can occur), and U+2028/U+2029 are escaped for old parsers. JSON.parse reads it back
 * unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * JavaScript safe inside an inline `<script>`: `</script` and `<!--` (which would end the
 * element or switch the HTML parser into its escaped state) become `\x3C/script` and `\x3C!--`.
 * In minified code they can only occur inside string, template or regular-expression literals,
 * where `\x3C` means `<` (with or without the `u` flag, unlike `<\!--`). The source map comment
 * is dropped: the map file is not next to the page.
 */
export function scriptSafeJs(code: string): string {
  return code
    .replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '\n')
    .replace(/<(\/script|!--)/gi, '\\x3C$1');
}

/**
 * The page: the bundle as an inline module, the map as inline JSON, and a three-line module
 * that hands the map to `<egm-map>` (`.schema` = the whole map, `.studies` = its studies).
 * The text inside `<egm-map>` is the fallback shown without JavaScript.
 */
export function standalonePage(map: EgmMap, bundle: string): string {
  const title = escapeHtml(map.title);
  const description = map.description ? `\n<meta name="description" content="${escapeHtml(map.description)}">` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="egm-components (egm convert --html)">
<title>${title}</title>${description}
<style>body{margin:0;padding:1rem;font-family:system-ui,sans-serif}</style>
</head>
<body>
<egm-map>
<p><strong>${title}</strong>: this evidence and gap map needs JavaScript to display.</p>
</egm-map>
<script type="application/json" id="${PAGE_DATA_ID}">${scriptSafeJson(map)}</script>
<script type="module">${scriptSafeJs(bundle)}</script>
<script type="module">
const map = JSON.parse(document.getElementById('${PAGE_DATA_ID}').textContent);
const element = document.querySelector('egm-map');
element.schema = map;
element.studies = map.studies;
</script>
</body>
</html>
`;
}
