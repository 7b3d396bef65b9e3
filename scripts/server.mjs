#!/usr/bin/env node
/**
 * The production server (docs/decisions/018): Express with the Remix request handler, as
 * remix-serve, plus two things remix-serve cannot do:
 *   - a cross-origin POST (or PUT, PATCH, DELETE) is refused with a 403 page in the URL's language
 *     before Remix sees it (Remix's own check would answer an empty 500);
 *   - the client's address for sign-in throttling comes from the socket, or from X-Forwarded-For only
 *     when TRUST_PROXY says how many proxies to trust; it reaches the app in the `x-rajaton-client`
 *     header, which this server always overwrites.
 * Usage: node scripts/server.mjs (after `npm run build`); PORT (default 3000), HOST, TRUST_PROXY.
 */
import path from "node:path";
import url from "node:url";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";

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
app.use(express.static("build/client", { maxAge: "1h" }));
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

const port = Number(process.env.PORT || 3000);
const onListen = () => console.log(`[rajaton] http://localhost:${port}`);
const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close(() => process.exit(0)));
