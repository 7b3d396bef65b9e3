import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { deleteDraft } from "~db/queries/pilot-write.server";
import { pilotHeading } from "~db/queries/pilot-form-data.server";
import { getI18n, isLang } from "~/i18n";
import { requireId, requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { requirePilotEditor } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";

async function draft(id: number) {
  const db = await getDb();
  return pilotHeading(db, id);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const id = requireId(params.id);
  await requirePilotEditor(request, lang, id);
  const p = await draft(id);
  return { id, title: localizedString(p.title, lang), isDraft: p.state === "draft" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const id = requireId(params.id);
  const user = await requirePilotEditor(request, lang, id);
  const db = await getDb();
  const ok = await deleteDraft(db, id, user.id);
  // Only drafts can be deleted: anything else is refused and nothing changes.
  if (!ok) throw data({ status: 409 }, { status: 409 });
  return redirect(`/${lang}/pilots?deleted=1`);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("pilots:actions.deleteTitle") },
];

export default function DeletePilot() {
  const { id, title, isDraft } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pilots");
  const lang = useLang();
  return (
    <div className="narrow">
      <h1>{t("actions.deleteTitle")}</h1>
      {isDraft ? (
        <>
          <p>{t("actions.deleteText", { title: title || t("untitled") })}</p>
          <Form method="post">
            <button type="submit" className="button button-danger">
              {t("actions.deleteConfirm")}
            </button>{" "}
            <Link to={`/${lang}/pilots/${id}`}>{t("form.cancel")}</Link>
          </Form>
        </>
      ) : (
        <p className="notice notice-warning">
          {t("actions.deleteOnlyDrafts")} <Link to={`/${lang}/pilots/${id}`}>{t("form.cancel")}</Link>
        </p>
      )}
    </div>
  );
}
