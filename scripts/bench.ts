/**
 * `npm run bench`: the speed targets (in each scenario's `targets`), measured on PostgreSQL.
 *   1. creates a database on the PostgreSQL server (DATABASE_URL's server, default
 *      postgres://postgres@127.0.0.1:5432), loads the reference data, the real facts, the demo
 *      accounts and the bulk data set (10,000 pilots, 2,000 artists, 8,000 services, 40,000 checks);
 *   2. builds nothing: run `npm run build` first (the script says so if build/ is missing);
 *   3. starts the built app on it (twice: as deployed, and with DATA_CACHE=off for the scenarios that
 *      measure computing every page) and, for each scenario in scripts/bench/*.ts, prints the median
 *      latency with one connection, requests/s with 10 concurrent connections, and the median time
 *      of the loader's own queries on a handle opened like the app's (the floor a page that runs its
 *      queries cannot beat; a page served from the data cache can), with the page's ratio to it.
 *      Each scenario first gets 100 untimed requests, so every worker process has compiled its code.
 *   4. before the servers start, times the follow-up scheduler's pass (scripts/bench-scheduler.ts):
 *      creating every due pilot's request, and a pass with nothing new, each beside its SQL floor;
 *   5. prints the start-up figures on PGlite (scripts/bench-startup.ts) and each page's first-load
 *      JavaScript beside a bare Remix page's (scripts/page-weight.mjs);
 *   6. drops the database. Options: --keep (keep the database), --requests N (default 200), --only TEXT
 *      (only the scenarios whose name contains TEXT), --no-startup.
 * `npm run bench -- --scale` measures the scenarios at 1,000, 10,000 and 100,000 pilots instead
 * (scripts/bench-scale.ts; --requests defaults to 30 there).
 */
import os from "node:os";
import { spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { openDb } from "../db/connect";
import { benchScheduler } from "./bench-scheduler";
import { DUMP_TARGET, measureDump } from "./bench-dump";
import {
  createBenchDb,
  loadScenarios,
  measure,
  median,
  ms,
  printTable,
  startServer,
  stopServers,
  time,
} from "./bench-run";
import { runScale } from "./bench-scale";
import { measureStartup, startupLines } from "./bench-startup";

const scale = process.argv.includes("--scale");
const requests = Number(process.argv[process.argv.indexOf("--requests") + 1]) || (scale ? 30 : 200);
const keep = process.argv.includes("--keep");
/** --only TEXT: only the scenarios whose name contains TEXT (the JSON Lines dump is always measured). */
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
// The floors compute everything: the data cache is off in this process (the servers say their own).
process.env.DATA_CACHE = "off";

if (!fs.existsSync("build/server/index.js")) {
  console.error("Run `npm run build` first: the benchmark measures the production build.");
  process.exit(1);
}

const loadLine = () =>
  `load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`;

if (scale) {
  await runScale({ server, only, requests });
  if (!process.argv.includes("--no-startup")) {
    console.log("");
    for (const line of startupLines(await measureStartup())) console.log(line);
    console.log(`(${loadLine()})`);
  }
  process.exit(0);
}

console.log("[bench] loading data…");
const db = await createBenchDb(server, 10000);
const children: ChildProcess[] = [];
try {
  console.log(`[bench] database ${db.name}: bulk data loaded in ${(db.seededMs / 1000).toFixed(1)} s`);

  // The follow-up scheduler, before any server (whose job runner would run the pass) starts.
  console.log("[bench] follow-up scheduler…");
  const scheduler = await benchScheduler(db.url);

  // The app as deployed, and a second copy with the data cache off for the scenarios that measure
  // what computing a page costs (docs/decisions/045).
  const servers = {
    on: await startServer(db.url, {}, children),
    off: await startServer(db.url, { DATA_CACHE: "off" }, children),
  };
  const { scenarios, prepare } = await loadScenarios(only);
  // The floor runs on a handle opened as the app opens its own (db/connect.ts: JIT off, a pool of 10,
  // the same prepared statements).
  const floor = await openDb({ url: db.url });
  await prepare(floor.db);

  const rows: string[][] = [
    ["scenario", "median 1 conn", "target", "req/s @10", "target", "floor median", "page ÷ floor"],
  ];
  for (const x of scheduler) {
    rows.push([
      x.name,
      ms(x.ms, x.target),
      `< ${x.target} ms ${x.ms < x.target ? "ok" : "MISSED"}`,
      "",
      "",
      ms(x.floor),
      `${(x.ms / x.floor).toFixed(1)}×`,
    ]);
  }
  for (const s of scenarios) {
    const m = await measure(s, servers[s.cache ?? "on"], floor.db, { requests, concurrent: true });
    const rps = m.rps ?? 0;
    const over = m.median / m.floor;
    rows.push([
      s.name,
      ms(m.median, s.targets.medianMs),
      s.targets.medianMs ? `< ${s.targets.medianMs} ms ${m.median < s.targets.medianMs ? "ok" : "MISSED"}` : "",
      rps.toFixed(0),
      s.targets.rps10 ? `≥ ${s.targets.rps10} ${rps >= s.targets.rps10 ? "ok" : "MISSED"}` : "",
      ms(m.floor),
      `${over.toFixed(2)}×${s.targets.maxOverSql ? (over <= s.targets.maxOverSql ? " ok" : " MISSED") : ""}`,
    ]);
  }
  // Bulk downloads: the whole file three times, one at a time; throughput from the median, with the
  // pilots counted in the database.
  const [{ published }] = (await floor.db.execute(
    sql`select count(*)::int as published from pilots where state = 'published'`,
  )) as unknown as { published: number }[];
  await floor.close();
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
  const dump = await measureDump(servers.on, children[0].pid!, db.url);
  const load = loadLine();
  await stopServers(children);
  const startup = process.argv.includes("--no-startup") ? null : await measureStartup();
  console.log("");
  printTable(rows);
  console.log("");
  for (const line of dumpRows) console.log(line);
  console.log(
    `\n(${requests} sequential requests per scenario, ${requests * 2} at 10 concurrent connections; PostgreSQL; ` +
      `${os.availableParallelism()} CPU cores, as many server worker processes; ${load})`,
  );
  console.log(
    `\nAPI pilots.jsonl dump: ${dump.pilots} pilots in ${(dump.ms / 1000).toFixed(2)} s = ${dump.rate.toFixed(0)} pilots/s ` +
      `(target ≥ ${DUMP_TARGET} ${dump.rate >= DUMP_TARGET ? "ok" : "MISSED"}); the same batches read without HTTP: ` +
      `${dump.floorRate.toFixed(0)} pilots/s (floor); server peak RSS during the dump ${dump.peakMb.toFixed(0)} MB ` +
      `(before it ${dump.beforeMb.toFixed(0)} MB, ${(dump.bytes / 1e6).toFixed(1)} MB sent)`,
  );
  if (startup) {
    console.log("");
    for (const line of startupLines(startup)) console.log(line);
  }
  // Each page's first-load JavaScript beside the bare Remix floor, from the build's manifest.
  console.log("");
  spawnSync(process.execPath, ["scripts/page-weight.mjs"], { stdio: "inherit" });
} finally {
  await stopServers(children);
  if (!keep) await db.drop();
  else {
    console.log(`[bench] kept database ${db.name}`);
    await db.end();
  }
}
