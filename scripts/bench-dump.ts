/**
 * `npm run bench`'s bulk-download figures: the JSON Lines dump's pilots/s and the server's memory.
 */
import fs from "node:fs";
import { openDb } from "../db/connect";

/** The JSON Lines dump's target: pilots per second, streamed with flat memory. */
export const DUMP_TARGET = 2000;

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
export async function measureDump(base: string, serverPid: number, url: string) {
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
