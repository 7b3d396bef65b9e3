import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { existingScope, municipalityOptions, organisationOptions } from "~db/queries/accounts.server";
import { createInvitation } from "~db/queries/account-links.server";
import { findUserByEmail } from "~db/queries/users.server";
import { ErrorSummary, Field, SelectField } from "~/components/field";
import { UserScopeFields } from "~/components/user-scope-fields";
import { getI18n, isLang, LANGUAGES } from "~/i18n";
import { INVITE_ROLES, InviteSchema, scopeErrors } from "~/utils/account-schemas";
import { accountEmail, queueAccountEmail, type InvitePayload } from "~/utils/accounts.server";
import { publicUrl } from "~/utils/email.server";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireLang } from "~/utils/lang.server";
import { requireAdmin } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import { useValidatedForm } from "~/utils/use-validated-form";

/** The schema, for the browser's check of the form (loaded when it is needed). */
const loadInviteSchema = () => import("~/utils/account-schemas").then((m) => m.InviteSchema);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requireAdmin(request, lang);
  const db = await getDb();
  const [municipalities, organisations] = await Promise.all([municipalityOptions(db), organisationOptions(db)]);
  return { municipalities, organisations };
}

/** The admin invites a staff member, a council member or another admin; the link works once, for 7 days. */
export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const admin = await requireAdmin(request, lang);
  const formData = await request.formData();
  const form = formValues(formData);
  const parsed = parseSubmission(formData, InviteSchema);
  if (!parsed.ok) return data({ sent: null, errors: parsed.errors, values: form }, { status: 400 });
  const invalidScope = scopeErrors(parsed.data);
  if (invalidScope) return data({ sent: null, errors: invalidScope, values: form }, { status: 400 });
  const db = await getDb();
  const base = publicUrl();
  const result = await db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, parsed.data.email);
    if (existing && !existing.disabledAt) return { exists: true as const };
    const scope =
      parsed.data.role === "staff"
        ? await existingScope(tx, parsed.data.municipalities, parsed.data.organisations)
        : { municipalities: [], organisations: [] };
    const payload: InvitePayload = {
      role: parsed.data.role,
      name: parsed.data.name,
      language: parsed.data.language,
      ...scope,
    };
    const { token, expiresAt } = await createInvitation(tx, admin.id, parsed.data.email, payload);
    const deliver = await queueAccountEmail(
      tx,
      accountEmail("invite", parsed.data.email, parsed.data.language, {
        name: parsed.data.name || parsed.data.email,
        role: getI18n(parsed.data.language).t(`account:roles.${parsed.data.role}`),
        inviter: admin.name || admin.email,
        link: `${base}/${parsed.data.language}/invite/${token}`,
        expires: expiresAt,
      }),
    );
    return { exists: false as const, deliver };
  });
  if (result.exists)
    return data(
      { sent: null, errors: { email: "admin:invite.exists" } as Record<string, string>, values: form },
      { status: 409 },
    );
  await result.deliver(db);
  return { sent: parsed.data.email, errors: undefined, values: undefined };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("admin:invite.title") },
];

export default function Invite() {
  const { municipalities, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const lang = useLang();
  const values = (result?.values ?? {}) as Record<string, string | string[]>;
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const { formProps, errors } = useValidatedForm(loadInviteSchema, result?.sent ? undefined : result, {
    id: `invite-${result?.sent ?? "form"}`,
  });
  const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/admin`}>{t("hub.title")}</Link> /{" "}
        <Link to={`/${lang}/admin/users`}>{t("users.title")}</Link>
      </p>
      <h1>{t("invite.title")}</h1>
      {result?.sent ? (
        <p className="notice notice-success" role="status">
          {t("invite.sent", { email: result.sent })}{" "}
          <Link to={`/${lang}/admin/outbox?to=${encodeURIComponent(result.sent)}`}>{t("invite.seeOutbox")}</Link>
        </p>
      ) : null}
      <p>{t("invite.lead")}</p>
      <Form method="post" key={result?.sent ?? "form"} {...formProps}>
        <ErrorSummary
          errors={errors}
          labels={{
            email: t("invite.email"),
            name: t("invite.name"),
            language: t("invite.language"),
            role: t("scope.role"),
            municipalities: t("scope.municipalities"),
            organisations: t("scope.organisations"),
          }}
        />
        <Field
          name="email"
          type="email"
          label={t("invite.email")}
          autoComplete="off"
          required
          defaultValue={str(values.email)}
          error={errors?.email}
        />
        <Field
          name="name"
          label={t("invite.name")}
          hint={t("invite.nameHint")}
          autoComplete="off"
          defaultValue={str(values.name)}
          error={errors?.name}
        />
        <SelectField
          name="language"
          label={t("invite.language")}
          required
          none={null}
          value={str(values.language) ?? lang}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          error={errors?.language}
        />
        <UserScopeFields
          municipalities={municipalities}
          organisations={organisations}
          roles={INVITE_ROLES}
          errors={errors}
          selected={{
            role: str(values.role),
            municipalities: list(values.municipalities),
            organisations: list(values.organisations).map(Number),
          }}
        />
        <button type="submit" className="button">
          {t("invite.submit")}
        </button>
      </Form>
    </div>
  );
}
