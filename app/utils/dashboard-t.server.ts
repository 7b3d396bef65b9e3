/**
 * The dashboard namespace's translations for the model and its charts, each text looked up once per
 * process: a new reporting date resolves the same titles, headers and definitions again (some
 * hundreds of lookups, each a walk through i18next's resolution), and the translations never change
 * while the process runs (app/locales.server.ts). Only for the loader's work: a page's render must
 * look its texts up through i18next, which records the namespaces the page hands the browser.
 */
import { getI18n, type Lang } from "~/i18n";
import type { T } from "./dashboard-table-spec";

/** Texts kept per language: fixed keys, and keys with a count or a name (a few per row of a table). */
const KEPT = 5000;
const memos = new Map<Lang, { t: T; texts: Map<string, string> }>();

/** `getFixedT(lang, "dashboard")`, remembering what each key with its options gave. */
export function dashboardT(lang: Lang): T {
  let memo = memos.get(lang);
  if (!memo) {
    const raw = getI18n(lang).getFixedT(lang, "dashboard") as unknown as T;
    const texts = new Map<string, string>();
    const t: T = (key, options) => {
      const id = options ? `${key}\u0000${JSON.stringify(options)}` : key;
      let text = texts.get(id);
      if (text === undefined) {
        text = raw(key, options);
        if (texts.size >= KEPT) texts.clear();
        texts.set(id, text);
      }
      return text;
    };
    memo = { t, texts };
    memos.set(lang, memo);
  }
  return memo.t;
}
