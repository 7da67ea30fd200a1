/**
 * Shortens Lit's longest production error message in the embed bundles (rollup.config.mjs).
 *
 * `css` throws it when a template is given a value that is not a `css` result: a developer's
 * mistake, caught the first time the code runs, never a reader's. Its 150 characters cost the
 * gzipped entry 81 bytes, which the entry's 45 KB gate (issue 6) has better uses for. The message
 * keeps what it says (the value and where it went); the advice on `unsafeCSS` is in Lit's docs.
 * A Lit release that rewords it fails the build here rather than silently keeping the long text.
 */
const FILE = /[\\/]@lit[\\/]reactive-element[\\/]css-tag\.js$/;
const REPLACEMENTS = [
  ["\"Value passed to 'css' function must be a 'css' function result: \"", '"css() takes css results, not: "'],
  ["\". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.\"", '""'],
];

export function litMessages() {
  return {
    name: 'lit-messages',
    transform(code, id) {
      if (!FILE.test(id)) return null;
      let out = code;
      for (const [from, to] of REPLACEMENTS) {
        if (!out.includes(from)) this.error(`lit-messages: ${from} is no longer in ${id}; update scripts/rollup-lit-messages.mjs`);
        out = out.replace(from, to);
      }
      return { code: out, map: null };
    },
  };
}
