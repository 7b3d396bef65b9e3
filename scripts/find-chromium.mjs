/**
 * Finds a Chromium for the browser tests: $CHROMIUM_PATH, then /usr/bin/chromium, then
 * Playwright's own download. Returns null when there is none.
 */
import fs from "node:fs";

export async function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here.
  }
  return null;
}

export const CHROMIUM_HELP = `No Chromium found for the browser tests.
Install one of these and run the tests again:
  - Debian/Ubuntu:  sudo apt-get install -y chromium      (lands at /usr/bin/chromium)
  - any system:     set CHROMIUM_PATH=/path/to/chromium-or-chrome
  - with network:   npx playwright install chromium`;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
