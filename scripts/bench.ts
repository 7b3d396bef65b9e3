/**
 * `npm run bench`: the speed targets (in each scenario's `targets`), measured on PostgreSQL.
 *   1. creates a database on the PostgreSQL server (DATABASE_URL's server, default
 *      postgres://postgres@127.0.0.1:5432), loads the reference data, the real facts, the demo
 *      accounts and the bulk data set (10,000 pilots, 2,000 artists, 8,000 services, 40,000 checks);
 *   2. builds nothing: run `npm run build` first (the script says so if build/ is missing);
 *   3. starts the built app on it (twice: as deployed, and with DATA_CACHE=off for the scenarios that
 *      measure computing every page) and, for each scenario in scripts/bench/*.ts, prints the median
 *      latency with one connection, requests/s with 10 concurrent connections, and the median time
 *      of the same raw SQL through postgres.js — the floor a page that runs its queries cannot beat
 *      (a page served from the data cache can);
 *      Each scenario first gets 100 untimed requests, so every worker process has compiled its code.
 *   4. before the servers start, times the follow-up scheduler's pass (scripts/bench-scheduler.ts):
 *      creating every due pilot's request, and a pass with nothing new, each beside its SQL floor;
 *   5. prints each page's first-load JavaScript beside a bare Remix page's (scripts/page-weight.mjs);
 *   6. drops the database. Options: --keep (keep the database), --requests N (default 200), --only TEXT
 *      (only the scenarios whose name contains TEXT).
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDb } from "../db/connect";
import { seedReference } from "../db/seed/reference";
import { seedFacts } from "../db/seed/facts";
import { seedDemo } from "../db/seed/demo";
import { seedBulk } from "../db/seed-bulk";
import type { BenchScenario } from "./bench/types";
import { benchScheduler } from "./bench-scheduler";

const requests = Number(process.argv[process.argv.indexOf("--requests") + 1]) || 200;
const keep = process.argv.includes("--keep");
/** --only TEXT: only the scenarios whose name contains TEXT (the JSON Lines dump is always measured). */
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

if (!fs.existsSync("build/server/index.js")) {
  console.error("Run `npm run build` first: the benchmark measures the production build.");
  process.exit(1);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function signIn(base: string, email: string) {
  const body = new URLSearchParams({ email, password: "Rajaton-demo-2026" });
  const res = await fetch(`${base}/fi/login`, { method: "POST", body, redirect: "manual", headers: { Origin: base } });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`could not sign in as ${email} (${res.status})`);
  return cookie;
}

async function time<T>(fn: () => Promise<T>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** The JSON Lines dump's target: pilots per second, streamed with flat memory. */
const DUMP_TARGET = 2000;

/** Resident memory of a process and its children (the cluster's workers), in MB: the largest one. */
function rssMb(pid: number): number {
  const pids = [pid];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) pids.push(Number(entry));
    } catch {}
  }
  let max = 0;
  for (const p of pids) {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      max = Math.max(max, kb / 1024);
    } catch {}
  }
  return max;
}

/**
 * The whole /api/v1/pilots.jsonl once (after one untimed run), counting lines as they arrive, while
 * sampling the server processes' resident memory; the floor reads the same batches with the same
 * query function straight from the database.
 */
async function measureDump(base: string, serverPid: number, url: string) {
  const read = async () => {
    const res = await fetch(`${base}/api/v1/pilots.jsonl`);
    if (!res.ok || !res.body) throw new Error(`pilots.jsonl answered ${res.status}`);
    let lines = 0;
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    return { lines, bytes };
  };
  await read();
  const beforeMb = rssMb(serverPid);
  let peakMb = beforeMb;
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, rssMb(serverPid));
  }, 25);
  const started = performance.now();
  const { lines, bytes } = await read();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakMb = Math.max(peakMb, rssMb(serverPid));

  const { pilotsDetailByKey } = await import("../db/queries/open-data.server");
  const { sql: raw } = await import("drizzle-orm");
  const handle = await openDb({ url });
  const floorStarted = performance.now();
  let after = 0;
  let count = 0;
  for (;;) {
    const batch = await pilotsDetailByKey(handle.db, { visibility: raw`p.state = 'published'`, after, limit: 250 });
    count += batch.length;
    if (batch.length < 250) break;
    after = batch[batch.length - 1].id;
  }
  const floorMs = performance.now() - floorStarted;
  await handle.close();
  if (count !== lines) throw new Error(`the dump sent ${lines} pilots, the database has ${count}`);
  return { pilots: lines, bytes, ms, rate: (lines / ms) * 1000, floorRate: (count / floorMs) * 1000, beforeMb, peakMb };
}

const name = `rajaton_bench_${crypto.randomBytes(3).toString("hex")}`;
const adminUrl = new URL(server);
adminUrl.pathname = "/postgres";
const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const dbUrl = new URL(server);
dbUrl.pathname = `/${name}`;
const children: ReturnType<typeof spawn>[] = [];
try {
  console.log(`[bench] database ${name}: loading data…`);
  const handle = await openDb({ url: dbUrl.toString() });
  await handle.migrate();
  await seedReference(handle.db);
  await seedFacts(handle.db);
  await seedDemo(handle.db);
  const seeded = await time(() => seedBulk(handle.db, { pilots: 10000, artists: 2000, services: 8000, checks: 40000 }));
  await handle.close();
  console.log(`[bench] bulk data loaded in ${(seeded / 1000).toFixed(1)} s`);

  // The follow-up scheduler, before any server (whose job runner would run the pass) starts.
  console.log("[bench] follow-up scheduler…");
  const scheduler = await benchScheduler(dbUrl.toString());

  // The app as deployed, and a second copy with the data cache off for the scenarios that measure
  // what computing a page costs (docs/decisions/045).
  const start = async (extra: Record<string, string>) => {
    const port = await freePort();
    const proc = spawn(process.execPath, ["scripts/server.mjs"], {
      env: {
        ...process.env,
        DATABASE_URL: dbUrl.toString(),
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        NODE_ENV: "production",
        INSECURE_COOKIES: "1",
        REQUEST_LOG: "off",
        // The API's per-address limit would refuse the benchmark's own requests (docs/decisions/100).
        API_RATE_LIMIT: "0",
        ...extra,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(proc);
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 120; i++) {
      if (
        await fetch(`${base}/healthz`)
          .then((r) => r.ok)
          .catch(() => false)
      )
        break;
      await new Promise((r) => setTimeout(r, 250));
    }
    return base;
  };
  const servers = { on: await start({}), off: await start({ DATA_CACHE: "off" }) };

  const scenarios: BenchScenario[] = [];
  for (const f of fs
    .readdirSync("scripts/bench")
    .filter((f) => f.endsWith(".ts") && f !== "types.ts")
    .sort()) {
    const mod = await import(path.resolve("scripts/bench", f));
    scenarios.push(...(mod.scenarios as BenchScenario[]).filter((s) => !only || s.name.includes(only)));
  }
  const accounts = {
    admin: "admin@rajaton.example",
    council: "council@rajaton.example",
    staff: "staff.kauhava@rajaton.example",
    artist: "artist@rajaton.example",
  };
  // The floor runs with the app's own connection settings (db/connect.ts: JIT off, a pool of 10).
  const sqlClient = postgres(dbUrl.toString(), {
    max: 10,
    onnotice: () => {},
    connection: { application_name: "rajaton-bench", jit: "off" },
  });

  const rows: string[][] = [
    ["scenario", "median 1 conn", "target", "req/s @10", "target", "raw SQL median", "page ÷ SQL"],
  ];
  for (const x of scheduler) {
    rows.push([
      x.name,
      `${x.ms.toFixed(1)} ms`,
      `< ${x.target} ms ${x.ms < x.target ? "ok" : "MISSED"}`,
      "",
      "",
      `${x.floor.toFixed(1)} ms`,
      `${(x.ms / x.floor).toFixed(1)}×`,
    ]);
  }
  for (const s of scenarios) {
    const base = servers[s.cache ?? "on"];
    const headers: Record<string, string> = s.as ? { Cookie: await signIn(base, accounts[s.as]) } : {};
    let n = 0;
    const get = async () => {
      const url = typeof s.path === "function" ? s.path(n++) : s.path;
      const res = await fetch(base + url, { headers });
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      await res.arrayBuffer();
    };
    // Warm up every worker process (the JIT compiles the page's code on first use): 100 requests,
    // 10 at a time, before anything is timed.
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let i = 0; i < 10; i++) await get();
      }),
    );
    const single: number[] = [];
    for (let i = 0; i < requests; i++) single.push(await time(get));
    let done = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (done < requests * 2) {
          done++;
          await get();
        }
      }),
    );
    const rps = (done / (performance.now() - started)) * 1000;
    for (let i = 0; i < 10; i++) await s.sql(sqlClient);
    const sqlTimes: number[] = [];
    for (let i = 0; i < Math.min(requests, 100); i++) sqlTimes.push(await time(() => s.sql(sqlClient)));
    const m = median(single);
    const sqlM = median(sqlTimes);
    // Targets are compared unrounded; a figure within 0.1 ms of its target is printed with two
    // decimals, so that 19.96 ms ("ok") and 20.04 ms ("MISSED") do not both read "20.0 ms".
    const ms = (x: number, target?: number) =>
      `${target !== undefined && Math.abs(x - target) < 0.1 ? x.toFixed(2) : x.toFixed(1)} ms`;
    rows.push([
      s.name,
      ms(m, s.targets.medianMs),
      s.targets.medianMs ? `< ${s.targets.medianMs} ms ${m < s.targets.medianMs ? "ok" : "MISSED"}` : "",
      rps.toFixed(0),
      s.targets.rps10 ? `≥ ${s.targets.rps10} ${rps >= s.targets.rps10 ? "ok" : "MISSED"}` : "",
      ms(sqlM),
      `${(m / sqlM).toFixed(1)}×${s.targets.maxOverSql ? (m / sqlM <= s.targets.maxOverSql ? " ok" : " MISSED") : ""}`,
    ]);
  }
  // Bulk downloads: the whole file three times, one at a time; throughput from the median, with the
  // pilots counted in the database.
  const [{ published }] = await sqlClient<
    { published: number }[]
  >`select count(*)::int as published from pilots where state = 'published'`;
  const dumps = [{ name: "GET /api/v1/pilots.csv (whole file)", path: "/api/v1/pilots.csv", pilotsPerS: 2000 }];
  const dumpRows: string[] = [];
  for (const d of dumps) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++)
      times.push(
        await time(async () => {
          const res = await fetch(servers.on + d.path);
          if (!res.ok) throw new Error(`${d.path} answered ${res.status}`);
          bytes = (await res.arrayBuffer()).byteLength;
        }),
      );
    const m = median(times);
    const rate = (published / m) * 1000;
    dumpRows.push(
      `${d.name}: ${published} pilots, ${(bytes / 1e6).toFixed(1)} MB in ${m.toFixed(0)} ms = ${rate.toFixed(0)} pilots/s ` +
        `(target ≥ ${d.pilotsPerS} ${rate >= d.pilotsPerS ? "ok" : "MISSED"})`,
    );
  }
  await sqlClient.end();
  const dump = await measureDump(servers.on, children[0].pid!, dbUrl.toString());
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log("");
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  "));
  console.log("");
  for (const line of dumpRows) console.log(line);
  console.log(
    `\n(${requests} sequential requests per scenario, ${requests * 2} at 10 concurrent connections; PostgreSQL; ` +
      `${os.availableParallelism()} CPU cores, as many server worker processes)`,
  );
  console.log(
    `\nAPI pilots.jsonl dump: ${dump.pilots} pilots in ${(dump.ms / 1000).toFixed(2)} s = ${dump.rate.toFixed(0)} pilots/s ` +
      `(target ≥ ${DUMP_TARGET} ${dump.rate >= DUMP_TARGET ? "ok" : "MISSED"}); the same batches read without HTTP: ` +
      `${dump.floorRate.toFixed(0)} pilots/s (floor); server peak RSS during the dump ${dump.peakMb.toFixed(0)} MB ` +
      `(before it ${dump.beforeMb.toFixed(0)} MB, ${(dump.bytes / 1e6).toFixed(1)} MB sent)`,
  );
  // Each page's first-load JavaScript beside the bare Remix floor, from the build's manifest.
  console.log("");
  spawnSync(process.execPath, ["scripts/page-weight.mjs"], { stdio: "inherit" });
} finally {
  for (const c of children) c.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  if (!keep) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  else console.log(`[bench] kept database ${name}`);
  await admin.end();
}
