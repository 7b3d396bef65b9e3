#!/usr/bin/env node
/**
 * The production server (docs/decisions/018): Express with the Remix request handler, as
 * remix-serve, plus two things remix-serve cannot do:
 *   - a cross-origin POST (or PUT, PATCH, DELETE) is refused with a 403 page in the URL's language
 *     before Remix sees it (Remix's own check would answer an empty 500);
 *   - the client's address for sign-in throttling comes from the socket, or from X-Forwarded-For only
 *     when TRUST_PROXY says how many proxies to trust; it reaches the app in the `x-rajaton-client`
 *     header, which this server always overwrites;
 *   - a request for a host the service does not serve (PUBLIC_URL's; on a loopback PUBLIC_URL or
 *     outside production also localhost, 127.0.0.1 and [::1]) gets 400: nothing the app builds then
 *     comes from a Host an attacker chose;
 *   - a method the app does not take (TRACE, PROPFIND, …) gets 405 (Node itself answers 400 to one
 *     it cannot parse and closes a CONNECT);
 *   - a request body is read here, counting bytes as they arrive (Content-Length or chunked), and
 *     one over BODY_LIMIT bytes is refused with 413 before the app sees any of it;
 *   - a response to a browser that holds a session cookie is never stored (Cache-Control: no-store),
 *     so the back button on a shared computer shows nothing after signing out.
 * On PostgreSQL it runs one worker process per CPU core (Node's cluster; WEB_CONCURRENCY overrides),
 * so rendering pages is not limited to one core; the embedded database lives inside one process, so
 * on PGlite there is always exactly one (docs/decisions/045).
 * Every process also runs the job runner (email delivery, follow-up requests; docs/decisions/085).
 * Usage: node scripts/server.mjs (after `npm run build`); PORT (default 3000), PUBLIC_URL (required
 * in production), HOST, TRUST_PROXY, WEB_CONCURRENCY.
 */
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import url from "node:url";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { createRequestHandler, installGlobals, writeReadableStreamToWritable } from "@remix-run/node";

const port = Number(process.env.PORT || 3000);
const production = process.env.NODE_ENV === "production";
/** The largest request body taken: forms are far smaller; no route takes file uploads. */
const BODY_LIMIT = 1024 * 1024;
const METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);
const allowedHosts = hostsServed();
const workers = workerCount();
// PREPARE_DATABASE=1 (npm start, npm test): migrations and, on an empty database, the seed data, run
// before listening; with one process on the very handle it then serves from (docs/decisions/121).
const prepare = process.env.PREPARE_DATABASE === "1";
if (cluster.isPrimary && workers > 1) {
  if (prepare) await (await loadBuild()).entry.module.prepareAppDatabase({ separate: true });
  supervise(workers);
} else await serve();

function loadBuild() {
  return import(url.pathToFileURL(path.resolve("build/server/index.js")).href);
}

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

/**
 * The host names this server answers to, from PUBLIC_URL (required in production, else
 * http://localhost:$PORT); the app checks PUBLIC_URL the same way (app/utils/env.server.ts).
 */
function hostsServed() {
  const raw = process.env.PUBLIC_URL;
  const fail = (message) => {
    console.error(`Invalid environment configuration:\n  PUBLIC_URL: ${message}`);
    process.exit(1);
  };
  if (!raw && production)
    fail(
      "required when NODE_ENV=production: the address users reach the service at, e.g. https://rajaton.example.fi (links in emails are built from it)",
    );
  let url;
  try {
    url = new URL(raw || `http://localhost:${port}`);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol) || !/^https?:\/\/[^/?#]+\/?$/.test(raw || url.origin))
    fail(`must be an origin such as https://rajaton.example.fi (no path), not "${raw}"`);
  const hosts = new Set([url.hostname]);
  const loopback = ["localhost", "127.0.0.1", "[::1]"];
  if (!production || loopback.includes(url.hostname)) for (const name of loopback) hosts.add(name);
  return hosts;
}

/** The primary process: starts the workers, replaces one that dies, stops them all on a signal. */
function supervise(count) {
  let stopping = false;
  let listening = false;
  // The scheduled jobs (log retention) run in one worker only: the first, and whichever replaces it.
  const jobsWorker = { id: cluster.fork({ RAJATON_JOBS: "1" }).id };
  for (let i = 1; i < count; i++) cluster.fork({ RAJATON_JOBS: "0" });
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
    const hadJobs = worker.id === jobsWorker.id;
    const next = cluster.fork({ RAJATON_JOBS: hadJobs ? "1" : "0" });
    if (hadJobs) jobsWorker.id = next.id;
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
  const build = await loadBuild();
  installGlobals({ nativeFetch: build.future.v3_singleFetch });
  if (prepare && cluster.isPrimary) await build.entry.module.prepareAppDatabase();
  const { refusedPage, resourceHeaders } = build.entry.module;
  const handleRequest = createRequestHandler(build, process.env.NODE_ENV);
  /** Answers with the app's refusal page (in the URL's language) without the app. */
  const refuse = (req, res, status, extraHeaders = {}) => {
    const response = refusedPage(new Request(new URL(req.originalUrl, "http://localhost")), status);
    res.status(response.status);
    response.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
    response.text().then((body) => res.send(body));
  };

  const app = express();
  app.disable("x-powered-by");
  const trust = process.env.TRUST_PROXY;
  app.set("trust proxy", !trust ? false : /^\d+$/.test(trust) ? Number(trust) : trust);
  // Security headers on every response: Remix's pages set their own (with the script nonce); anything
  // else — static files, redirects — gets the strict set for files just before its head is written.
  const fallbackHeaders = Object.entries(resourceHeaders());
  app.use((req, res, next) => {
    const writeHead = res.writeHead;
    const signedIn = /(?:^|;\s*)__session=/.test(req.headers.cookie ?? "");
    res.writeHead = function (...args) {
      for (const [name, value] of fallbackHeaders) if (!this.hasHeader(name)) this.setHeader(name, value);
      // Whatever a route says: nothing shown to a signed-in user stays in a cache.
      if (signedIn && !req.path.startsWith("/assets/")) this.setHeader("Cache-Control", "no-store");
      return writeHead.apply(this, args);
    };
    next();
  });
  // The request log (refusals included; not the built assets) leaves out a single-use link's token (/fi/reset/<token> → /fi/reset/…).
  morgan.token("path", (req) => req.originalUrl.replace(/\/(invite|reset|verify)\/[^/?#]+/, "/$1/…"));
  if (process.env.REQUEST_LOG !== "off")
    app.use(
      morgan(":method :path :status :res[content-length] - :response-time ms", {
        skip: (req) => req.path.startsWith("/assets/"),
      }),
    );
  // Before anything is read or served: a host this server does not serve, a method the app does not take.
  app.use((req, res, next) => {
    if (!METHODS.has(req.method)) return refuse(req, res, 405, { Allow: [...METHODS].join(", ") });
    if (req.path !== "/healthz" && !allowedHosts.has(req.hostname)) return refuse(req, res, 400);
    next();
  });
  app.use(compression());
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // The other public files (favicon.svg): only a path with a file extension can be one, so pages
  // skip the file-system lookup.
  const publicFiles = express.static("build/client", { maxAge: "1h" });
  app.use((req, res, next) => (/\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));

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
    response.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    response.text().then((body) => res.send(body), next);
  });

  // The body, read here with a limit (counting what arrives, whatever Content-Length says), then the app.
  app.all("*", async (req, res, next) => {
    try {
      let body;
      if (req.method !== "GET" && req.method !== "HEAD") {
        body = await readBody(req, BODY_LIMIT);
        if (body === null) {
          // The rest is read and dropped (so the client sees the answer, not a reset connection), for
          // a few seconds at most; then the connection is cut.
          res.on("finish", () => setTimeout(() => req.complete || req.socket.destroy(), 5000).unref());
          req.resume();
          return refuse(req, res, 413);
        }
      }
      // A document request (not a client-side navigation's `.data` fetch): its loaders may hand parts
      // of the page to the render only (app/utils/document-only.ts).
      const documentOnly = req.method === "GET" && !req.path.endsWith(".data") ? new Map() : undefined;
      const response = await handleRequest(remixRequest(req, res, body), { documentOnly });
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  // A client that disconnects mid-body is not an error worth a stack trace.
  app.use((error, req, res, next) => {
    if (error?.code === "ECONNRESET" || error?.code === "ERR_STREAM_PREMATURE_CLOSE" || req.aborted) {
      res.destroy();
      return;
    }
    next(error);
  });

  const onListen = () => {
    if (cluster.isPrimary) console.log(`[rajaton] http://localhost:${port}`);
    // One process runs the scheduled jobs: this one when it is alone, else the worker marked for them.
    if (process.env.RAJATON_JOBS !== "0" && (cluster.isPrimary || process.env.RAJATON_JOBS === "1"))
      build.entry.module.startScheduledJobs();
  };
  const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);
  // Idle keep-alive connections are kept longer than Node's 5 s, so that a client reusing one after a
  // pause does not send into a socket the server is just closing (a reset instead of an answer).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Every process runs a job runner (docs/decisions/085); on a signal it finishes the job in hand first.
  const stopJobs = build.entry.module.startJobs();
  for (const signal of ["SIGTERM", "SIGINT"])
    process.once(signal, () => {
      const closed = new Promise((resolve) => server.close(resolve));
      Promise.all([closed, stopJobs()]).finally(() => process.exit(0));
    });
}

/**
 * The request body, read as it arrives: null as soon as it passes `limit` bytes (or Content-Length
 * says it will), when reading stops; the bytes otherwise.
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) return resolve(null);
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      if (!req.complete) onError(Object.assign(new Error("client closed the request"), { code: "ECONNRESET" }));
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

/** The Fetch API request the app sees (as @remix-run/express builds it), with the body already read. */
function remixRequest(req, res, body) {
  // req.hostname follows TRUST_PROXY; the port comes from X-Forwarded-Host or Host.
  const portOf = (value) => Number.parseInt(value?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("x-forwarded-host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller = new AbortController();
  res.on("finish", () => {
    controller = null;
  });
  res.on("close", () => controller?.abort());
  return new Request(url.href, {
    method: req.method,
    headers: requestHeaders(req.headers),
    signal: controller.signal,
    ...(body === undefined ? {} : { body }),
  });
}

function requestHeaders(raw) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value) headers.set(name, value);
  }
  return headers;
}

/** Writes the app's response (as @remix-run/express does). */
async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
