/**
 * `npm run bench -- --scale`: the scenarios at 1,000, 10,000 and 100,000 pilots (artists, services
 * and checks in the bulk seed's proportions, scripts/bench-run.ts), one size after another, each on a
 * database of its own that is dropped after. One table: each scenario's median at each size, the
 * ratio between steps (a 10× step that costs more than 10× is flagged) and each size's ratio to the
 * floor. Fewer requests per scenario than a single run (--requests, default 30), no concurrent phase.
 */
import os from "node:os";
import type { ChildProcess } from "node:child_process";
import { openDb } from "../db/connect";
import {
  createBenchDb,
  loadScenarios,
  measure,
  ms,
  printTable,
  startServer,
  stopServers,
  type Measured,
} from "./bench-run";

export const SCALE_SIZES = [1000, 10000, 100000];

export async function runScale(opts: { server: string; only: string | null; requests: number }) {
  const started = performance.now();
  const { scenarios, prepare } = await loadScenarios(opts.only);
  const results = new Map<string, Measured[]>();
  const notes: string[] = [];
  const children: ChildProcess[] = [];
  for (const pilots of SCALE_SIZES) {
    console.log(`[bench] ${pilots} pilots: loading data…`);
    const db = await createBenchDb(opts.server, pilots);
    try {
      notes.push(`${pilots} pilots: bulk data loaded in ${(db.seededMs / 1000).toFixed(1)} s`);
      const servers = {
        on: await startServer(db.url, {}, children),
        off: await startServer(db.url, { DATA_CACHE: "off" }, children),
      };
      const floor = await openDb({ url: db.url });
      await prepare(floor.db);
      for (const s of scenarios) {
        // A failed scenario (a server error under load) is reported, and the run goes on.
        const m = await measure(s, servers[s.cache ?? "on"], floor.db, {
          requests: opts.requests,
          concurrent: false,
          warmup: 100,
          budgetMs: 15_000,
        }).catch((e: Error) => {
          notes.push(`${pilots} pilots, ${s.name}: failed (${e.message})`);
          return { median: Number.NaN, rps: null, floor: Number.NaN, n: 0 };
        });
        results.set(s.name, [...(results.get(s.name) ?? []), m]);
        console.log(`[bench]   ${s.name}: ${ms(m.median)} (floor ${ms(m.floor)}; ${m.n} requests)`);
      }
      await floor.close();
    } finally {
      await stopServers(children);
      await db.drop();
    }
  }
  const step = (a: Measured | undefined, b: Measured | undefined) => {
    if (!a || !b) return "";
    const r = b.median / a.median;
    return `${r.toFixed(1)}×${r > 10 ? " OVER 10×" : ""}`;
  };
  const size = (n: number) => `${n / 1000}k`;
  const rows: string[][] = [
    [
      "scenario",
      ...SCALE_SIZES.map(size),
      `${size(SCALE_SIZES[0])}→${size(SCALE_SIZES[1])}`,
      `${size(SCALE_SIZES[1])}→${size(SCALE_SIZES[2])}`,
      "floor at each size",
      "page ÷ floor",
      "target",
    ],
  ];
  for (const s of scenarios) {
    const m = results.get(s.name) ?? [];
    const target = s.targets.medianMs;
    const verdict = (x: Measured | undefined, t: number | undefined, at: string) =>
      x && t ? `${at} < ${t} ms ${x.median < t ? "ok" : "MISSED"}` : "";
    rows.push([
      s.name,
      ...SCALE_SIZES.map((_, i) => (m[i] ? ms(m[i].median, i === 2 ? s.targets.at100kMs : target) : "")),
      step(m[0], m[1]),
      step(m[1], m[2]),
      m.map((x) => ms(x.floor)).join(" / "),
      m.map((x) => `${(x.median / x.floor).toFixed(1)}×`).join(" / "),
      [verdict(m[1], target, "10k"), verdict(m[2], s.targets.at100kMs, "100k")].filter(Boolean).join("; "),
    ]);
  }
  console.log("");
  printTable(rows);
  console.log("");
  for (const n of notes) console.log(n);
  const [l1, l5, l15] = os.loadavg();
  console.log(
    `\n(--scale: up to ${opts.requests} sequential requests per scenario at each size after up to 100 untimed (15 s at most), fewer once they took 15 s; PostgreSQL; ` +
      `${os.availableParallelism()} CPU cores; load average ${l1.toFixed(1)} ${l5.toFixed(1)} ${l15.toFixed(1)}; ` +
      `the whole run took ${((performance.now() - started) / 60000).toFixed(1)} min)`,
  );
}
