import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PILOT_FORM_ID, PilotForm } from "~/components/pilot-form";
import { getI18n, isLang } from "~/i18n";
import { withPicked } from "~/utils/artist-picker";
import { requireLang } from "~/utils/lang.server";
import { can, requireUserWho } from "~/utils/permissions.server";
import { formOptions, handlePilotForm, newPilotValues } from "~/utils/pilot-form.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";

/** The language switch carries the half-filled form to the other language. */
export const handle = { carryForm: PILOT_FORM_ID };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUserWho(request, lang, can.createPilot);
  const options = await formOptions();
  return { options, values: await newPilotValues(user, lang, options) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const user = await requireUserWho(request, lang, can.createPilot);
  return handlePilotForm(request, lang, user, null);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("pilots:form.newTitle") },
];

export default function NewPilot() {
  const { options, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("pilots");
  const lang = useLang();
  return (
    <div>
      <h1>{t("form.newTitle")}</h1>
      <PilotForm
        values={actionData?.values ?? values}
        result={actionData}
        carried={actionData != null && "carried" in actionData}
        options={withPicked(options, actionData)}
        state="new"
        cancelTo={`/${lang}/pilots`}
      />
    </div>
  );
}
