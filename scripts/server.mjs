#!/usr/bin/env node
/**
 * The production server (docs/decisions/018): Express with the Remix request handler, as
 * remix-serve, plus two things remix-serve cannot do:
 *   - a cross-origin POST (or PUT, PATCH, DELETE) is refused with a 403 page in the URL's language
 *     before Remix sees it (Remix's own check would answer an empty 500);
 *   - the client's address for sign-in throttling comes from the socket, or from X-Forwarded-For only
 *     when TRUST_PROXY says how many proxies to trust; it reaches the app in the `x-rajaton-client`
 *     header, which this server always overwrites.
 * On PostgreSQL it runs one worker process per CPU core (Node's cluster; WEB_CONCURRENCY overrides),
 * so rendering pages is not limited to one core; the embedded database lives inside one process, so
 * on PGlite there is always exactly one (docs/decisions/045).
 * Every process also runs the job runner (email delivery, follow-up requests; docs/decisions/085).
 * Usage: node scripts/server.mjs (after `npm run build`); PORT (default 3000), HOST, TRUST_PROXY,
 * WEB_CONCURRENCY.
 */
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import url from "node:url";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";

const port = Number(process.env.PORT || 3000);
const workers = workerCount();
if (cluster.isPrimary && workers > 1) supervise(workers);
else await serve();

function workerCount() {
  const raw = process.env.WEB_CONCURRENCY;
  const asked = raw ? Number(raw) : undefined;
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 1 && asked <= 64)) {
    console.error(
      `Invalid environment configuration:\n  WEB_CONCURRENCY: a whole number of processes from 1 to 64, not "${raw}"`,
    );
    process.exit(1);
  }
  if (!process.env.DATABASE_URL) {
    if (asked > 1)
      console.warn("[rajaton] WEB_CONCURRENCY is ignored on the embedded database: it lives in one process.");
    return 1;
  }
  return asked ?? os.availableParallelism();
}

/** The primary process: starts the workers, replaces one that dies, stops them all on a signal. */
function supervise(count) {
  let stopping = false;
  let listening = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("listening", () => {
    if (!listening) console.log(`[rajaton] http://localhost:${port} (${count} worker processes)`);
    listening = true;
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that dies before any server listened would die again: stop instead of looping.
    if (!listening) {
      console.error(`[rajaton] a worker process failed to start (${signal ?? code}); stopping.`);
      process.exit(1);
    }
    console.error(`[rajaton] worker process ${worker.process.pid} stopped (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  for (const sig of ["SIGTERM", "SIGINT"]) {
    process.once(sig, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(sig);
    });
  }
}

/** One server process: Express with the built app. */
async function serve() {
  const build = await import(url.pathToFileURL(path.resolve("build/server/index.js")).href);
  installGlobals({ nativeFetch: build.future.v3_singleFetch });
  const { refusedPage, resourceHeaders } = build.entry.module;

  const app = express();
  app.disable("x-powered-by");
  const trust = process.env.TRUST_PROXY;
  app.set("trust proxy", !trust ? false : /^\d+$/.test(trust) ? Number(trust) : trust);
  // Security headers on every response: Remix's pages set their own (with the script nonce); anything
  // else — static files, redirects — gets the strict set for files just before its head is written.
  const fallbackHeaders = Object.entries(resourceHeaders());
  app.use((req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      for (const [name, value] of fallbackHeaders) if (!this.hasHeader(name)) this.setHeader(name, value);
      return writeHead.apply(this, args);
    };
    next();
  });
  app.use(compression());
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // The other public files (favicon.svg): only a path with a file extension can be one, so pages
  // skip the file-system lookup.
  const publicFiles = express.static("build/client", { maxAge: "1h" });
  app.use((req, res, next) => (/\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  if (process.env.REQUEST_LOG !== "off") app.use(morgan("tiny"));

  const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
  app.use((req, res, next) => {
    req.headers["x-rajaton-client"] = req.ip ?? "unknown";
    if (SAFE.has(req.method)) return next();
    const expected = `${req.protocol}://${req.get("x-forwarded-host") && trust ? req.get("x-forwarded-host") : req.get("host")}`;
    const origin = req.get("origin");
    const referer = req.get("referer");
    let source = null;
    if (origin) source = origin;
    else if (referer) {
      try {
        source = new URL(referer).origin;
      } catch {
        source = "null";
      }
    }
    // No Origin and no Referer: not a browser, so it cannot carry a victim's SameSite cookie.
    if (source === null || source === expected) return next();
    const response = refusedPage(new Request(new URL(req.originalUrl, expected)), 403);
    res.status(response.status);
    response.headers.forEach((value, name) => res.setHeader(name, value));
    response.text().then((body) => res.send(body), next);
  });

  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

  const onListen = () => cluster.isPrimary && console.log(`[rajaton] http://localhost:${port}`);
  const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);
  // Every process runs a job runner (docs/decisions/085); on a signal it finishes the job in hand first.
  const stopJobs = build.entry.module.startJobs();
  for (const signal of ["SIGTERM", "SIGINT"])
    process.once(signal, () => {
      const closed = new Promise((resolve) => server.close(resolve));
      Promise.all([closed, stopJobs()]).finally(() => process.exit(0));
    });
}
