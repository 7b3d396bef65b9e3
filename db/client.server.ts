import { env } from "~/utils/env.server";
import { openDb, pgliteDir, type Db, type DbHandle } from "./connect";

declare global {
  // Survives Vite's module reloads in development.
  var __rajatonDb: Promise<DbHandle> | undefined;
}

function open(): Promise<DbHandle> {
  if (!globalThis.__rajatonDb) {
    globalThis.__rajatonDb = openDb(
      env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: pgliteDir(env.DATA_DIR) },
    );
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
