/**
 * The server holds every translation (renders, emails, exports) and records which ones a page's
 * render looked up, so that the page carries only those to the browser (entry.server, app/i18n.ts).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { addResources, type Resources, setLookupObserver } from "./i18n";

const files = import.meta.glob<Record<string, unknown>>("../locales/*/*.json", { eager: true, import: "default" });
const all: Resources = { fi: {}, sv: {} };
for (const [file, data] of Object.entries(files)) {
  const m = file.match(/locales\/(fi|sv)\/([\w-]+)\.json$/);
  if (m) all[m[1]][m[2]] = data;
}
addResources(all);

/** The "lang/ns" pairs looked up inside `recordLookups`. */
const lookups = new AsyncLocalStorage<Set<string>>();
setLookupObserver((lang, ns) => lookups.getStore()?.add(`${lang}/${ns}`));

/** Runs `render` (and what it schedules) recording the namespaces it looks translations up in. */
export function recordLookups<T>(render: () => T): { result: T; used: Set<string> } {
  const used = new Set<string>();
  return { result: lookups.run(used, render), used };
}

/** The translations of the recorded namespaces, as the browser's `window.__i18n`. */
export function resourcesFor(used: Set<string>): Resources {
  const out: Resources = {};
  for (const pair of [...used].sort()) {
    const [lang, ns] = pair.split("/");
    const data = all[lang]?.[ns];
    if (data) out[lang] = { ...out[lang], [ns]: data };
  }
  return out;
}

/**
 * The JSON of each set of namespaces pages have asked for (a few dozen sets; the translations never
 * change while the process runs): a page's 20–30 KB of it is not built again for every request.
 */
const scripts = new Map<string, string>();
const SCRIPTS_KEPT = 200;

/** An inline script that hands the page's translations to the browser before it hydrates. */
export function i18nScript(used: Set<string>, nonce: string) {
  const key = [...used].sort().join();
  let json = scripts.get(key);
  if (json === undefined) {
    json = JSON.stringify(resourcesFor(used)).replace(/</g, "\\u003c");
    if (scripts.size >= SCRIPTS_KEPT) scripts.delete(scripts.keys().next().value as string);
    scripts.set(key, json);
  }
  return `<script nonce="${nonce}">window.__i18n=${json}</script>`;
}
