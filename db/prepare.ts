/**
 * Prepares a database for the app: applies the migrations and, on an empty database, loads the
 * reference data, the real facts and the demo data (unless SEED_DEMO=0). Idempotent. The server runs
 * it on the handle it then serves from (`npm start`, `npm test`), so the embedded database is opened
 * once (docs/decisions/121); `db/setup.ts` runs it from the command line.
 */
import type { DbHandle } from "./connect";
import { factsPresent, seedFacts } from "./seed/facts";
import { seedDemo } from "./seed/demo";
import { seedReference } from "./seed/reference";

export async function prepareDatabase(handle: DbHandle) {
  await handle.migrate();
  if (!(await factsPresent(handle.db))) {
    await seedReference(handle.db);
    await seedFacts(handle.db);
    if (process.env.SEED_DEMO !== "0") await seedDemo(handle.db);
  }
}
