/**
 * Build-time compaction of Lit templates for the minified bundles (rollup.config.mjs).
 *
 * Terser keeps template text as written, so html`…`, svg`…` and css`…` arrive with their source
 * indentation, line breaks and comments. This plugin rewrites the text of each template's quasis
 * (the literal parts between `${…}`), never their number or the expressions:
 *
 * - css`…`: a small CSS minifier (`minifyCss`). Comments go; whitespace runs go where CSS never
 *   needs them (around `{ } ; ,`, after `( [ :`, before `) ] !`, around `>`) and otherwise
 *   become one space (descendant combinators, `calc(1px + 2px)`, `and (…)`, `:host([a]) .b`);
 *   the last `;` before `}` goes. Strings, escapes and unquoted `url(…)` are copied as they are;
 *   custom property values (`--x: …`) only have their whitespace runs collapsed, and `--x: ;`
 *   keeps its space. Next to an interpolation nothing is known of the other side, so whitespace
 *   there is dropped only when the literal side is one of the characters above, else kept as one
 *   space (`${a} ${b}` stays `${a} ${b}`).
 * - html`…` / svg`…` (also `html` from lit/static-html.js): each whitespace run in text and
 *   between attributes becomes one character (a line break if it had one, else a space).
 *   Whitespace is never removed outright: between two tags it can matter (inline content,
 *   inline-block controls, `:empty`). Attribute values, comments and the content of <pre>,
 *   <textarea>, <script> and <style> are copied as they are.
 *
 * It works on the cooked text (what Lit sees) and writes it back escaped, so a backslash in the
 * source means what it meant. A template it cannot read safely (a comment that spans an
 * interpolation, an invalid escape) only has the indentation after its line breaks dropped.
 * Only template text moves (`map: null` keeps the maps of everything else).
 */

/** Modules whose `html`, `svg` and `css` exports are Lit's template tags. */
const LIT_MODULE = /^(?:lit|lit-html|lit-element|@lit\/reactive-element)(?:\/|$)/;
const KINDS = { html: 'html', svg: 'html', mathml: 'html', css: 'css' };

const isWs = (c) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
const isHex = (c) => c !== undefined && /[0-9a-fA-F]/.test(c);
const isIdentChar = (c) => c !== undefined && /[\w\-\u0080-\uffff]/.test(c);

/** Whitespace after these (outside custom property values) never matters. */
const DROP_AFTER = new Set(['{', '}', ';', ',', '(', '[', '>', ':']);
/** Whitespace before these (outside custom property values) never matters. */
const DROP_BEFORE = new Set(['{', '}', ';', ',', ')', ']', '>', '!']);

/**
 * Splits the cooked quasis of a css`…` template into tokens: `ws` (a whitespace run), `cm` (a
 * comment), `b` (an interpolation), `s` (string text, verbatim), `c` (one character, or a unit
 * copied verbatim: an escape, an unquoted url(…); `unit: true`). Undefined when the template
 * cannot be read safely (a comment left open at an interpolation).
 */
function tokenizeCss(quasis) {
  const toks = [];
  let quote = '';
  for (let q = 0; q < quasis.length; q++) {
    if (q > 0) toks.push({ t: 'b' });
    const s = quasis[q];
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (quote) {
        // A string: up to its closing quote, an unescaped line break (a bad string ends there)
        // or the end of the quasi (it goes on after the interpolation).
        let j = i;
        while (j < s.length && s[j] !== quote && s[j] !== '\n') j += s[j] === '\\' ? 2 : 1;
        j = Math.min(j, s.length);
        if (j < s.length) {
          if (s[j] === quote) j++;
          quote = '';
        }
        toks.push({ t: 's', v: s.slice(i, j) });
        i = j;
      } else if (c === '"' || c === "'") {
        quote = c;
        toks.push({ t: 's', v: c });
        i++;
      } else if (c === '/' && s[i + 1] === '*') {
        const end = s.indexOf('*/', i + 2);
        if (end < 0) return undefined;
        toks.push({ t: 'cm' });
        i = end + 2;
      } else if (isWs(c)) {
        while (i < s.length && isWs(s[i])) i++;
        toks.push({ t: 'ws' });
      } else if (c === '\\') {
        // An escape: a backslash and one character, or up to six hex digits and the one
        // whitespace character that ends them (part of the escape, so never dropped).
        let j = i + 1;
        if (isHex(s[j])) {
          while (j < i + 7 && isHex(s[j])) j++;
          if (s[j] === '\r' && s[j + 1] === '\n') j += 2;
          else if (isWs(s[j])) j++;
        } else j++;
        j = Math.min(j, s.length);
        toks.push({ t: 'c', v: s.slice(i, j), unit: true });
        i = j;
      } else if (/^url\(\s*[^\s"')]/i.test(s.slice(i, i + 64)) && !isIdentChar(s[i - 1]) && s[i - 1] !== '\\') {
        // An unquoted url(…) is one token: copied whole, up to its `)`.
        const end = s.indexOf(')', i);
        const j = end < 0 ? s.length : end + 1;
        toks.push({ t: 'c', v: s.slice(i, j), unit: true });
        i = j;
      } else {
        toks.push({ t: 'c', v: c });
        i++;
      }
    }
  }
  return toks;
}

/** A plain character token (not a unit) that is one of `chars`. */
const isChar = (tok, chars) => tok !== undefined && tok.t === 'c' && !tok.unit && chars.includes(tok.v);

/**
 * Minifies the CSS of a css`…` template given as its cooked quasis; returns the new quasis (as
 * many), or undefined when it cannot do so safely. See the module comment for what it does.
 * @param {string[]} quasis
 * @returns {string[] | undefined}
 */
export function minifyCss(quasis) {
  const toks = tokenizeCss(quasis);
  if (!toks) return undefined;
  const out = [''];
  const emit = (text) => (out[out.length - 1] += text);
  /** The last token emitted (or dropped, for a final `;`) other than whitespace and comments. */
  let prev = { t: 'start' };
  /** At the start of a statement (a declaration or a rule), where `--name:` begins a custom property. */
  let atStatement = true;
  /** Inside a custom property's value: its bracket depth; `customColon` is the index of its colon. */
  let custom;
  let customColon = -1;

  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (tok.t === 'ws' || tok.t === 'cm') {
      let hasWs = false;
      let j = i;
      for (; j < toks.length && (toks[j].t === 'ws' || toks[j].t === 'cm'); j++) hasWs ||= toks[j].t === 'ws';
      const next = toks[j] ?? { t: 'end' };
      let keep;
      if (custom) {
        // `--x: ;` keeps its space (an empty value is only valid with it in older browsers);
        // leading and trailing whitespace is not part of the value, inner runs become one space.
        if (prev.customColon) keep = !((next.t === 'c' && !isChar(next, ';}!')) || next.t === 's');
        else keep = !(next.t === 'end' || (custom.depth === 0 && isChar(next, ';}')));
      } else {
        keep = !(prev.t === 'start' || next.t === 'end' || isChar(prev, [...DROP_AFTER]) || isChar(next, [...DROP_BEFORE]));
      }
      // Dropping a comment between two tokens must not join them: `.a/**/.b` is `.a.b`, not `.a .b`.
      if (keep) emit(hasWs ? ' ' : '/**/');
      i = j - 1;
      continue;
    }
    if (tok.t === 'b') {
      out.push('');
      prev = tok;
      atStatement = true;
      continue;
    }
    // A custom property starts: `--name` then `:` (whitespace and comments between).
    if (!custom && atStatement && isChar(tok, '-') && isChar(toks[i + 1], '-')) {
      let j = i + 2;
      while (toks[j]?.t === 'c' && (toks[j].unit || isIdentChar(toks[j].v))) j++;
      while (toks[j]?.t === 'ws' || toks[j]?.t === 'cm') j++;
      if (isChar(toks[j], ':')) customColon = j;
    }
    atStatement = false;
    if (i === customColon) {
      emit(tok.v);
      prev = { ...tok, customColon: true };
      custom = { depth: 0 };
      continue;
    }
    if (custom && tok.t === 'c' && !tok.unit) {
      if ('([{'.includes(tok.v)) custom.depth++;
      else if (')]'.includes(tok.v)) custom.depth--;
      else if (tok.v === '}' && custom.depth > 0) custom.depth--;
      else if (custom.depth === 0 && (tok.v === ';' || tok.v === '}')) custom = undefined;
    }
    if (!custom && isChar(tok, ';{}')) atStatement = true;
    // The last `;` of a block goes (not after an interpolation: its text is unknown).
    if (!custom && isChar(tok, ';') && prev.t !== 'b') {
      let j = i + 1;
      while (toks[j]?.t === 'ws' || toks[j]?.t === 'cm') j++;
      if (isChar(toks[j], '}')) {
        prev = tok;
        continue;
      }
    }
    emit(tok.v);
    prev = tok;
  }
  return out;
}

/** Elements whose text is copied as it is. */
const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style']);

/**
 * Collapses each whitespace run of an html`…` or svg`…` template (its cooked quasis) to one
 * character, a line break if it had one; returns the new quasis (as many).
 * @param {string[]} quasis
 * @returns {string[]}
 */
export function compactHtml(quasis) {
  // text | tag (between `<` and `>`) | quoted (an attribute value) | comment | raw (<pre>…)
  let state = 'text';
  let quote = '';
  let tagName = '';
  let closing = false;
  let rawName = '';
  return quasis.map((s) => {
    let out = '';
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (state === 'quoted') {
        const end = s.indexOf(quote, i);
        const j = end < 0 ? s.length : end + 1;
        if (end >= 0) state = 'tag';
        out += s.slice(i, j);
        i = j;
      } else if (state === 'comment') {
        const end = s.indexOf('-->', i);
        const j = end < 0 ? s.length : end + 3;
        if (end >= 0) state = 'text';
        out += s.slice(i, j);
        i = j;
      } else if (state === 'raw') {
        const end = s.toLowerCase().indexOf(`</${rawName}`, i);
        const j = end < 0 ? s.length : end;
        if (end >= 0) state = 'text';
        out += s.slice(i, j);
        i = j;
      } else if (isWs(c)) {
        let j = i;
        while (j < s.length && isWs(s[j])) j++;
        out += s.slice(i, j).includes('\n') ? '\n' : ' ';
        i = j;
      } else if (state === 'text') {
        if (s.startsWith('<!--', i)) {
          state = 'comment';
          out += '<!--';
          i += 4;
        } else if (c === '<' && (i + 1 === s.length || /[a-zA-Z/!?]/.test(s[i + 1]))) {
          state = 'tag';
          closing = s[i + 1] === '/';
          const name = /^[a-zA-Z][\w-]*/.exec(s.slice(closing ? i + 2 : i + 1));
          tagName = name ? name[0].toLowerCase() : undefined;
          out += c;
          i++;
        } else {
          out += c;
          i++;
        }
      } else {
        // state === 'tag'
        if (c === '"' || c === "'") {
          state = 'quoted';
          quote = c;
        } else if (c === '>') {
          state = !closing && tagName !== undefined && RAW_TEXT.has(tagName) ? 'raw' : 'text';
          rawName = tagName ?? '';
        }
        out += c;
        i++;
      }
    }
    return out;
  });
}

/** The source text of a template quasi whose cooked value is `cooked`. */
export function toRaw(cooked) {
  let raw = '';
  for (let i = 0; i < cooked.length; i++) {
    const c = cooked[i];
    const code = c.charCodeAt(0);
    if (c === '\\' || c === '`') raw += `\\${c}`;
    else if (c === '$' && cooked[i + 1] === '{') raw += '\\$';
    else if (c === '\r') raw += '\\r';
    else if (code >= 0xd800 && code <= 0xdfff) {
      // A well-formed surrogate pair is copied; a lone surrogate cannot be written as UTF-8.
      const pair = code <= 0xdbff && /[\udc00-\udfff]/.test(cooked[i + 1] ?? '');
      if (pair) {
        raw += c + cooked[i + 1];
        i++;
      } else raw += `\\u${code.toString(16)}`;
    } else raw += c;
  }
  return raw;
}

/**
 * The rollup plugin. `options.css` / `options.html` (default true) turn each part off, for
 * measuring what it buys.
 */
export function compactTemplates({ css = true, html = true } = {}) {
  return {
    name: 'compact-templates',
    transform(code) {
      if (!/`/.test(code) || !/\blit\b|lit-html|lit-element/.test(code)) return null;
      const ast = this.parse(code);
      /** Local names of Lit's tags in this module: `html as staticHtml` too. */
      const tags = new Map();
      for (const node of ast.body) {
        if (node.type !== 'ImportDeclaration' || !LIT_MODULE.test(node.source.value)) continue;
        for (const spec of node.specifiers) {
          const name = spec.type === 'ImportSpecifier' ? (spec.imported.name ?? spec.imported.value) : undefined;
          if (name in KINDS) tags.set(spec.local.name, KINDS[name]);
        }
      }
      if (tags.size === 0) return null;
      const edits = [];
      const walk = (node) => {
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && tags.has(node.tag.name)) {
          const kind = tags.get(node.tag.name);
          const quasis = node.quasi.quasis;
          const cooked = quasis.map((q) => q.value.cooked);
          let next;
          if (cooked.every((s) => typeof s === 'string')) {
            if (kind === 'css' && css) next = minifyCss(cooked);
            else if (kind === 'html' && html) next = compactHtml(cooked);
          }
          quasis.forEach((q, i) => {
            const raw = code.slice(q.start, q.end);
            if (next) {
              if (next[i] !== cooked[i]) edits.push([q.start, q.end, toRaw(next[i])]);
            } else if ((kind === 'css' ? css : html) && /\n[ \t]+/.test(raw)) {
              // Could not read it safely: only the indentation after line breaks goes.
              edits.push([q.start, q.end, raw.replace(/\n[ \t]+/g, '\n')]);
            }
          });
        }
        for (const value of Object.values(node)) {
          for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') walk(child);
        }
      };
      walk(ast);
      if (edits.length === 0) return null;
      let out = '';
      let at = 0;
      for (const [start, end, text] of edits.sort((a, b) => a[0] - b[0])) {
        out += code.slice(at, start) + text;
        at = end;
      }
      return { code: out + code.slice(at), map: null };
    },
  };
}
