// Browser tests (elements, controllers): `npm run test:browser`. Core tests run in Node
// (`npm run test:core`), so src/core/** is left out here.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `No Chromium at ${chromium}. Install one with \`apt-get update && apt-get install -y chromium\` ` +
      '(Debian/Ubuntu) or point CHROME_PATH at a Chromium or Chrome binary. ' +
      "(Playwright's own browser download does not work on these machines.)",
  );
}

// Without the background-networking flags Chromium floods the closed network (TOOLCHAIN).
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['src/**/*.test.ts', '!src/core/**'],
  nodeResolve: true,
  // The tsconfig carries experimentalDecorators; without it every decorated field fails.
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: chromium, headless: true, args } })],
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
