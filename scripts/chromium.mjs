// The one place that knows how to start Chromium here: the path, the headless flags and the
// message when none is installed. Used by the browser tests, the e2e tests, the benchmark and
// the screenshots.
import { existsSync } from 'node:fs';

export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

// Without the background-networking flags Chromium floods a closed network (TOOLCHAIN.md).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Throws a message that says how to install Chromium when there is none at CHROME. */
export function requireChromium(who = 'the browser tests') {
  if (!existsSync(CHROME)) {
    throw new Error(
      `No Chromium at ${CHROME}: ${who} need one. Install it with \`apt-get update && apt-get install -y chromium\` ` +
        '(Debian/Ubuntu) or point CHROME_PATH at a Chromium or Chrome binary. ' +
        "(Playwright's own browser download does not work on every network.)",
    );
  }
}

/** Launches headless Chromium with the flags above (playwright-core). */
export async function launchChromium() {
  requireChromium();
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath: CHROME, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(`Chromium at ${CHROME} did not start: ${error.message}`, { cause: error });
  }
}
