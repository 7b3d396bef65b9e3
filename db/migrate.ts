import { runScript } from "./script-db";

await runScript("migrations", (handle) => handle.migrate());
