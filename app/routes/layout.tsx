import { data, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { langCookie } from "~/i18next.server";
import { requireLang } from "~/utils/lang.server";

/** Every page lives under /fi or /sv; any other prefix is a 404. Remembers the language in a cookie. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const current = await langCookie.parse(request.headers.get("Cookie"));
  if (current === lang) return { lang };
  return data({ lang }, { headers: { "Set-Cookie": await langCookie.serialize(lang) } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const cookie = loaderHeaders.get("Set-Cookie");
  return cookie ? { "Set-Cookie": cookie } : new Headers();
};

export default function LangLayout() {
  return <Outlet />;
}
