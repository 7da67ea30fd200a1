// Two builds (STYLE §14):
//  1. ESM for bundlers/npm: dist/index.js + dist/core.js, with lit, d3-* and every runtime
//     dependency left as bare imports. Types come from `tsc -p tsconfig.build.json`.
//  2. A self-contained, minified bundle for a plain <script type="module"> embed.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { papaparseRollup } from './scripts/papaparse-esm.mjs';
import { compactTemplates } from './scripts/rollup-compact-templates.mjs';
import { litMessages } from './scripts/rollup-lit-messages.mjs';
import { licenseBanner, licenses } from './scripts/licenses.mjs';
import { privateNames } from './scripts/private-names.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});

/** lit, lit/*, @lit/*, d3-*, and anything in `dependencies` (with subpaths). */
const isExternal = (id) =>
  /^(lit|@lit\/[^/]+|@lit-labs\/[^/]+|d3-[^/]+)(\/|$)/.test(id) ||
  dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** The embed bundle runs in browsers only: fail the build if anything Node-only reaches it. */
const noNodeBuiltins = () => ({
  name: 'no-node-builtins',
  resolveId(source, importer) {
    if (nodeBuiltins.has(source) || source.startsWith('node:')) {
      this.error(`"${source}" (imported by ${importer ?? 'an entry'}) is Node-only and cannot go into the browser bundle`);
    }
    return null;
  },
});

// One program per build, emitting JavaScript only; tsc writes the declarations.
// The plugin forces tslib helpers; with whole-file outputs (no preserveModules) rollup inlines
// the few it needs, so tslib never lands under dist/node_modules (TOOLCHAIN).
const ts = ({ sourceMap = true } = {}) =>
  typescript({
    tsconfig: './tsconfig.build.json',
    compilerOptions: {
      // The plugin defaults `module` to ESNext unless the named file itself sets it (ours extends).
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      declaration: false,
      declarationMap: false,
      emitDeclarationOnly: false,
      noEmit: false,
      outDir: 'dist',
      sourceMap,
    },
    noEmitOnError: true,
  });

/** Our classes' `private` member names that no other property name, string or inlined library shares (scripts/private-names.mjs). */
const privateMembers = new RegExp(`^(?:${privateNames('src').join('|')})$`);

/** Terser for the embed bundles: it also shortens the names of `privateMembers`. */
const minify = () =>
  terser({
    module: true,
    ecma: 2020,
    // More passes find what the earlier ones' changes make possible (15 bytes of the entry for a
    // second). Three assumptions our code and its libraries meet, 55 bytes of the entry in all
    // (seventeenth session, docs/performance.md): reading a property has no side effect (no
    // statement reads one only to force a layout, which lint's no-unused-expressions forbids in
    // src; `pure_getters`), no function written as an object's property value is called with
    // `new` (`unsafe_methods`), and no code reads a function's `length` (`keep_fargs: false`
    // drops unused trailing parameters). Not `unsafe`: it turns `String(x)` into `"" + x`,
    // which throws for a symbol in a host's map.
    compress: { passes: 3, pure_getters: true, unsafe_methods: true, keep_fargs: false },
    mangle: { properties: { regex: privateMembers } },
    // Only `/*! … */`: the banner below, instead of one `@license` comment per Lit file.
    format: { comments: /^!/ },
  });
/** The bundles' first line: every inlined package, its licence and copyright (scripts/licenses.mjs). */
const banner = licenseBanner();

/** Warnings about our own code fail the build (circular imports, missing exports…). */
const onwarn = (warning, warn) => {
  const ids = warning.ids ?? (warning.id ? [warning.id] : []);
  if (ids.length > 0 && ids.every((id) => id.includes('/node_modules/'))) return warn(warning);
  throw new Error(`rollup: ${warning.message}`);
};

export default [
  {
    input: { index: 'src/index.ts', core: 'src/core/index.ts', import: 'src/core/import/index.ts', cli: 'src/cli/bin.ts', workbench: 'src/workbench/index.ts' },
    external: (id) => isExternal(id) || nodeBuiltins.has(id),
    // Elements use core helpers that core/index.ts does not export (arcPath, say). Letting the
    // entry chunk export them too keeps dist/core.js the one copy of the core, instead of a
    // facade over a hashed chunk (the extra names are untyped internals).
    preserveEntrySignatures: 'allow-extension',
    plugins: [nodeResolve(), ts()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      chunkFileNames: 'chunks/[name]-[hash].js',
      minifyInternalExports: false,
      // Every core module lives in dist/core.js, which dist/index.js imports, rather than in a
      // hashed shared chunk behind two facades (core/index.ts only re-exports).
      // The workbench entry shares the elements with dist/index.js and the page writer with
      // dist/cli.js: those stay in index.js and import.js (no hashed chunk behind a facade, so
      // `sideEffects` keeps naming the file that registers the elements).
      manualChunks: (id) =>
        id.includes('/src/core/import/') || id.endsWith('/src/cli/page.ts')
          ? 'import'
          : id.includes('/src/core/')
            ? 'core'
            : /\/src\/(components|controllers|events|internal|styles|i18n)\/|\/src\/index\.ts$|\/node_modules\/tslib\//.test(id)
              ? 'index'
              : undefined,
      sourcemap: true,
    },
    onwarn,
  },
  {
    // The embed bundle: one entry file, plus the code most readers never run (the download
    // buttons' CSV/RIS/SVG/PNG writers) in chunks that the entry imports on first use from
    // beside itself (`import()` resolves against the entry's own URL: no base path to set).
    input: { 'egm-components.bundle': 'src/bundle.ts' },
    // The chunks import what they share with the entry from the entry itself (no third file).
    preserveEntrySignatures: 'allow-extension',
    plugins: [noNodeBuiltins(), nodeResolve({ browser: true }), ts(), litMessages(), compactTemplates(), minify(), licenses()],
    output: {
      dir: 'dist',
      format: 'es',
      banner: (chunk) => (chunk.isEntry ? banner : ''),
      entryFileNames: '[name].js',
      // Six characters of content hash (36 bits) tell one build's chunk from another's as well as
      // eight, and the entry names each chunk: 6 bytes of the entry (seventeenth session).
      chunkFileNames: 'egm-chunks/[name]-[hash:6].js',
      // A module that only chunks share (core/text.ts: the study card's and the downloads') would
      // be a chunk of its own, a third request for a few bytes: small ones go into the entry.
      experimentalMinChunkSize: 2048,
      sourcemap: true,
    },
    onwarn,
  },
  {
    // The same bundle as one file, for hosts that can upload only one file (a CMS's media
    // library) and for the pages that inline it (`egm convert --html`, the workbench).
    input: 'src/bundle.ts',
    plugins: [noNodeBuiltins(), nodeResolve({ browser: true }), ts({ sourceMap: false }), litMessages(), compactTemplates(), minify()],
    output: {
      file: 'dist/egm-components.standalone.js',
      format: 'es',
      banner,
      inlineDynamicImports: true,
      // No source map: it would add about 70 KB to the packed tarball, and the code is the same
      // as the entry's and its chunks', which have theirs.
      sourcemap: false,
    },
    onwarn,
  },
  {
    // Translations (src/i18n/<lang>.ts): one small self-contained file each, dist/locales/<lang>.js,
    // that registers its strings on a global registry, so it serves the npm build and the embed
    // bundle alike. Loading one is opting in: the embed bundle carries English only.
    input: { fr: 'src/i18n/fr.ts' },
    plugins: [noNodeBuiltins(), ts(), terser({ module: true, ecma: 2020 })],
    output: { dir: 'dist', format: 'es', entryFileNames: 'locales/[name].js', sourcemap: true },
    onwarn,
  },
  {
    // The workbench for demo/workbench.html: a separate, self-contained file (lit, the importers
    // and Papa Parse inlined) that the embed bundle never carries; `<egm-map>` comes from the
    // embed bundle, which the page loads beside it.
    input: 'src/workbench/bundle.ts',
    // Papa Parse's UMD header reads `this`: the global object, as in a browser script.
    moduleContext: (id) => (id.includes('papaparse') ? 'globalThis' : undefined),
    plugins: [noNodeBuiltins(), nodeResolve({ browser: true }), papaparseRollup(), ts({ sourceMap: false }), compactTemplates(), terser({ module: true, ecma: 2020 })],
    output: {
      file: 'dist/egm-workbench.bundle.js',
      format: 'es',
      // No source map: it would add about 70 KB to the packed tarball (test/pack budgets 400 KB);
      // dist/workbench.js (the ESM entry) has one.
      sourcemap: false,
    },
    onwarn,
  },
];
