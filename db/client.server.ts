import { openDb, pgliteDir, type Db, type DbHandle } from "./connect";
import { prepareDatabase } from "./prepare";

declare global {
  // Survives Vite's module reloads in development.
  var __rajatonDb: Promise<DbHandle> | undefined;
}

/**
 * The two settings the database layer needs, read from the environment here so that db/ imports
 * nothing from app/. app/utils/env.server.ts validates the whole environment (these two included)
 * when the server starts; an empty DATABASE_URL means "none", as there.
 */
export function databaseSettings(source: Record<string, string | undefined> = process.env) {
  const url = source.DATABASE_URL || undefined;
  return url ? { url } : { dataDir: pgliteDir(source.DATA_DIR || "./data") };
}

/** What must finish before the database closes on a signal (the job runner's current pass). */
const beforeClose = new Set<() => Promise<void>>();

/** Runs `finish` (and waits for it) before this process closes its database on SIGTERM or SIGINT. */
export function beforeDatabaseCloses(finish: () => Promise<void>) {
  beforeClose.add(finish);
  return () => beforeClose.delete(finish);
}

function open(): Promise<DbHandle> {
  if (!globalThis.__rajatonDb) {
    globalThis.__rajatonDb = openDb(databaseSettings());
    const close = async () => {
      // A job that is writing finishes first: closing under it would fail the job and log the error.
      await Promise.allSettled([...beforeClose].map((finish) => finish()));
      const handle = await globalThis.__rajatonDb;
      await handle?.close().catch(() => {});
      process.exit(0);
    };
    process.once("SIGTERM", close);
    process.once("SIGINT", close);
  }
  return globalThis.__rajatonDb;
}

/** The app's database. Await it in loaders and actions: `const db = await getDb()`. */
export async function getDb(): Promise<Db> {
  return (await open()).db;
}

export async function getDriver() {
  return (await open()).driver;
}

/**
 * Migrates and, when empty, seeds the database before the server listens. `separate`: on a handle
 * of its own, closed afterwards (the cluster's primary process, which serves nothing); otherwise on
 * the app's own handle, so the embedded database is opened once.
 */
export async function prepareAppDatabase({ separate = false } = {}) {
  const started = Date.now();
  const handle = separate ? await openDb(databaseSettings()) : await open();
  try {
    await prepareDatabase(handle);
  } finally {
    if (separate) await handle.close();
  }
  console.log(`[rajaton] database ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${handle.driver})`);
}
