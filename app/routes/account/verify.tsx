import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { verifyEmailWithLink } from "~db/queries/account-links.server";
import { TokenProblem, type TokenState } from "~/components/account-forms";
import { getI18n, isLang } from "~/i18n";
import { requireLang } from "~/utils/lang.server";
import { assertSameOrigin } from "~/utils/security.server";
import { signInAndRedirect } from "~/utils/session.server";
import { inspectToken } from "~db/queries/tokens.server";
import { unusableToken } from "~/utils/token-links.server";
import { useLang } from "~/utils/use-lang";

/**
 * Opening the link only shows a button: mail scanners that fetch links must not use the token
 * (docs/decisions/010). The POST verifies the address and signs the artist in.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  const db = await getDb();
  const { status, token } = await inspectToken(db, "verify", params.token);
  if (status !== "valid" || !token) return unusableToken(status, { email: "" });
  return { state: "valid" as TokenState, email: token.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const db = await getDb();
  const userId = await verifyEmailWithLink(db, params.token);
  if (!userId) {
    const { status } = await inspectToken(db, "verify", params.token);
    return unusableToken(status, { email: "" });
  }
  return signInAndRedirect(request, userId, `/${lang}/me/artist`);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("account:verify.title") },
];

export default function VerifyEmail() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const lang = useLang();
  const state = result?.state ?? loaded.state;
  if (state !== "valid")
    return <TokenProblem state={state} requestNew={{ to: `/${lang}/register`, label: t("token.registerAgain") }} />;
  return (
    <div className="narrow">
      <h1>{t("verify.title")}</h1>
      <p>{t("verify.lead", { email: loaded.email })}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("verify.submit")}
        </button>
      </Form>
    </div>
  );
}
