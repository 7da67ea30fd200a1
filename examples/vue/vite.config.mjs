/* global URL */
// Builds the Vue example against the repository's built ESM package (dist/, after
// `npm run build`), as an app would use it from npm. Vue's compiler is told that egm-* tags
// are custom elements, so it leaves them to the browser and binds properties.
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('egm-') } } })],
  resolve: { alias: [{ find: /^egm-components$/, replacement: `${dist}index.js` }] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
});
