/**
 * The plans of the hot lookups (docs/decisions/120): what they read off an index must not be sorted again.
 * Sequential scans are switched off so that the plan shows how the index is used even on a small table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { queryRows } from "../connect";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function plan(query: ReturnType<typeof sql>) {
  return t.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = await queryRows<Record<string, string>>(tx as never, sql`explain ${query}`);
    return rows.map((r) => Object.values(r)[0]).join("\n");
  });
}

describe("the latest check of a pilot", () => {
  it("is read off the checks index in its order, without a sort", async () => {
    const text = await plan(
      sql`select c.status_code from continuation_checks c where c.pilot_id = 1 and c.checked_on <= '2024-01-01'
        order by c.checked_on desc, c.id desc limit 1`,
    );
    expect(text).toContain("continuation_checks_pilot_date");
    expect(text).not.toMatch(/\bSort\b/);
  });
});
