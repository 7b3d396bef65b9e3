import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { i18next } from "~/i18next.server";

/** `/` goes to the language of the cookie, then Accept-Language, then Finnish. */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await i18next.getLocale(request);
  return redirect(`/${lang === "sv" ? "sv" : "fi"}`);
}
