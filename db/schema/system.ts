import { bigint, check, integer, pgTable } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/**
 * Row 1: a number raised once by every committed transaction that changes data the dashboard
 * reads (triggers in db/migrations/0001_data_generation.sql). Cached dashboard figures are valid
 * while it stays the same (docs/decisions/043-dashboard-cache.md). Row 2: the same for the
 * follow-up requests alone, which only the dashboard's response figures read (docs/decisions/158).
 */
export const dataGeneration = pgTable(
  "data_generation",
  {
    id: integer().primaryKey().default(1),
    n: bigint({ mode: "number" }).notNull().default(0),
    xid: bigint({ mode: "number" }),
  },
  (t) => [check("data_generation_rows", sql`${t.id} in (1, 2)`)],
);
