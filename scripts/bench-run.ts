/**
 * The parts of `npm run bench` (scripts/bench.ts) that a single run and the `--scale` run share: a
 * database seeded with the bulk data set at a size, the built server started on it, and each
 * scenario measured beside its floor (its loader's own queries, without HTTP or rendering).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { openDb, type Db } from "../db/connect";
import { createThrowawayDatabase } from "./throwaway-database.mjs";
import { seedReference } from "../db/seed/reference";
import { seedFacts } from "../db/seed/facts";
import { seedDemo } from "../db/seed/demo";
import { seedBulk } from "../db/seed-bulk";
import type { BenchScenario } from "./bench/types";

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function time<T>(fn: () => Promise<T>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The bulk data set at `pilots` pilots, with artists, services and checks in the usual proportions. */
export const bulkSize = (pilots: number) => ({
  pilots,
  artists: pilots / 5,
  services: (pilots / 5) * 4,
  checks: pilots * 4,
});

/** A new database on the server of `server` with the reference, real, demo and bulk data; `drop()` removes it. */
export async function createBenchDb(server: string, pilots: number) {
  const { name, url, drop, release } = await createThrowawayDatabase(server, "rajaton_bench");
  try {
    const handle = await openDb({ url });
    await handle.migrate();
    await seedReference(handle.db);
    await seedFacts(handle.db);
    await seedDemo(handle.db);
    const seededMs = await time(() => seedBulk(handle.db, bulkSize(pilots)));
    await handle.close();
    return { name, url, seededMs, drop, end: release };
  } catch (e) {
    await drop();
    throw e;
  }
}

/** The built server on `url`, as deployed (one worker per core); resolves when healthy. */
export async function startServer(url: string, extra: Record<string, string>, children: ChildProcess[]) {
  const port = await freePort();
  const proc = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: "production",
      INSECURE_COOKIES: "1",
      REQUEST_LOG: "off",
      // The API's per-address limit would refuse the benchmark's own requests (docs/decisions/100).
      API_RATE_LIMIT: "0",
      // No job runner: on a freshly seeded database it would send the follow-up requests of every
      // ended bulk pilot (17,000 jobs at 100,000 pilots) in the measured worker while it is measured
      // (docs/decisions/157).
      JOBS: "off",
      DATA_CACHE: "on",
      ...extra,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(proc);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${base}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return base;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server on port ${port} did not become healthy`);
}

export async function stopServers(children: ChildProcess[]) {
  for (const c of children.splice(0)) {
    if (c.exitCode !== null) continue;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  }
}

/** Every scenario in scripts/bench/*.ts whose name contains `only`, and the modules' `prepare` hooks. */
export async function loadScenarios(only: string | null) {
  const scenarios: BenchScenario[] = [];
  const prepares: ((db: Db) => Promise<void>)[] = [];
  for (const f of fs
    .readdirSync("scripts/bench")
    .filter((f) => f.endsWith(".ts") && f !== "types.ts")
    .sort()) {
    const mod = await import(path.resolve("scripts/bench", f));
    scenarios.push(...(mod.scenarios as BenchScenario[]).filter((s) => !only || s.name.includes(only)));
    if (mod.prepare) prepares.push(mod.prepare);
  }
  return { scenarios, prepare: (db: Db) => Promise.all(prepares.map((p) => p(db))) };
}

const accounts = {
  admin: "admin@rajaton.example",
  council: "council@rajaton.example",
  staff: "staff.kauhava@rajaton.example",
  artist: "artist@rajaton.example",
};

async function signIn(base: string, email: string) {
  const body = new URLSearchParams({ email, password: "Rajaton-demo-2026" });
  const res = await fetch(`${base}/fi/login`, { method: "POST", body, redirect: "manual", headers: { Origin: base } });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`could not sign in as ${email} (${res.status})`);
  return cookie;
}

/**
 * The floor's untimed runs. Its handle, as the app's, has a pool of 10 connections (db/connect.ts)
 * that takes sequential statements in turn once a concurrent one has opened them all, and PostgreSQL
 * plans a prepared statement afresh for its first five executions on each connection: 60 runs bring
 * each connection past them, as a running server's are (docs/decisions/171).
 */
const FLOOR_WARMUP = 60;

export type Measured = { median: number; rps: number | null; floor: number; n: number };

/**
 * One scenario: `warmup` untimed requests, 10 at a time (every worker compiles the page's code),
 * `requests` one at a time, then (with `concurrent`) twice as many over 10 connections; the floor is
 * the scenario's queries on `floorDb`, at least FLOOR_WARMUP untimed runs and then min(requests, 100)
 * timed ones. With `budgetMs` the untimed requests and runs, the timed requests and the floor's each
 * stop once they have taken that long (the timed ones after 5 at least), so that a page that takes
 * seconds at 100,000 pilots does not hold the run up.
 */
export async function measure(
  s: BenchScenario,
  base: string,
  floorDb: Db,
  opts: { requests: number; concurrent: boolean; warmup?: number; budgetMs?: number },
): Promise<Measured> {
  const warmup = opts.warmup ?? 100;
  const budget = opts.budgetMs ?? Number.POSITIVE_INFINITY;
  const enough = (times: number[]) => times.length >= 5 && times.reduce((a, b) => a + b, 0) > budget;
  const headers: Record<string, string> = s.as ? { Cookie: await signIn(base, accounts[s.as]) } : {};
  let n = 0;
  const get = async () => {
    const url = typeof s.path === "function" ? s.path(n++) : s.path;
    const res = await fetch(base + url, { headers });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    await res.arrayBuffer();
  };
  const warmUntil = performance.now() + budget;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let i = 0; i < warmup / 10 && (i === 0 || performance.now() < warmUntil); i++) await get();
    }),
  );
  const single: number[] = [];
  for (let i = 0; i < opts.requests && !enough(single); i++) single.push(await time(get));
  let rps: number | null = null;
  if (opts.concurrent) {
    let done = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (done < opts.requests * 2) {
          done++;
          await get();
        }
      }),
    );
    rps = (done / (performance.now() - started)) * 1000;
  }
  const floorWarmUntil = performance.now() + budget;
  for (let i = 0; i < Math.max(warmup / 10, FLOOR_WARMUP) && (i === 0 || performance.now() < floorWarmUntil); i++)
    await s.sql(floorDb);
  const floor: number[] = [];
  for (let i = 0; i < Math.min(opts.requests, 100) && !enough(floor); i++) floor.push(await time(() => s.sql(floorDb)));
  return { median: median(single), rps, floor: median(floor), n: single.length };
}

/**
 * A figure in ms; within 0.1 ms of its target with two decimals, so that 19.96 ms ("ok") and
 * 20.04 ms ("MISSED") do not both read "20.0 ms". Targets are always compared unrounded.
 */
export const ms = (x: number, target?: number) =>
  `${target !== undefined && Math.abs(x - target) < 0.1 ? x.toFixed(2) : x.toFixed(1)} ms`;

export function printTable(rows: string[][]) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  "));
}
