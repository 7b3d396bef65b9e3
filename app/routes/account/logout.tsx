import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireLang } from "~/utils/lang.server";
import { assertSameOrigin } from "~/utils/security.server";
import { destroySession } from "~/utils/session.server";

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  return redirect(`/${lang}`, { headers: { "Set-Cookie": await destroySession(request) } });
}

export async function loader({ params }: { params: { lang?: string } }) {
  const lang = requireLang(params);
  return redirect(`/${lang}`);
}
