// The switches scripts/chromium.mjs launches Chromium with (the build's walk, the end-to-end
// tests, the benchmark), against a Chromium launched with playwright-core's defaults alone.
// Chromium hands its renderers the features it resolved (`--disable-features=…`), so their
// command lines (Linux's /proc; Chromium writes each as one line, its switches separated by
// spaces) say what it really runs with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { launchChromium, CHROMIUM_OWN_PAGES_OFF } from '../../scripts/chromium.mjs';

/** The command line of every Chromium renderer this process started (one browser at a time). */
function renderers() {
  const processes = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const parent = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1];
      processes.set(pid, { parent, line: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      // Ended meanwhile.
    }
  }
  const ours = (pid) => {
    for (let p = pid; p && p !== '0' && p !== '1'; p = processes.get(p)?.parent) {
      if (p === String(process.pid)) return true;
    }
    return false;
  };
  return [...processes].filter(([pid, p]) => ours(pid) && / --type=renderer( |$)/.test(p.line))
    .map(([, p]) => p.line);
}

const disabledFeatures = (line) => line.match(/ --disable-features=(\S+)/)?.[1].split(',') ?? [];
const chromiumsOwnPage = (line) => / --top-chrome-webui( |$)/.test(line);

/** Opens a window as a test does (a context and its page), then waits up to `ms` for a renderer
 * of Chromium's own pages to start beside it; gives how long that took (or null) and the
 * features the page's renderer was started with. */
async function openWindow(browser, ms) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('about:blank');
  const start = Date.now();
  let ownPageAfter = null;
  while (Date.now() - start < ms) {
    if (renderers().some(chromiumsOwnPage)) { ownPageAfter = Date.now() - start; break; }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const features = disabledFeatures(renderers().find((line) => !chromiumsOwnPage(line)) ?? '');
  await context.close();
  return { ownPageAfter, features };
}

test("Chromium keeps playwright-core's own switches and, in each new window, opens no page of its own beside the one tested", async (t) => {
  const defaults = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const plain = await openWindow(defaults, 10000).finally(() => defaults.close());
  assert.ok(plain.features.length > 0, 'a renderer started by playwright-core names the features it turns off');

  const browser = await launchChromium();
  const ours = await openWindow(browser, Math.max(3000, (plain.ownPageAfter ?? 0) + 2000))
    .finally(() => browser.close());
  for (const name of plain.features) {
    assert.ok(ours.features.includes(name), `playwright-core turns ${name} off: scripts/chromium.mjs must too`);
  }
  for (const name of CHROMIUM_OWN_PAGES_OFF) assert.ok(ours.features.includes(name), name);
  if (plain.ownPageAfter === null) t.diagnostic('this Chromium opened no page of its own beside a new window, even with the defaults');
  assert.equal(ours.ownPageAfter, null, `a page of Chromium's own started ${ours.ownPageAfter} ms after the window opened`);
});
