/**
 * The browser's react-i18next (docs/decisions/146), over ./i18next: the provider, `useTranslation`
 * (re-rendering when a namespace it uses arrives, and asking for it when it is missing) and the
 * plugin that makes an instance the default. The client build resolves `react-i18next` here
 * (vite.config.ts); the server renders with react-i18next itself.
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { i18n as I18n, TFunction } from "./i18next";

const I18nContext = createContext<I18n | null>(null);
let fallback: I18n | null = null;

export const initReactI18next = {
  type: "3rdParty",
  init(instance: I18n) {
    fallback = instance;
  },
};

export function I18nextProvider({ i18n, children }: { i18n: I18n; children?: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useTranslation(ns?: string | string[]) {
  const i18n = useContext(I18nContext) ?? fallback;
  if (!i18n) throw new Error("useTranslation needs an i18next instance");
  const first = (typeof ns === "string" ? ns : ns?.[0]) ?? (i18n.options.defaultNS as string) ?? "translation";
  const [revision, setRevision] = useState(0);
  const ready = i18n.hasLoadedNamespace(first);
  useEffect(() => {
    const bump = () => setRevision((r) => r + 1);
    i18n.on("loaded", bump);
    if (!i18n.hasLoadedNamespace(first)) i18n.loadNamespaces(first).catch(() => undefined);
    return () => i18n.off("loaded", bump);
  }, [i18n, first]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `t` when translations arrive
  const t: TFunction = useMemo(() => i18n.getFixedT(null, first), [i18n, first, revision]);
  return Object.assign([t, i18n, ready] as const, { t, i18n, ready });
}
