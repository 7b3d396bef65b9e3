import { data } from "@remix-run/node";
import { isLang, type Lang } from "~/i18n";

/** The language from the route params; an unknown prefix is a 404. */
export function requireLang(params: { lang?: string }): Lang {
  if (!isLang(params.lang)) throw data({ status: 404 }, { status: 404 });
  return params.lang;
}

/** A positive integer id from the route params, or a 404. */
export function requireId(value: string | undefined): number {
  if (!value || !/^\d{1,9}$/.test(value)) throw data({ status: 404 }, { status: 404 });
  return Number(value);
}
