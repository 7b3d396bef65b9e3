import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { I18nextProvider } from "react-i18next";
import { DEFAULT_LANG, getI18n, isLang, LANGUAGES, langFromPath, type Lang } from "./i18n";
import { AppShell } from "./components/app-shell";
import { ErrorView } from "./components/error-view";
import { getUser } from "./utils/session.server";
import { demoDataPresent } from "~db/queries/demo.server";
import { useNonce } from "./utils/nonce";
import { publicUrl } from "./utils/email.server";
import { canonicalUrl, languageAlternates } from "./utils/seo";
import tokensHref from "./styles/tokens.css?url";
import appHref from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tokensHref },
  { rel: "stylesheet", href: appHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang: Lang = isLang(params.lang) ? params.lang : DEFAULT_LANG;
  const [user, demo] = await Promise.all([getUser(request), demoDataPresent()]);
  return {
    lang,
    origin: new URL(request.url).origin,
    /** PUBLIC_URL: the canonical and alternate links are built on it, never on the request's Host. */
    baseUrl: publicUrl(),
    user: user ? { name: user.name, email: user.email, role: user.role } : null,
    demo,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const nonce = useNonce();
  const urlLang = langFromPath(location.pathname);
  const lang = urlLang ?? data?.lang ?? DEFAULT_LANG;
  const error = useRouteError();
  const errorStatus = error ? (isRouteErrorResponse(error) ? error.status : 500) : null;
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {errorStatus ? <title>{errorTitle(errorStatus, langFromPath(location.pathname))}</title> : null}
        <Meta />
        <Links />
        {data && !errorStatus && urlLang ? (
          <>
            <link rel="canonical" href={canonicalUrl(data.baseUrl, location.pathname, location.search, urlLang)} />
            {languageAlternates(data.baseUrl, location.pathname, location.search).map((a) => (
              <link key={a.hrefLang} rel="alternate" hrefLang={a.hrefLang} href={a.href} />
            ))}
          </>
        ) : null}
      </head>
      <body>
        <I18nextProvider i18n={getI18n(lang)}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** The error page's title, in both languages when the URL has none. */
function errorTitle(status: number, lang: Lang | null) {
  const key = `errors.${[401, 403, 404, 429].includes(status) ? status : 500}.title`;
  return lang ? getI18n(lang).t(key) : LANGUAGES.map((l) => getI18n(l).t(key)).join(" / ");
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // In the browser only: the server logged it already, without its secrets (entry.server handleError).
  if (!isRouteErrorResponse(error) && typeof document !== "undefined") console.error(error);
  // An unknown language prefix has no language: say it in both.
  const lang = langFromPath(location.pathname);
  return (
    <AppShell bare={!lang}>
      <ErrorView status={status} bilingual={!lang} />
    </AppShell>
  );
}
