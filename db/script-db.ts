/** Opens the database the same way the app does, for command-line scripts. */
import { openDb, pgliteDir } from "./connect";

export function openScriptDb() {
  const url = process.env.DATABASE_URL || undefined;
  return openDb(url ? { url, max: 4 } : { dataDir: pgliteDir(process.env.DATA_DIR || "./data") });
}

export async function runScript(name: string, fn: (handle: Awaited<ReturnType<typeof openDb>>) => Promise<void>) {
  const started = Date.now();
  const handle = await openScriptDb();
  try {
    await fn(handle);
    console.log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s (${handle.driver})`);
  } finally {
    await handle.close();
  }
}
