#!/usr/bin/env node
/**
 * `npm start`: (the build ran as prestart) prepare the database — migrations, and on an empty
 * database the reference, real and demo data — then serve the app on PORT (default 3000) in
 * production mode, at PUBLIC_URL (default http://localhost:PORT).
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || "production" };
const bin = (name) => path.resolve("node_modules/.bin", name);

const setup = spawnSync(bin("tsx"), ["db/setup.ts"], { stdio: "inherit", env });
if (setup.status !== 0) {
  console.error("Database setup failed; the server was not started.");
  process.exit(setup.status ?? 1);
}

const port = env.PORT || "3000";
// On a laptop the service is at http://localhost:PORT (127.0.0.1 works too); a deployment sets
// PUBLIC_URL to its own address (scripts/server.mjs answers to no other host).
const publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
const server = spawn(process.execPath, ["scripts/server.mjs"], {
  stdio: "inherit",
  env: { ...env, PORT: port, PUBLIC_URL: publicUrl },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
