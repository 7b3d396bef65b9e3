/** Loads reference data, the real facts and the demo data (each only if missing). */
import { runScript } from "./script-db";
import { seedReference } from "./seed/reference";
import { seedFacts } from "./seed/facts";
import { seedDemo } from "./seed/demo";

await runScript("seed", async (handle) => {
  await handle.migrate();
  await seedReference(handle.db);
  await seedFacts(handle.db);
  if (!process.argv.includes("--no-demo")) await seedDemo(handle.db);
});
