import { redirect } from "@remix-run/node";
import { resourceHeaders } from "~/utils/security.server";

export function loader() {
  return redirect("/favicon.svg", { status: 301, headers: resourceHeaders() });
}
