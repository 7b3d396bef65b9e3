#!/usr/bin/env node
/**
 * `npm start`: (the build ran as prestart) serve the app on PORT (default 3000) in production mode,
 * at PUBLIC_URL (default http://localhost:PORT); the server first prepares the database — migrations,
 * and on an empty database the reference, real and demo data (db/prepare.ts).
 */
import { spawn } from "node:child_process";

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || "production" };

const port = env.PORT || "3000";
// On a laptop the service is at http://localhost:PORT (127.0.0.1 works too); a deployment sets
// PUBLIC_URL to its own address (scripts/server.mjs answers to no other host).
const publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
const server = spawn(process.execPath, ["scripts/server.mjs"], {
  stdio: "inherit",
  // The server prepares the database itself before it listens: one process opens it once.
  env: { ...env, PORT: port, PUBLIC_URL: publicUrl, PREPARE_DATABASE: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
