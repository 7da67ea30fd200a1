/* global URL */
// Builds the React example (vite's built-in JSX transform; no React plugin needed) against the
// repository's built ESM package (dist/, after `npm run build`), as an app would use it from npm.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  resolve: { alias: [{ find: /^egm-components$/, replacement: `${dist}index.js` }] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
});
