/**
 * The names of our classes' `private` members that the minified bundles may shorten
 * (rollup.config.mjs passes them to terser's `mangle.properties`).
 *
 * Terser renames a property wherever the name appears, on any object: renaming `items` in one
 * class would break `other.items` on another object. So a private name is kept (not shortened)
 * when it appears anywhere else a property name can come from:
 *
 * - as a member or key that is not `private` in our source (a public or protected member, an
 *   interface or type member, an object literal's key, a state property's entry in
 *   `static properties`);
 * - as a word in any string or template text in our source (`changed.has('open')`, `.open=${…}`
 *   bindings, CSS);
 * - as a word in the code of the libraries the bundle inlines (lit, d3-hierarchy) or in
 *   TypeScript's declarations of the DOM and the JavaScript built-ins.
 *
 * Private members are reached only inside their own class, hence their own module and chunk, so
 * a name renamed differently in two chunks cannot meet itself. `#names` are left to terser,
 * which shortens them anyway. The e2e suites run the built bundle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const WORD = /[A-Za-z_$][\w$]*/g;

function* files(dir, test, enter = () => true) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (enter(name)) yield* files(path, test, enter);
    } else if (test(name)) yield path;
  }
}

const words = (text, into) => {
  for (const w of text.match(WORD) ?? []) into.add(w);
};

/** The tag of the template `node` is part of (`html`, `css`…), if it is a tagged template. */
function templateTag(node) {
  let t = node.parent;
  if (ts.isTemplateSpan(t)) t = t.parent;
  if (ts.isTemplateExpression(t)) t = t.parent;
  return ts.isTaggedTemplateExpression(t) && ts.isIdentifier(t.tag) ? t.tag.text : undefined;
}

const hasModifier = (node, kind) => (ts.getModifiers?.(node) ?? node.modifiers ?? []).some((m) => m.kind === kind);

/**
 * @param {string} srcDir the TypeScript sources (tests and stories are skipped)
 * @param {string[]} packages the inlined packages whose words are kept
 * @returns {string[]} the private member names safe to shorten, sorted
 */
export function privateNames(srcDir, packages = ['lit-html', 'lit-element', '@lit/reactive-element', 'd3-hierarchy']) {
  const priv = new Set();
  const keep = new Set();
  for (const file of files(srcDir, (n) => n.endsWith('.ts') && !/\.(test|stories|d)\.ts$/.test(n))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : undefined;
      if (name !== undefined) {
        if (ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
          // Object literal methods and accessors are MethodDeclarations too: only class members can be private.
          (ts.isClassLike(node.parent) && hasModifier(node, ts.SyntaxKind.PrivateKeyword) ? priv : keep).add(name);
        } else if (ts.isParameter(node) && ts.isConstructorDeclaration(node.parent) && (ts.getModifiers?.(node) ?? []).length > 0) {
          (hasModifier(node, ts.SyntaxKind.PrivateKeyword) ? priv : keep).add(name);
        } else if (ts.isPropertySignature(node) || ts.isMethodSignature(node) || ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isEnumMember(node) || ts.isBindingElement(node)) {
          keep.add(name);
        }
      }
      // `{ a } = obj` and `{ a: b } = obj` read property `a`.
      if (ts.isBindingElement(node) && node.propertyName && ts.isIdentifier(node.propertyName)) keep.add(node.propertyName.text);
      if (ts.isStringLiteral(node)) words(node.text, keep);
      if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
        const tag = templateTag(node);
        // CSS names no properties; markup names them only in property bindings (`.name=${…}`).
        if (tag === 'html' || tag === 'svg' || tag === 'staticHtml') for (const [, name] of node.text.matchAll(/\.([A-Za-z_$][\w$]*)=/g)) keep.add(name);
        else if (tag !== 'css') words(node.text, keep);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  for (const pkg of packages) {
    const root = fileURLToPath(new URL(`../node_modules/${pkg}/`, import.meta.url));
    // Their production builds, the ones the bundle inlines (the development builds add comments).
    for (const file of files(root, (n) => n.endsWith('.js') || n.endsWith('.mjs'), (d) => d !== 'development')) words(readFileSync(file, 'utf8'), keep);
  }
  // Every name TypeScript declares for the DOM and the built-ins (members, and globals, which are
  // properties of `window`), not the words of its comments.
  const lib = dirname(require.resolve('typescript/lib/lib.d.ts'));
  for (const name of readdirSync(lib)) {
    if (!/^lib\..*\.d\.ts$/.test(name)) continue;
    const sf = ts.createSourceFile(name, readFileSync(join(lib, name), 'utf8'), ts.ScriptTarget.Latest, false);
    const visit = (node) => {
      if (node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) keep.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return [...priv].filter((n) => !keep.has(n)).sort();
}
