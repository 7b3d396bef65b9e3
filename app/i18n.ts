/** i18next configuration shared by the server and the browser (docs/decisions/001). */
import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
export const LANGUAGES = ["fi", "sv"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "fi";
export const defaultNS = "common";

const files = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json", { eager: true });

/** All namespaces of both languages, bundled: small, and no request waits for a translation file. */
export const resources: Record<Lang, Record<string, Record<string, unknown>>> = { fi: {}, sv: {} };
for (const [file, mod] of Object.entries(files)) {
  const m = file.match(/locales\/(fi|sv)\/([\w-]+)\.json$/);
  if (m) resources[m[1] as Lang][m[2]] = mod.default;
}
export const namespaces = Object.keys(resources.fi);

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
  resources,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
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

const instances = new Map<Lang, I18n>();

/**
 * One ready i18next instance per language. The resources are bundled and never change, so the
 * instances are shared safely between requests; the root route provides the one for the URL's language.
 */
export function getI18n(lang: Lang): I18n {
  let instance = instances.get(lang);
  if (!instance) {
    instance = createInstance();
    instance.use(initReactI18next).init({ ...i18nConfig, lng: lang, initImmediate: false });
    instances.set(lang, instance);
  }
  return instance;
}
