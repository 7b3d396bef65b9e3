import { Form, Link, NavLink, useLocation, useMatches, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IconLogin, IconLogout } from "~/components/icons";
import { otherLang, SWITCH_LANGUAGE, switchLangPath } from "~/i18n";
import type { RootData } from "~/root";
import { can } from "~/utils/capabilities";
import { hasUnsavedInput } from "~/utils/unsaved-form";
import { useLang } from "~/utils/use-lang";

/** Skip link, header with the service name, navigation, language switch, demo notice, footer. */
export function AppShell({ children, bare = false }: { children: React.ReactNode; bare?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
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
            {bare ? null : <LanguageSwitch />}
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

/**
 * The link to the same page in the other language. Typed input is never lost without a word
 * (docs/decisions/107): a page whose route names a form in `handle.carryForm` posts that form to the
 * other language's page, which shows it filled in (with or without JavaScript); elsewhere, with
 * JavaScript, the browser asks first when a form holds unsaved input.
 */
function LanguageSwitch() {
  const { t } = useTranslation();
  const other = otherLang(useLang());
  const location = useLocation();
  const matches = useMatches();
  const to = switchLangPath(location.pathname, location.search, other);
  const carryForm = matches
    .map((m) => (m.handle as { carryForm?: string } | undefined)?.carryForm)
    .filter(Boolean)
    .pop();
  if (carryForm)
    return (
      <button
        type="submit"
        form={carryForm}
        formAction={to}
        formMethod="post"
        formNoValidate
        name="intent"
        value={SWITCH_LANGUAGE}
        className="button-link lang-switch"
        lang={other}
      >
        {t(`switchTo.${other}`)}
      </button>
    );
  return (
    <Link
      className="lang-switch"
      to={to}
      hrefLang={other}
      lang={other}
      reloadDocument
      onClick={(e) => {
        if (hasUnsavedInput() && !window.confirm(t("langSwitch.confirm"))) e.preventDefault();
      }}
    >
      {t(`switchTo.${other}`)}
    </Link>
  );
}
