import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLang, langFromPath, loadLanguage } from "./i18n";
import { keepFocusAboveStickyBars } from "./utils/keep-focus-visible";

keepFocusAboveStickyBars();

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

/**
 * The page came with the translations it was rendered with (app/i18n.ts). When the user first leaves
 * it inside the app, the rest of the language is loaded while the next page's data is fetched; a page
 * of the other language (a carried-over form) loads that language.
 */
const loading = new Set<string>();
function loadFor(path: string | undefined) {
  const lang = langFromPath(path ?? "") ?? document.documentElement.lang;
  if (!isLang(lang) || loading.has(lang)) return;
  loading.add(lang);
  loadLanguage(lang).catch(() => loading.delete(lang));
}
type Router = { subscribe(fn: (state: { navigation: { location?: { pathname: string } } }) => void): void };
(window as unknown as { __remixRouter?: Router }).__remixRouter?.subscribe((state) => {
  if (state.navigation.location) loadFor(state.navigation.location.pathname);
});
