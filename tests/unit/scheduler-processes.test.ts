/**
 * Two server processes running the follow-up scheduler at the same moment on one PostgreSQL
 * database create each request once and send each email once: the unique indexes and the job
 * queue's locked claims decide, not anything shared in memory. PostgreSQL only (PGlite is one
 * process's database).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { queryRows } from "~db/connect";
import { pilotMunicipalities, pilots } from "~db/schema";

const url = process.env.DATABASE_URL;
let t: TestDb;
const word = `Prosessit ${Date.now().toString(36)}`;

/** Runs tests/helpers/scheduler-process.ts in a process of its own; resolves with its exit code and output. */
function processAt(databaseUrl: string, at: Date) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(
      path.resolve("node_modules/.bin/tsx"),
      ["tests/helpers/scheduler-process.ts", databaseUrl, at.toISOString()],
      { env: { ...process.env, NODE_ENV: "test" } },
    );
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("close", (code) => resolve({ code, out }));
  });
}

describe.skipIf(!url)("two server processes running the scheduler at once (PostgreSQL)", () => {
  beforeAll(async () => {
    t = await createTestDb({ seed: "reference" });
    for (const [i, [code, contact]] of [
      ["233", "yhteys.1@kunta.example"],
      ["287", "kontakt.2@stad.example"],
      ["010", "yhteys.3@kunta.example"],
    ].entries()) {
      const [p] = await t.db
        .insert(pilots)
        .values({
          title: { fi: `${word} ${i}`, sv: `${word} ${i}` },
          state: "published",
          startDate: "2030-01-01",
          endDate: "2031-01-31",
          contactEmail: contact,
        })
        .returning({ id: pilots.id });
      await t.db.insert(pilotMunicipalities).values({ pilotId: p.id, municipalityCode: code, isLead: true });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it("create each request and send each email exactly once", async () => {
    const databaseUrl = url!.replace(/\/[^/]*$/, `/${t.name}`);
    const at = new Date("2031-02-02T08:00:00Z");
    const runs = await Promise.all([processAt(databaseUrl, at), processAt(databaseUrl, at)]);
    for (const run of runs) expect(run.code, run.out).toBe(0);
    const requests = await queryRows<{ pilot: string; n: number }>(
      t.db,
      sql`select p.title->>'fi' as pilot, count(r.id)::int as n from pilots p
          left join follow_up_requests r on r.pilot_id = p.id where p.title->>'fi' like ${`${word}%`}
          group by 1 order by 1`,
    );
    expect(requests.map((r) => r.n)).toEqual([1, 1, 1]);
    const mails = await queryRows<{ to: string; n: number }>(
      t.db,
      sql`select to_address as "to", count(*)::int as n from email_outbox where subject like ${`%${word}%`}
          group by 1 order by 1`,
    );
    expect(mails.map((m) => m.to)).toEqual([
      "kontakt.2@stad.example",
      "yhteys.1@kunta.example",
      "yhteys.3@kunta.example",
    ]);
    for (const m of mails) expect(m.n, m.to).toBe(1);
  });
});
