import { eq, or } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { artists, pilots } from "~db/schema";

let cached: { at: number; value: boolean } | null = null;

/** Whether any example data exists (the app shows a notice while it does). Cached for 10 s. */
export async function demoDataPresent() {
  if (cached && Date.now() - cached.at < 10_000) return cached.value;
  const db = await getDb();
  const [p] = await db.select({ id: pilots.id }).from(pilots).where(eq(pilots.isExample, true)).limit(1);
  const value =
    Boolean(p) ||
    (
      await db
        .select({ id: artists.id })
        .from(artists)
        .where(or(eq(artists.isExample, true)))
        .limit(1)
    ).length > 0;
  cached = { at: Date.now(), value };
  return value;
}
