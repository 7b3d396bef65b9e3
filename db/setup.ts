/**
 * Run by `npm start` before the server: applies the migrations and, on an empty database,
 * loads the reference data, the real facts and the demo data (unless SEED_DEMO=0).
 */
import { runScript } from "./script-db";
import { seedReference } from "./seed/reference";
import { factsPresent, seedFacts } from "./seed/facts";
import { seedDemo } from "./seed/demo";

await runScript("database setup", async (handle) => {
  await handle.migrate();
  if (!(await factsPresent(handle.db))) {
    await seedReference(handle.db);
    await seedFacts(handle.db);
    if (process.env.SEED_DEMO !== "0") await seedDemo(handle.db);
  }
});
