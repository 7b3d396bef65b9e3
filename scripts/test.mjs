#!/usr/bin/env node
/**
 * `npm test`: every test, on the database the environment names.
 *   0. static checks, one test each: tsc, Biome (format and lint), knip, dependency-cruiser (skipped
 *      when they passed on exactly the same files before: the second CI run);
 *   1. unit and integration tests (vitest, two files at a time); each file gets a database of its own, copied
 *      from the run's migrated and seeded template (tests/helpers/db.ts; with DATABASE_URL created and dropped);
 *   2. the app is built (its client bundle checked for database code: scripts/check-client-bundle.mjs,
 *      and each page's first-load JavaScript against its budget: scripts/page-weight.mjs)
 *      and started on a fresh database with the demo data
 *      (a uniquely named PostgreSQL database, dropped afterwards, or a temporary PGlite directory);
 *   3. end-to-end tests (Playwright on Chromium) against it.
 * Ends with the line "N passed, N failed".
 * Options: --unit (only 0–1), --e2e (only 2–3), anything after -- goes to Playwright.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { findServerCodeInClient } from "./check-client-bundle.mjs";
import { findChromium, CHROMIUM_HELP } from "./find-chromium.mjs";
import { formatPages, measurePages } from "./page-weight.mjs";

const args = process.argv.slice(2);
const dashdash = args.indexOf("--");
const extra = dashdash >= 0 ? args.slice(dashdash + 1) : [];
const flags = dashdash >= 0 ? args.slice(0, dashdash) : args;
const runUnit = !flags.includes("--e2e");
const runE2e = !flags.includes("--unit");
const bin = (name) => path.resolve("node_modules/.bin", name);
const tmp = path.resolve(".tmp");
fs.mkdirSync(tmp, { recursive: true });

let passed = 0;
let failed = 0;
const log = (msg) => console.log(`\n[test] ${msg}`);
const driver = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

function run(cmd, cmdArgs, env = process.env) {
  return spawnSync(cmd, cmdArgs, { stdio: "inherit", env }).status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

async function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

if (runE2e && !(await findChromium())) {
  console.error(CHROMIUM_HELP);
  console.log("\n0 passed, 1 failed");
  process.exit(1);
}

/** Runs a check quietly; its output is shown only when it fails. Counts as one test. */
function check(name, cmd, cmdArgs) {
  log(name);
  const result = spawnSync(cmd, cmdArgs, { encoding: "utf8", env: process.env });
  if (result.status === 0) {
    passed += 1;
    return;
  }
  failed += 1;
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  console.error(`[test] ${name}: failed`);
}

/** Every file the project tracks or would track (git's view), by content: what the static checks read. */
function treeHash() {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    encoding: "utf8",
  });
  if (listed.status !== 0) return null;
  const hash = crypto.createHash("sha256");
  for (const file of listed.stdout.split("\0").filter(Boolean).sort())
    if (fs.existsSync(file) && fs.statSync(file).isFile()) hash.update(file).update("\0").update(fs.readFileSync(file));
  return hash.digest("hex");
}

if (runUnit) {
  // The static checks do not depend on the database: the second CI run (PostgreSQL) on the same tree
  // reuses the first run's pass, as the build is reused. Any changed file runs them again.
  const stamp = path.join(tmp, "static-checks.pass");
  const tree = treeHash();
  if (tree && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === tree) {
    log("static checks: passed on this same tree, not run again (tsc, biome, knip, dependency-cruiser)");
    passed += 4;
  } else {
    const before = failed;
    check("typecheck (tsc)", bin("tsc"), []);
    check("format and lint (biome check)", bin("biome"), ["check", "."]);
    check("unused files, exports and dependencies (knip)", bin("knip"), []);
    check("layer rules (dependency-cruiser)", "npm", ["run", "--silent", "lint:deps"]);
    if (tree && failed === before) fs.writeFileSync(stamp, tree);
    else fs.rmSync(stamp, { force: true });
  }

  log(`unit and integration tests (vitest, ${driver})`);
  const out = path.join(tmp, "vitest.json");
  fs.rmSync(out, { force: true });
  const status = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  const report = readJson(out);
  if (report) {
    passed += report.numPassedTests;
    // A file that failed without a failing test (an error while loading it, a hook) counts once; a
    // failing test counts as itself only (vitest also counts its file and describe block as failed suites).
    const broken = (report.testResults ?? []).filter(
      (file) => file.status === "failed" && !(file.assertionResults ?? []).some((a) => a.status === "failed"),
    ).length;
    failed += report.numFailedTests + broken;
  } else failed += 1;
  if (status !== 0 && report && report.numFailedTests === 0 && !report.numFailedTestSuites) failed += 1;
}

if (runE2e) {
  // The build is reused when nothing it is made from has changed (the second CI run, a re-run).
  const sourceHash = hashSources([
    "app",
    "db",
    "shared",
    "locales",
    "public",
    "vite.config.ts",
    "tsconfig.json",
    "package-lock.json",
  ]);
  const stamp = path.join("build", ".source-hash");
  if (fs.existsSync("build/server/index.js") && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === sourceHash) {
    log("the build is up to date");
  } else {
    log("building the app");
    if (run("npm", ["run", "build", "--silent"]) !== 0) {
      console.log(`\n${passed} passed, ${failed + 1} failed`);
      process.exit(1);
    }
    fs.writeFileSync(stamp, sourceHash);
  }
  log("the client build contains no database code");
  const serverCode = findServerCodeInClient("build/client");
  if (serverCode.length === 0) passed += 1;
  else {
    console.error(`Server-only code in the client build:\n  ${serverCode.join("\n  ")}`);
    failed += 1;
  }
  log("each page's first-load JavaScript within its budget (scripts/page-weight.mjs)");
  try {
    const { rows, over } = measurePages("build/client");
    console.log(formatPages(rows));
    if (over.length === 0) passed += 1;
    else {
      console.error(`Over budget: ${over.map((r) => r.name).join(", ")}`);
      failed += 1;
    }
  } catch (error) {
    console.error(`[test] page weight: ${error.message}`);
    failed += 1;
  }
  const id = crypto.randomBytes(4).toString("hex");
  const env = { ...process.env, NODE_ENV: "production", INSECURE_COOKIES: "1", E2E_TEST_HELPERS: "1" };
  let cleanup = async () => {};
  if (process.env.DATABASE_URL) {
    const { createThrowawayDatabase } = await import("./throwaway-database.mjs");
    const { name, url, drop } = await createThrowawayDatabase(process.env.DATABASE_URL, "rajaton_e2e");
    env.DATABASE_URL = url;
    cleanup = drop;
    log(`end-to-end database: ${name} (PostgreSQL)`);
  } else {
    env.DATA_DIR = path.join(tmp, `e2e-${id}`);
    delete env.DATABASE_URL;
    cleanup = async () => fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
    log(`end-to-end database: ${env.DATA_DIR} (PGlite)`);
  }
  let server;
  try {
    const port = await freePort();
    env.PORT = String(port);
    // Links in emails and the host the server answers to (127.0.0.1, and localhost with it).
    env.PUBLIC_URL = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["scripts/server.mjs"], {
      stdio: ["ignore", "inherit", "inherit"],
      // The server migrates and seeds the fresh database itself before it listens.
      env: { REQUEST_LOG: "off", ...env, PREPARE_DATABASE: "1" },
    });
    if (!(await waitFor(`http://127.0.0.1:${port}/healthz`, 120_000))) throw new Error("the server did not start");
    log(`end-to-end tests (Playwright, ${driver}) against http://127.0.0.1:${port}`);
    const out = path.join(tmp, "playwright.json");
    fs.rmSync(out, { force: true });
    const status = run(bin("playwright"), ["test", ...extra], { ...env, E2E_BASE_URL: `http://127.0.0.1:${port}` });
    const report = readJson(out);
    if (report?.stats) {
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected;
    }
    if (status !== 0 && !(report?.stats?.unexpected > 0)) failed += 1;
  } catch (error) {
    console.error(`[test] ${error.message}`);
    failed += 1;
  } finally {
    if (server) {
      server.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
    }
    await cleanup().catch((e) => console.error(`[test] cleanup: ${e.message}`));
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** A hash of the contents of the given files and folders (recursively). */
function hashSources(roots) {
  const hash = crypto.createHash("sha256");
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    else hash.update(p).update("\0").update(fs.readFileSync(p));
  };
  for (const root of roots) walk(root);
  return hash.digest("hex");
}
