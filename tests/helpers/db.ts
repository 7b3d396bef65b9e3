/**
 * A fresh database for an integration test file: a uniquely named database on the PostgreSQL
 * server of DATABASE_URL (dropped afterwards), or an in-memory PGlite when it is not set.
 * Open one per test file (PGlite takes a few seconds to start).
 */
import { openDb, type DbHandle } from "~db/connect";
import { seedReference } from "~db/seed/reference";
import { seedFacts } from "~db/seed/facts";
import { seedDemo } from "~db/seed/demo";
import { createThrowawayDatabase } from "../../scripts/throwaway-database.mjs";

export type TestDb = DbHandle & { name: string };

export async function createTestDb(opts: { seed?: "none" | "reference" | "facts" | "demo" } = {}): Promise<TestDb> {
  const seed = opts.seed ?? "reference";
  const url = process.env.DATABASE_URL;
  let handle: DbHandle;
  let name = "pglite-memory";
  let drop: (() => Promise<void>) | null = null;
  if (url) {
    const throwaway = await createThrowawayDatabase(url, `rajaton_test_${process.pid}`);
    name = throwaway.name;
    handle = await openDb({ url: throwaway.url, max: 4 });
    drop = throwaway.drop;
  } else {
    handle = await openDb({});
  }
  await handle.migrate();
  if (seed !== "none") await seedReference(handle.db);
  if (seed === "facts" || seed === "demo") await seedFacts(handle.db);
  if (seed === "demo") await seedDemo(handle.db);
  return {
    ...handle,
    name,
    close: async () => {
      await handle.close();
      if (drop) await drop();
    },
  };
}
