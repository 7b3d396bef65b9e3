import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IconLogin, IconLogout } from "~/components/icons";
import { otherLang, switchLangPath } from "~/i18n";
import type { RootData } from "~/root";
import { can } from "~/utils/capabilities";
import { useLang } from "~/utils/use-lang";

/** Skip link, header with the service name, navigation, language switch, demo notice, footer. */
export function AppShell({ children, bare = false }: { children: React.ReactNode; bare?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const other = otherLang(lang);
  const location = useLocation();
  const root = useRouteLoaderData<RootData>("root");
  const user = root?.user ?? null;
  const nav = [
    { to: `/${lang}/pilots`, label: t("nav.pilots") },
    { to: `/${lang}/artists`, label: t("nav.artists") },
    { to: `/${lang}/dashboard`, label: t("nav.dashboard") },
  ];
  if (can.createPilot(user)) nav.push({ to: `/${lang}/follow-ups`, label: t("nav.followUps") });
  if (can.administer(user)) nav.push({ to: `/${lang}/admin`, label: t("nav.admin") });
  if (can.haveArtistProfile(user)) nav.push({ to: `/${lang}/me/artist`, label: t("nav.myProfile") });

  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to={`/${lang}`} className="brand">
            <span className="brand-name">{t("serviceName")}</span>
            <span className="brand-tagline">{t("serviceTagline")}</span>
          </Link>
          <div className="header-tools">
            {bare ? null : (
              <Link
                className="lang-switch"
                to={switchLangPath(location.pathname, location.search, other)}
                hrefLang={other}
                lang={other}
                reloadDocument
              >
                {t(`switchTo.${other}`)}
              </Link>
            )}
            {bare ? null : user ? (
              <Form method="post" action={`/${lang}/logout`} className="inline-form">
                <Link
                  to={`/${lang}/account`}
                  className="user-name"
                  aria-label={`${t("nav.account")}: ${user.name || user.email}`}
                >
                  {user.name || user.email}
                </Link>{" "}
                <button type="submit" className="button-link with-icon">
                  <IconLogout aria-hidden="true" focusable="false" className="icon" />
                  {t("signOut")}
                </button>
              </Form>
            ) : (
              <Link to={`/${lang}/login`} className="with-icon">
                <IconLogin aria-hidden="true" focusable="false" className="icon" />
                {t("signIn")}
              </Link>
            )}
          </div>
        </div>
        {bare ? null : (
          <nav aria-label={t("nav.label")} className="main-nav">
            <ul className="container">
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} prefetch="intent">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      {root?.demo && !bare ? (
        <div className="demo-notice" role="note">
          <div className="container">{t("demoNotice")}</div>
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container footer-row">
          <p>{t("footer.about")}</p>
          {bare ? null : (
            <ul>
              <li>
                <Link to={`/${lang}/accessibility`}>{t("footer.accessibility")}</Link>
              </li>
              <li>
                <Link to={`/${lang}/privacy`}>{t("footer.privacy")}</Link>
              </li>
              <li>
                <Link to={`/${lang}/open-data`}>{t("footer.openData")}</Link>
              </li>
            </ul>
          )}
        </div>
      </footer>
    </>
  );
}
