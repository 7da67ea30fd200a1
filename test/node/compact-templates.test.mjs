// The template compaction of the minified bundles (scripts/rollup-compact-templates.mjs), on the
// inputs that could go wrong: CSS strings, calc(), combinators, media queries, custom
// properties, comments, escapes and interpolation boundaries; HTML text, attribute values and
// <pre>. Each case is a template's cooked quasis (the parts between `${…}`) and exactly what
// should come out. No build needed (`npm run test:node`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAst } from 'rollup/parseAst';
import { compactHtml, compactTemplates, minifyCss, toRaw } from '../../scripts/rollup-compact-templates.mjs';

/** minifyCss on one quasi (a template without interpolations). */
const css1 = (text) => minifyCss([text])?.[0];

describe('minifyCss', () => {
  it('drops comments, indentation and the spaces CSS never needs', () => {
    assert.equal(
      css1(`
      /* The host. */
      :host {
        display: block ;
        margin : 0 auto;
      }
      .a , .b > .c {
        color: red;
        /* last */
      }
    `),
      ':host{display:block;margin :0 auto}.a,.b>.c{color:red}',
    );
  });

  it('keeps strings as they are', () => {
    assert.equal(css1(`.a::before { content: " " ; }`), '.a::before{content:" "}');
    assert.equal(css1(`.a::after { content: '{ a ;  b }' "/* not a comment */"; }`), `.a::after{content:'{ a ;  b }' "/* not a comment */"}`);
    assert.equal(css1(`.q { content: "say \\"hi ;  there\\"" }`), '.q{content:"say \\"hi ;  there\\""}');
    assert.equal(css1(`.m { content: '·' }`), ".m{content:'·'}");
  });

  it('keeps the spaces around + and - in calc(), and the others as one space', () => {
    assert.equal(css1(`a { width: calc( 100% - 2 * var(--x) ); top: calc(1px + 2px); margin: 0 -1px; }`), 'a{width:calc(100% - 2 * var(--x));top:calc(1px + 2px);margin:0 -1px}');
    assert.equal(css1(`a { padding: var(--_space)   calc(var(--_space) * 2); }`), 'a{padding:var(--_space) calc(var(--_space) * 2)}');
  });

  it('keeps descendant combinators and the + and ~ combinators as they were spaced', () => {
    assert.equal(css1(`.a  .b > .c + .d ~ .e {}`), '.a .b>.c + .d ~ .e{}');
    assert.equal(css1(`.print ~ .scroller,\n.print ~ .note { display: none }`), '.print ~ .scroller,.print ~ .note{display:none}');
    assert.equal(css1(`.a :hover, .b:hover {}`), '.a :hover,.b:hover{}');
  });

  it('keeps the words and parentheses of media queries apart', () => {
    assert.equal(
      css1(`@media screen and (min-width: 600px) and (prefers-color-scheme: dark) , print {\n  .a { b: c; }\n}`),
      '@media screen and (min-width:600px) and (prefers-color-scheme:dark),print{.a{b:c}}',
    );
    assert.equal(css1(`@container (max-width: 480px) { .a { b: c } }`), '@container (max-width:480px){.a{b:c}}');
    assert.equal(css1(`@media (forced-colors: active) { :focus-visible { outline-color: Highlight; } }`), '@media (forced-colors:active){:focus-visible{outline-color:Highlight}}');
    assert.equal(css1(`@page :first { margin: 1cm; }\n@page { size: A4 landscape; }`), '@page :first{margin:1cm}@page{size:A4 landscape}');
  });

  it('keeps !important working', () => {
    assert.equal(css1(`a { display: none  !important ; b: c ! important }`), 'a{display:none!important;b:c! important}');
  });

  it('keeps :host(…), ::part(…), ::slotted(…) and what follows them', () => {
    assert.equal(
      css1(`:host([theme='dark']) .b, :host( :focus-within ) ::slotted( * ) {}\negm-grid::part( cell ) , ::part(label):hover {}`),
      ":host([theme='dark']) .b,:host(:focus-within) ::slotted(*){}egm-grid::part(cell),::part(label):hover{}",
    );
  });

  it('keeps spaces inside quoted attribute values', () => {
    assert.equal(css1(`[aria-label="a  b"] , [title='x , y'] [data-x = "{ }"] { }`), `[aria-label="a  b"],[title='x , y'] [data-x = "{ }"]{}`);
  });

  it('keeps custom property values but their leading, trailing and repeated whitespace', () => {
    assert.equal(
      css1(`:host {\n  --x: ;\n  --y:   a  ,\n    b  ;\n  --z: { a ; b } ;\n  --w:var(--egm-font, system-ui, 'Segoe UI');\n  --e:;\n  --i: red !important;\n}`),
      ":host{--x: ;--y:a , b;--z:{ a ; b };--w:var(--egm-font, system-ui, 'Segoe UI');--e:;--i:red !important}",
    );
    // Only at the start of a declaration: var(--a) and (--a) are not custom property declarations.
    assert.equal(css1(`a { color: var( --a , red ); }`), 'a{color:var(--a,red)}');
    // `--x: ;` as the last declaration keeps its space (the `;` may go: `}` ends it as well).
    assert.equal(css1(`a { --x: ; }`), 'a{--x: }');
  });

  it('keeps escapes whole, with the space that ends a hex escape', () => {
    assert.equal(css1(`.a\\31 23  .b, .c\\:hover , .d\\ .e {}`), '.a\\31 23 .b,.c\\:hover,.d\\ .e{}');
  });

  it('copies an unquoted url(…) as it is', () => {
    assert.equal(css1(`a { background: url( data:image/svg+xml;a,b ) no-repeat , url("x y") }`), 'a{background:url( data:image/svg+xml;a,b ) no-repeat,url("x y")}');
  });

  it('never joins two tokens where a comment was', () => {
    assert.equal(css1(`.a/* x */.b, .c /* y */ .d, e/**/{ }`), '.a/**/.b,.c .d,e{}');
  });

  it('keeps whitespace next to an interpolation unless the literal side makes it useless', () => {
    // css`:host { color: ${a}; margin: ${b} ${c}; }`
    assert.deepEqual(minifyCss([':host {\n  color: ', ';\n  margin: ', ' ', ';\n}\n']), [':host{color:', ';margin:', ' ', ';}']);
    // css`.a ${sel} { ${decls} background: red; }`
    assert.deepEqual(minifyCss(['.a ', ' {\n  ', '\n  background: red;\n}']), ['.a ', '{', ' background:red}']);
    // css`${a}${b}`, css`a{b:${x}px}`, css`${x} !important`
    assert.deepEqual(minifyCss(['', '', '']), ['', '', '']);
    assert.deepEqual(minifyCss(['a { b: ', 'px }']), ['a{b:', 'px}']);
    assert.deepEqual(minifyCss(['a { b: ', ' !important; }']), ['a{b:', '!important}']);
    // A custom property set from an interpolation keeps its space: the value may be empty.
    assert.deepEqual(minifyCss([':host {\n  --_text: ', ';\n  --_bg: ', ' ;\n}']), [':host{--_text: ', ';--_bg: ', ';}']);
    // A string that goes on across an interpolation: its text is untouched.
    assert.deepEqual(minifyCss(['a { content: "  ', '  ', '  " ; }']), ['a{content:"  ', '  ', '  "}']);
  });

  it('gives up on a comment that spans an interpolation', () => {
    assert.equal(minifyCss(['a { /* ', ' */ b: c }']), undefined);
  });
});

describe('compactHtml', () => {
  it('collapses whitespace runs to one character, keeping a line break', () => {
    assert.deepEqual(compactHtml(['<div>\n    <p>a   b</p>\n  </div>']), ['<div>\n<p>a b</p>\n</div>']);
    assert.deepEqual(compactHtml(['<b>x</b> <i>y</i>  <i>z</i>']), ['<b>x</b> <i>y</i> <i>z</i>']);
    assert.deepEqual(compactHtml(['<button\n      class="x"\n      type="button"\n    >×</button>']), ['<button\nclass="x"\ntype="button"\n>×</button>']);
  });

  it('never touches attribute values, comments, <pre> or <textarea>', () => {
    assert.deepEqual(compactHtml(['<p title="a   b\n   c"   class=\'  d  \'>  x</p>']), ['<p title="a   b\n   c" class=\'  d  \'> x</p>']);
    assert.deepEqual(compactHtml(['<pre>\n  a\n    b</pre>  <textarea>  x\n  y  </textarea>']), ['<pre>\n  a\n    b</pre> <textarea>  x\n  y  </textarea>']);
    assert.deepEqual(compactHtml(['<!--  a   b  -->  <p>']), ['<!--  a   b  --> <p>']);
  });

  it('follows text, attributes and <pre> across interpolations', () => {
    // html`<p title="a  ${x}  b">  ${y}  </p>`
    assert.deepEqual(compactHtml(['<p title="a  ', '  b">  ', '  </p>']), ['<p title="a  ', '  b"> ', ' </p>']);
    // html`<textarea class=${c}>  ${v}  </textarea>  `
    assert.deepEqual(compactHtml(['<textarea class=', '>  ', '  </textarea>  ']), ['<textarea class=', '>  ', '  </textarea> ']);
    // staticHtml`<${tag} id="t">  ${title}</${tag}>`
    assert.deepEqual(compactHtml(['<', ' id="t">  ', '</', '>']), ['<', ' id="t"> ', '</', '>']);
  });
});

describe('toRaw', () => {
  it('escapes what a template literal would read otherwise', () => {
    assert.equal(toRaw('a\\31 b`c${d}$e\r'), 'a\\\\31 b\\`c\\${d}$e\\r');
    assert.equal(toRaw('\ud83d\ude00 \ud800'), '\ud83d\ude00 \\ud800');
  });
});

describe('the rollup plugin', () => {
  const transform = (code) => compactTemplates().transform.call({ parse: parseAst }, code)?.code;

  it("rewrites the quasis of Lit's tags, as imported, and nothing else", () => {
    const code = [
      "import { css, html as h } from 'lit';",
      "import { html as staticHtml } from 'lit/static-html.js';",
      'const svg = (s) => s;',
      'export const a = css`\n  :host {\n    --x: ${1} ;\n    content: "\\\\2014  ";\n  }\n`;',
      'export const b = h`<p>\n    ${2}  <b>x</b>\n  </p>`;',
      'export const c = staticHtml`<${3}   id="a">`;',
      'export const d = svg`<g>\n    </g>`;',
      'export const e = `a {\n    b: c }`;',
    ].join('\n');
    assert.equal(
      transform(code),
      [
        "import { css, html as h } from 'lit';",
        "import { html as staticHtml } from 'lit/static-html.js';",
        'const svg = (s) => s;',
        'export const a = css`:host{--x: ${1};content:"\\\\2014  "}`;',
        'export const b = h`<p>\n${2} <b>x</b>\n</p>`;',
        'export const c = staticHtml`<${3} id="a">`;',
        'export const d = svg`<g>\n    </g>`;',
        'export const e = `a {\n    b: c }`;',
      ].join('\n'),
    );
  });

  it('leaves a module without Lit alone', () => {
    assert.equal(transform('const css = (s) => s;\nexport const a = css`a {\n  b: c }`;'), undefined);
  });

  it('only drops indentation in a template it cannot read safely', () => {
    const code = "import { css } from 'lit';\nexport const a = css`a {\n  /* ${1} */\n  b: c }`;";
    assert.equal(transform(code), "import { css } from 'lit';\nexport const a = css`a {\n/* ${1} */\nb: c }`;");
  });
});
