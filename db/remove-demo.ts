/** Removes all example data; the real facts and the reference data stay. */
import { runScript } from "./script-db";
import { removeDemo } from "./seed/demo";

await runScript("remove demo data", (handle) => removeDemo(handle.db));
