import { sql } from "drizzle-orm";
import type { Db } from "../connect";

/** Throws when the database does not answer. */
export async function pingDatabase(db: Db) {
  await db.execute(sql`select 1`);
}
