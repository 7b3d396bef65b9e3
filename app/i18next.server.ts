import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { createInstance } from "i18next";
import { DEFAULT_LANG, LANGUAGES, i18nConfig, type Lang } from "./i18n";

/** Remembers the last language the user chose; read by `/` to pick where to go. */
export const langCookie = createCookie("lang", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: DEFAULT_LANG,
    cookie: langCookie,
    order: ["cookie", "header"],
  },
  i18next: i18nConfig,
});

/** A translation function for a server-side text (emails, exports, headers). */
export async function serverT(lang: Lang, ns = "common") {
  const instance = createInstance();
  await instance.init({ ...i18nConfig, lng: lang });
  return instance.getFixedT(lang, ns);
}
