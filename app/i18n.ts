/** i18next configuration shared by the server and the browser (docs/decisions/001). */
import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
export const LANGUAGES = ["fi", "sv"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "fi";
export const defaultNS = "common";

/** Each locale file is its own chunk in the browser, loaded only when a page needs it. */
const loaders = import.meta.glob<Record<string, unknown>>("../locales/*/*.json", { import: "default" });
const localeFile = (lang: string, ns: string) => `../locales/${lang}/${ns}.json`;

export const namespaces = [
  ...new Set(Object.keys(loaders).map((file) => file.replace(/^.*\/([\w-]+)\.json$/, "$1"))),
].sort();

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/**
 * The translations this process holds: on the server all of them (app/locales.server.ts adds them);
 * in the browser those the server rendered the page with (its own language and namespaces, sent in
 * the page: `window.__i18n`, written by entry.server), and the rest as they are loaded.
 */
const resources: Resources = { fi: {}, sv: {} };

/** Adds translations; the instances already made see them at once (they share this store). */
export function addResources(more: Resources) {
  for (const [lang, bundles] of Object.entries(more)) {
    if (!isLang(lang)) continue;
    for (const [ns, data] of Object.entries(bundles)) resources[lang][ns] = data;
  }
}

/** Called with every namespace a translation is looked up in (the server records a page's). */
let observeLookup: ((lang: string, ns: string) => void) | null = null;
export function setLookupObserver(observer: typeof observeLookup) {
  observeLookup = observer;
}

declare global {
  interface Window {
    __i18n?: Resources;
  }
}
if (typeof window !== "undefined" && window.__i18n) addResources(window.__i18n);

export function isLang(value: unknown): value is Lang {
  return value === "fi" || value === "sv";
}

export function otherLang(lang: Lang): Lang {
  return lang === "fi" ? "sv" : "fi";
}

export const i18nConfig = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: false as const,
  defaultNS,
  ns: namespaces,
  interpolation: { escapeValue: false },
  // A namespace loaded after the first render re-renders the components that use it.
  react: { useSuspense: false, bindI18n: "languageChanged loaded" },
};

/** The language of a path like /sv/pilots, or null. */
export function langFromPath(pathname: string): Lang | null {
  const first = pathname.split("/")[1];
  return isLang(first) ? first : null;
}

/** The same path and query in the other language. */
/**
 * The intent of the language switch on a page whose form is carried over (a route's `handle.carryForm`
 * names the form): the form is posted to the other language's page, which shows it filled in, unsaved.
 */
export const SWITCH_LANGUAGE = "switchLanguage";

export function switchLangPath(pathname: string, search: string, to: Lang) {
  const parts = pathname.split("/");
  if (isLang(parts[1])) parts[1] = to;
  else parts.splice(1, 0, to);
  const path = parts.join("/").replace(/\/$/, "") || `/${to}`;
  return `${path}${search}`;
}

/** Loads a namespace missing in the browser from its chunk. */
const lazyBackend = {
  type: "backend" as const,
  init() {},
  read(lang: string, ns: string, done: (error: unknown, data?: Record<string, unknown>) => void) {
    const load = loaders[localeFile(lang, ns)];
    if (!load) return done(new Error(`no translations ${lang}/${ns}`));
    load().then(
      (data) => done(null, data),
      (error) => done(error),
    );
  },
};

const instances = new Map<Lang, I18n>();

/**
 * One ready i18next instance per language, shared between requests: its translations are the
 * process's store above, which only grows. The root route provides the one for the URL's language.
 */
export function getI18n(lang: Lang): I18n {
  let instance = instances.get(lang);
  if (!instance) {
    instance = createInstance();
    instance
      .use(initReactI18next)
      .use(lazyBackend)
      .init({
        ...i18nConfig,
        // Only what is here: a page asks for the rest when it needs it.
        ns: Object.keys(resources[lang]),
        lng: lang,
        resources,
        partialBundledLanguages: true,
        initImmediate: false,
      });
    // Every lookup goes through the store's getResource (untyped in i18next's declarations).
    const store = instance.services.resourceStore as unknown as { getResource: (...args: unknown[]) => unknown };
    const getResource = store.getResource.bind(store);
    store.getResource = (lng, ns, ...rest) => {
      observeLookup?.(String(lng), String(ns));
      return getResource(lng, ns, ...rest);
    };
    instances.set(lang, instance);
  }
  return instance;
}

/** In the browser: loads every namespace of a language (before the pages that use them are shown). */
export function loadLanguage(lang: Lang) {
  const instance = getI18n(lang);
  return instance.loadNamespaces(namespaces.filter((ns) => !instance.hasResourceBundle(lang, ns)));
}
