#!/usr/bin/env node
/**
 * Page weight: the JavaScript a page makes the browser load before it is interactive, gzip -9 of each
 * file summed: the client entry and its imports, and every matched route's module with its imports
 * (read from the build's Remix manifest, build/client/assets/manifest-*.js), and the part of the
 * manifest the page carries inline. With lazy route discovery (vite.config.ts) the browser never
 * fetches the manifest file: the server writes the matched routes' entries into the page
 * (`window.__remixManifest`) and the rest arrives per navigation.
 * Each page has a budget; a page over it fails. Run by scripts/test.mjs after the build (one test) and
 * printed by `npm run bench`; alone: `node scripts/page-weight.mjs [build/client]`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

/** A bare Remix 2 page (the template's index route), measured the same way: the floor. */
export const FLOOR_KB = 86;

/**
 * The pages measured: a route id (its parents are added) and a budget in KB of gzip. Each budget is
 * the page's figure when it was set plus about 4 KB, so that a change adding 20 KB to a page fails;
 * a public page's is never above 100 KB. Every page carries React, React DOM and Remix (the floor,
 * about 85 KB), the app's small browser i18next with its locale loaders (3 KB) and the root's shell
 * (4 KB); a page with a form carries its browser check (2 KB) but not the schema library, which
 * loads when the form is used (docs/decisions/146); the dashboard's charts are drawn on the server
 * and ship none (docs/decisions/142).
 *
 * What a page imports with `import()` is not first-load and is not counted: the manifest lists a
 * route's static imports only. That is the truth for a visitor who is not signed in: the parts only
 * some users see are such chunks (app/components/lazy-part.tsx: the pilot page's staff forms, the
 * artist page's contact form; docs/decisions/151), fetched only when the page's data says the user
 * sees them, as are the forms' schemas and the translation chunks (docs/decisions/138).
 */
export const PAGES = [
  { name: "/fi (home)", route: "routes/$lang._index", budgetKb: 99 },
  { name: "/fi/pilots", route: "routes/$lang.pilots._index", budgetKb: 100 },
  // Without the editors' and the council's forms, which only they load (docs/decisions/151).
  { name: "/fi/pilots/:id", route: "routes/$lang.pilots.$id", budgetKb: 100 },
  { name: "/fi/artists", route: "routes/$lang.artists._index", budgetKb: 100 },
  // Without the contact form, which only those who may contact artists load.
  { name: "/fi/artists/:id", route: "routes/$lang.artists.$id", budgetKb: 100 },
  { name: "/fi/open-data", route: "routes/$lang.open-data", budgetKb: 98 },
  { name: "/fi/login", route: "routes/$lang.login", budgetKb: 100 },
  // Signed-in pages
  { name: "/fi/pilots/new (form)", route: "routes/$lang.pilots.new", budgetKb: 108 },
  { name: "/fi/account", route: "routes/$lang.account", budgetKb: 103 },
  { name: "/fi/me/artist/delete", route: "routes/$lang.me.artist.delete", budgetKb: 101 },
  { name: "/fi/dashboard", route: "routes/$lang.dashboard", budgetKb: 104 },
];

/** The Remix manifest of a client build and the file it was read from. */
export function readManifest(dir = "build/client") {
  const assets = path.join(dir, "assets");
  if (!fs.existsSync(assets)) throw new Error(`${dir} does not exist; run \`npm run build\` first`);
  const name = fs.readdirSync(assets).find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!name) throw new Error(`no Remix manifest in ${assets}`);
  const text = fs.readFileSync(path.join(assets, name), "utf8");
  const json = text.slice(text.indexOf("=") + 1).replace(/;\s*$/, "");
  return { manifest: JSON.parse(json), file: `/assets/${name}` };
}

/** The JavaScript files a page's first load fetches, and their gzip -9 size in bytes. */
export function firstLoad(dir, routeId, read = readManifest(dir)) {
  const { manifest, file } = read;
  const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
  const chain = [];
  for (let id = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`route ${id} is not in the manifest`);
    chain.push(route);
  }
  for (const route of chain) for (const f of [route.module, ...(route.imports ?? [])]) files.add(f);
  // The inline manifest as Remix writes it (its entry and the page's routes; the pathless and index
  // routes it adds for parent paths are a few hundred bytes more at most).
  const inline = `window.__remixManifest = ${JSON.stringify(
    { ...manifest, routes: Object.fromEntries(chain.map((r) => [r.id, r])), url: file },
    null,
    2,
  )};`;
  let gzip = zlib.gzipSync(inline, { level: 9 }).length;
  for (const f of files) gzip += zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
  return { files: [...files], gzip };
}

/** Every measured page with its figure and budget; `over` lists the pages above their budget. */
export function measurePages(dir = "build/client") {
  const read = readManifest(dir);
  const rows = PAGES.map((page) => {
    const { gzip, files } = firstLoad(dir, page.route, read);
    return { ...page, kb: gzip / 1024, files: files.length };
  });
  return { rows, over: rows.filter((r) => r.kb > r.budgetKb) };
}

/** The table printed by the test and the bench. */
export function formatPages(rows) {
  const lines = rows.map(
    (r) =>
      `  ${r.name.padEnd(24)} ${r.kb.toFixed(1).padStart(6)} KB gz  ${(r.kb / FLOOR_KB).toFixed(2)}× the floor` +
      `  budget ${r.budgetKb} KB  ${r.kb > r.budgetKb ? "OVER" : "ok"}  (${r.files} files)`,
  );
  return [`First-load JavaScript (gzip -9; a bare Remix page: ${FLOOR_KB} KB)`, ...lines].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, over } = measurePages(process.argv[2]);
  console.log(formatPages(rows));
  if (over.length) {
    console.error(`Over budget: ${over.map((r) => r.name).join(", ")}`);
    process.exit(1);
  }
}
