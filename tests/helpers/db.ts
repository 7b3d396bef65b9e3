/**
 * A fresh database for an integration test file: a uniquely named database on the PostgreSQL
 * server of DATABASE_URL (dropped afterwards), or an in-memory PGlite when it is not set.
 * Open one per test file.
 *
 * Each file's database is a copy of a template made once per vitest run for its seed level
 * (tests/helpers/db-templates.ts): the first file that asks for a level migrates and seeds a database
 * as before and keeps it as that level's template (a dump of PGlite's data directory, or a PostgreSQL
 * database that `create database … template` copies); the later files start from the copy. Every
 * file still gets a database of its own, and the migrations and seeds run once in every run.
 * Without the run's templates (a script outside vitest) each database is migrated and seeded itself.
 */
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { openDb, type DbHandle } from "~db/connect";
import { seedReference } from "~db/seed/reference";
import { seedFacts } from "~db/seed/facts";
import { seedDemo } from "~db/seed/demo";
import { createThrowawayDatabase } from "../../scripts/throwaway-database.mjs";
import { templateName, type DbTemplates } from "./db-templates";

export type TestDb = DbHandle & { name: string };
type Seed = "none" | "reference" | "facts" | "demo";

export async function createTestDb(opts: { seed?: Seed } = {}): Promise<TestDb> {
  const seed = opts.seed ?? "reference";
  const url = process.env.DATABASE_URL;
  const templates = runTemplates();
  let handle: DbHandle;
  let name = "pglite-memory";
  let drop: (() => Promise<void>) | null = null;
  if (url) {
    const template = templates ? await postgresTemplate(url, templateName(templates.run, seed), seed) : undefined;
    const throwaway = await createThrowawayDatabase(url, `rajaton_test_${process.pid}`, { template });
    name = throwaway.name;
    handle = await openDb({ url: throwaway.url, max: 4 });
    drop = throwaway.drop;
    if (!template) await prepare(handle, seed);
  } else {
    const dump = templates ? path.join(templates.dir, `${seed}.tar`) : null;
    if (dump && fs.existsSync(dump)) {
      handle = await openDb({ loadDataDir: new Blob([fs.readFileSync(dump)]) });
    } else {
      handle = await openDb({});
      await prepare(handle, seed);
      if (dump) await keepPgliteTemplate(handle, dump);
    }
  }
  return {
    ...handle,
    name,
    close: async () => {
      await handle.close();
      if (drop) await drop();
    },
  };
}

/** The migrations and the seeds up to the level: what every template and every database without one gets. */
async function prepare(handle: DbHandle, seed: Seed) {
  await handle.migrate();
  if (seed !== "none") await seedReference(handle.db);
  if (seed === "facts" || seed === "demo") await seedFacts(handle.db);
  if (seed === "demo") await seedDemo(handle.db);
}

function runTemplates(): DbTemplates | undefined {
  try {
    return inject("dbTemplates");
  } catch {
    return undefined;
  }
}

/** Dumps a freshly prepared PGlite database as its level's template (written whole, then renamed into place). */
async function keepPgliteTemplate(handle: DbHandle, file: string) {
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  const partial = `${file}.${process.pid}.part`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, file);
}

/**
 * The level's template database on the server, made by the first file that asks (under an advisory lock,
 * so files run side by side make it once). Nothing stays connected to it: `create database … template` needs that.
 */
async function postgresTemplate(serverUrl: string, name: string, seed: Seed) {
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(hashtext(${name}))`;
    const [found] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!found) {
      const building = `${name}_part`;
      await admin.unsafe(`drop database if exists "${building}"`);
      await admin.unsafe(`create database "${building}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      const handle = await openDb({ url: url.toString(), max: 4 });
      try {
        await prepare(handle, seed);
      } finally {
        await handle.close();
      }
      await admin.unsafe(`alter database "${building}" rename to "${name}"`);
    }
    await admin`select pg_advisory_unlock(hashtext(${name}))`;
  } finally {
    await admin.end();
  }
  return name;
}
