/**
 * `npm run bench`'s start-up figures (docs/decisions/121, 150): the built server started as
 * `npm start` starts it (scripts/start.mjs: PREPARE_DATABASE=1, production) on the embedded PGlite
 * in a new, empty data directory, timed from the spawn to the first healthy /healthz: a first start
 * (migrations and the seed data) and a second start on the same directory. The build is not timed.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./bench-run";

/** The targets, in seconds. */
export const STARTUP_TARGETS = { first: 8, second: 3 };

async function startOnce(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const proc = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: "production",
      PREPARE_DATABASE: "1",
      REQUEST_LOG: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode} before it was healthy`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return (performance.now() - started) / 1000;
      if (performance.now() - started > 120_000) throw new Error("the server was not healthy after 120 s");
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    const exited = new Promise((r) => proc.once("exit", r));
    proc.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
}

/** A first and a second start on a new data directory, in seconds; the directory is removed after. */
export async function measureStartup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rajaton-bench-start-"));
  try {
    const first = await startOnce(dataDir);
    const second = await startOnce(dataDir);
    return { first, second };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function startupLines(s: { first: number; second: number }) {
  const line = (what: string, x: number, target: number) =>
    `${what}: healthy after ${x.toFixed(2)} s (target < ${target} s ${x < target ? "ok" : "MISSED"})`;
  return [
    line(
      "Start-up on PGlite, first start (empty data directory: migrations and seed data)",
      s.first,
      STARTUP_TARGETS.first,
    ),
    line("Start-up on PGlite, second start (the same data directory)", s.second, STARTUP_TARGETS.second),
  ];
}
