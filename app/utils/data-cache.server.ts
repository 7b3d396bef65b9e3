/**
 * The dashboard's figures change only when the data does. Each built model is kept in memory under
 * its key (language, public or internal, filters, reporting date) together with the data generation
 * it was computed at; a request first reads the generation (one primary-key lookup) and reuses the
 * model while the generation is unchanged. Concurrent requests for the same key share one
 * computation. See docs/decisions/043-dashboard-cache.md.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~db/connect";

const MAX_ENTRIES = 200;
type Entry<T> = { generation: string; value: Promise<T> };
const entries = new Map<string, Entry<unknown>>();

export async function dataGeneration(db: Db): Promise<string> {
  const [row] = await queryRows<{ n: string }>(db, sql`select n::text as n from data_generation where id = 1`);
  return row?.n ?? "0";
}

export async function cached<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  if (process.env.DASHBOARD_CACHE === "off") return compute();
  const generation = await dataGeneration(db);
  const hit = entries.get(key) as Entry<T> | undefined;
  if (hit && hit.generation === generation) {
    // Most recently used last, so the oldest entry is the first to go.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value;
  }
  const value = compute();
  entries.set(key, { generation, value });
  value.catch(() => entries.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
