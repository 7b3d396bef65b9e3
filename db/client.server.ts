import { openDb, pgliteDir, type Db, type DbHandle } from "./connect";

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

function open(): Promise<DbHandle> {
  if (!globalThis.__rajatonDb) {
    globalThis.__rajatonDb = openDb(databaseSettings());
    const close = async () => {
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
