// Browser tests (elements, controllers): `npm run test:browser`. Core tests run in Node
// (`npm run test:core`), so src/core/** is left out here.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROME, CHROMIUM_ARGS, requireChromium } from './scripts/chromium.mjs';
import { axTreePlugin } from './scripts/ax-tree.mjs';
import { papaparseDevServer } from './scripts/papaparse-esm.mjs';

requireChromium('the browser tests');

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['src/**/*.test.ts', '!src/core/**'],
  nodeResolve: true,
  // The tsconfig carries experimentalDecorators; without it every decorated field fails.
  // Papa Parse is UMD only: served as an ES module for the workbench's tests (scripts/papaparse-esm.mjs).
  // `ax-tree`: the accessibility tree screen readers get, for tests of names and descriptions.
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }), papaparseDevServer(), axTreePlugin()],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: CHROME, headless: true, args: CHROMIUM_ARGS } })],
  // Two cores: one browser, one test file at a time (as fast as two here, and steadier for
  // tests that measure debounce delays).
  concurrentBrowsers: 1,
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  // axe over a whole demo map takes several seconds on two cores.
  testFramework: { config: { ui: 'bdd', timeout: 20_000 } },
};
