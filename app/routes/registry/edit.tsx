import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedText } from "~/components/localized-text";
import { PILOT_FORM_ID, PilotForm } from "~/components/pilot-form";
import { RevisionNote } from "~/components/pilot-review";
import { getI18n, isLang } from "~/i18n";
import { withPicked } from "~/utils/artist-picker";
import { requireId, requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { isCouncil, notFound, requirePilotEditor } from "~/utils/permissions.server";
import { editPilotValues, formOptions, handlePilotForm } from "~/utils/pilot-form.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";

/** The language switch carries the half-filled form to the other language. */
export const handle = { carryForm: PILOT_FORM_ID };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const id = requireId(params.id);
  const user = await requirePilotEditor(request, lang, id);
  const options = await formOptions();
  const current = await editPilotValues(id, lang, options);
  if (!current) notFound();
  return {
    id,
    options,
    values: current.values,
    version: current.version,
    state: current.state,
    returnComment: current.returnComment,
    title: current.input.title,
    revision: current.revision,
    council: isCouncil(user),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const id = requireId(params.id);
  const user = await requirePilotEditor(request, lang, id);
  return handlePilotForm(request, lang, user, id);
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => {
  const lang = isLang(params.lang) ? params.lang : "fi";
  const t = getI18n(lang).t;
  return [{ title: `${t("pilots:form.editTitle")}: ${localizedString(data?.title, lang) || t("pilots:untitled")}` }];
};

export default function EditPilot() {
  const { id, options, values, version, state, returnComment, title, revision, council } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("pilots");
  const lang = useLang();
  return (
    <div>
      <h1>
        {t("form.editTitle")}: <LocalizedText value={title} emptyText={t("untitled")} />
      </h1>
      {revision ? <RevisionNote revision={revision} council={council} /> : null}
      <PilotForm
        key={actionData?.version ?? version}
        values={actionData?.values ?? values}
        result={actionData}
        carried={actionData != null && "carried" in actionData}
        conflict={actionData?.conflict}
        options={withPicked(options, actionData)}
        version={actionData?.version ?? version}
        state={state}
        returnComment={returnComment}
        cancelTo={`/${lang}/pilots/${id}`}
      />
    </div>
  );
}
