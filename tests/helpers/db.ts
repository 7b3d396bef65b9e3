/**
 * A fresh database for an integration test file: a uniquely named database on the PostgreSQL
 * server of DATABASE_URL (dropped afterwards), or an in-memory PGlite when it is not set.
 * Open one per test file (PGlite takes a few seconds to start).
 */
import crypto from "node:crypto";
import postgres from "postgres";
import { openDb, type DbHandle } from "~db/connect";
import { seedReference } from "~db/seed/reference";
import { seedFacts } from "~db/seed/facts";
import { seedDemo } from "~db/seed/demo";

export type TestDb = DbHandle & { name: string };

export async function createTestDb(opts: { seed?: "none" | "reference" | "facts" | "demo" } = {}): Promise<TestDb> {
  const seed = opts.seed ?? "reference";
  const url = process.env.DATABASE_URL;
  let handle: DbHandle;
  let name = "pglite-memory";
  let drop: (() => Promise<void>) | null = null;
  if (url) {
    name = `rajaton_test_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
    const adminUrl = new URL(url);
    adminUrl.pathname = "/postgres";
    const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    handle = await openDb({ url: testUrl.toString(), max: 4 });
    drop = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
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
