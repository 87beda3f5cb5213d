// How this project runs Debian's Chromium through playwright-core: the build's walk
// (scripts/profile-wasm.mjs), the end-to-end tests (tests/e2e/harness.mjs) and the benchmark
// (bench/run.mjs) all launch it with these switches.
import { chromium } from 'playwright-core';

/** The features playwright-core (1.65) turns off with a `--disable-features` of its own.
 * Chromium keeps only the last `--disable-features` of its command line, so ours repeats
 * them; tests/build/chromium.test.mjs compares what Chromium hands its renderers with what a
 * Chromium launched with playwright-core's defaults alone does, and fails when one is not here. */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled',
  'PreconnectToSearch', 'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** Chromium's own address-bar pop-up, a page of Chromium's (chrome://omnibox-popup) that
 * Chromium 156 loads in a renderer of its own for every new window, headless too: about 2 s
 * of CPU for each context a test, the walk or the benchmark opens, on the same two cores as
 * the page being tested or timed (round 41 of docs/speed-history.md). */
export const CHROMIUM_OWN_PAGES_OFF = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...CHROMIUM_OWN_PAGES_OFF].join(',')}`,
];

/** Debian's Chromium (or `$CHROMIUM`), headless, with `CHROMIUM_ARGS`. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Whether `browser`'s own process has ended (not merely a page failing), after waiting up
 * to a second for that end to be reported: a page's calls may fail before it is. Used by the
 * walk and by the end-to-end harness, each to try once more after a crash. */
export async function chromiumEnded(browser) {
  for (let waited = 0; browser.isConnected() && waited < 1000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !browser.isConnected();
}
