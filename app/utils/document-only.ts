/**
 * Values a loader hands to the server's render of a page and not to the browser (docs/decisions/155).
 *
 * Remix serializes every loader's data into the page for hydration, so a part the browser never
 * re-renders (the dashboard's figures: tables and charts that are only read) would be sent twice, as
 * markup and again as data. On a document request the server (scripts/server.mjs) gives the loaders a
 * `documentOnly` map in their load context; a loader puts such a part's data there and leaves it out
 * of what it returns; app/entry.server.tsx provides the map to the render. The browser hydrates the
 * part as static markup (`StaticPart`); a client-side navigation fetches the loader's data without the
 * map, so the data then carries the part and the browser renders it.
 */
import { createContext, useContext } from "react";

export type DocumentOnly = Map<string, unknown>;

export const DocumentOnlyContext = createContext<DocumentOnly | null>(null);

/** The map of a document request's loaders (null on a data request, in the browser, and without the server). */
export function documentOnlyOf(context: unknown): DocumentOnly | null {
  const value = (context as { documentOnly?: unknown } | null | undefined)?.documentOnly;
  return value instanceof Map ? value : null;
}

/** During the server's render of a document, the value a loader put under `key`. */
export function useDocumentOnly<T>(key: string): T | undefined {
  return useContext(DocumentOnlyContext)?.get(key) as T | undefined;
}
