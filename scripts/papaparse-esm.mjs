// Papa Parse ships as UMD (CommonJS or a global) only. Bundlers with CommonJS support (Vite,
// webpack, esbuild) read it as it is; rollup without @rollup/plugin-commonjs and the test
// runner's dev server serve it to the browser as an ES module, where it has no default export.
// These two plugins wrap it as one: a `module` object for the UMD header to fill, exported.

const PAPA = /[\\/]node_modules[\\/]papaparse[\\/]papaparse(\.min)?\.js$/;

/** Papa Parse's UMD source as an ES module with a default export. */
export function wrapPapaparse(code) {
  return `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`;
}

/** For rollup builds that inline Papa Parse (the workbench bundle). */
export const papaparseRollup = () => ({
  name: 'papaparse-esm',
  transform(code, id) {
    return PAPA.test(id.split('?')[0]) ? { code: wrapPapaparse(code), map: null } : null;
  },
});

/** For @web/test-runner: browser tests that import the importers (the workbench's). */
export const papaparseDevServer = () => ({
  name: 'papaparse-esm',
  transform(context) {
    if (PAPA.test(context.path)) return { body: wrapPapaparse(context.body) };
    return undefined;
  },
});
