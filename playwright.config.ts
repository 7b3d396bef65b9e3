import { defineConfig } from "@playwright/test";
import { findChromium, CHROMIUM_ARGS } from "./scripts/find-chromium.mjs";

const executablePath = (await findChromium()) ?? undefined;
const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";

/** Run through `npm test`, which builds the app, prepares a fresh database and starts the server. */
export default defineConfig({
  testDir: "tests/e2e",
  // The longest flows (a pilot filled in, submitted and reviewed by two users) take about a minute
  // on a loaded 2-core CI machine; the limit catches a hang, not a slow machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 3,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".tmp/playwright.json" }]],
  use: {
    baseURL,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "fi", use: { lang: "fi" } as never },
    { name: "sv", use: { lang: "sv" } as never },
  ],
});
