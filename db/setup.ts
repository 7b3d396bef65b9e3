/**
 * The database's preparation from the command line (`npx tsx db/setup.ts`): migrations and, on an
 * empty database, the reference, real and demo data. The server does the same itself when started
 * with PREPARE_DATABASE=1 (db/prepare.ts).
 */
import { prepareDatabase } from "./prepare";
import { runScript } from "./script-db";

await runScript("database setup", prepareDatabase);
