import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { municipalityOptions, organisationOptions } from "~db/queries/accounts.server";
import { countUserSessions } from "~db/queries/sessions.server";
import { disableUser, enableUser, getUserForAdmin, updateRoleAndScope } from "~db/queries/users.server";
import { ROLES } from "~shared/codes";
import { ErrorSummary } from "~/components/field";
import { UserScopeFields } from "~/components/user-scope-fields";
import { getI18n, isLang } from "~/i18n";
import { UserIntentSchema, UserUpdateSchema, scopeErrors } from "~/utils/account-schemas";
import { collator, formatDateTime } from "~/utils/format";
import { localizedString } from "~/utils/localized";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireId, requireLang } from "~/utils/lang.server";
import { notFound, requireAdmin, staffScope } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import { useValidatedForm } from "~/utils/use-validated-form";

/** The schema, for the browser's check of the form (loaded when it is needed). */
const loadUserUpdateSchema = () => import("~/utils/account-schemas").then((m) => m.UserUpdateSchema);

async function loadUser(id: number) {
  const user = await getUserForAdmin(await getDb(), id);
  if (!user) notFound();
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const admin = await requireAdmin(request, lang);
  const id = requireId(params.id);
  const user = await loadUser(id);
  const db = await getDb();
  const [scope, n, municipalities, organisations] = await Promise.all([
    staffScope(id),
    countUserSessions(db, id),
    municipalityOptions(db),
    organisationOptions(db),
  ]);
  return { user, scope, sessions: n, self: admin.id === id, municipalities, organisations };
}

/** Change role and scope; disable (ends every session at once, after a confirmation step); enable. */
export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const admin = await requireAdmin(request, lang);
  const id = requireId(params.id);
  const formData = await request.formData();
  const form = formValues(formData);
  const intent = parseSubmission(formData, UserIntentSchema);
  if (!intent.ok)
    return data({ errors: { _form: "validation.invalid" } as Record<string, string>, done: null }, { status: 400 });
  const user = await loadUser(id);
  // An admin cannot lock themselves out: no change of their own role, no disabling themselves.
  if (user.id === admin.id)
    return data({ errors: { _form: "admin:user.self" } as Record<string, string>, done: null }, { status: 409 });
  const db = await getDb();

  if (intent.data.intent === "update") {
    const parsed = parseSubmission(formData, UserUpdateSchema);
    if (!parsed.ok) return data({ errors: parsed.errors, done: null }, { status: 400 });
    const invalid = parsed.data.role === "staff" ? scopeErrors({ ...parsed.data, role: "staff" }) : null;
    if (invalid) return data({ errors: invalid, done: null }, { status: 400 });
    await updateRoleAndScope(db, admin.id, id, parsed.data.role, parsed.data);
    return { errors: undefined, done: "saved" as const };
  }

  if (intent.data.intent === "disable") {
    if (form.confirm !== "yes") throw redirect(`/${lang}/admin/users/${id}?confirm=disable`);
    await disableUser(db, admin.id, id);
    return { errors: undefined, done: "disabled" as const };
  }

  await enableUser(db, admin.id, id);
  return { errors: undefined, done: "enabled" as const };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("admin:user.title") },
];

export default function UserDetail() {
  const { user, scope, sessions: sessionCount, self, municipalities, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation("admin");
  const lang = useLang();
  const confirming = search.get("confirm") === "disable" && !user.disabledAt && !self;
  const { formProps, errors } = useValidatedForm(loadUserUpdateSchema, result);
  const sort = collator(lang);
  const scopeNames = [
    ...municipalities
      .filter((m) => scope.municipalities.includes(m.code))
      .map((m) => localizedString(m.name, lang))
      .sort(sort.compare),
    ...organisations
      .filter((o) => scope.organisations.includes(o.id))
      .map((o) => localizedString(o.name, lang))
      .sort(sort.compare),
  ].join(", ");
  return (
    <div className="narrow">
      <p className="breadcrumbs">
        <Link to={`/${lang}/admin`}>{t("hub.title")}</Link> /{" "}
        <Link to={`/${lang}/admin/users`}>{t("users.title")}</Link>
      </p>
      <h1>{user.name || user.email}</h1>
      {result?.done ? (
        <p className="notice notice-success" role="status">
          {t(`user.done.${result.done}`)}
        </p>
      ) : null}
      <dl className="facts">
        <div className="facts-row">
          <dt>{t("user.email")}</dt>
          <dd>{user.email}</dd>
        </div>
        <div className="facts-row">
          <dt>{t("users.role")}</dt>
          <dd>{t(`account:roles.${user.role}`)}</dd>
        </div>
        {user.role === "staff" ? (
          <div className="facts-row">
            <dt>{t("users.scope")}</dt>
            <dd>{scopeNames || t("users.noScope")}</dd>
          </div>
        ) : null}
        <div className="facts-row">
          <dt>{t("users.state")}</dt>
          <dd>
            {user.disabledAt
              ? t("user.disabledSince", { date: formatDateTime(lang, user.disabledAt) })
              : t("users.active")}
            {user.emailVerifiedAt ? null : ` · ${t("users.unverified")}`}
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t("user.sessions")}</dt>
          <dd>{sessionCount}</dd>
        </div>
        <div className="facts-row">
          <dt>{t("user.created")}</dt>
          <dd>{formatDateTime(lang, user.createdAt)}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/${lang}/admin/audit?entityType=user&entityId=${user.id}`}>{t("user.auditLink")}</Link>
      </p>

      {self ? (
        <p className="notice">{t("user.selfNote")}</p>
      ) : confirming ? (
        <section aria-labelledby="confirm-title" className="notice notice-warning">
          <h2 id="confirm-title">{t("user.confirmTitle")}</h2>
          <p>{t("user.confirmText", { name: user.name || user.email })}</p>
          <Form method="post" action={`/${lang}/admin/users/${user.id}`} className="inline-form">
            <input type="hidden" name="intent" value="disable" />
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" className="button button-danger">
              {t("user.confirmDisable")}
            </button>
          </Form>{" "}
          <Link to={`/${lang}/admin/users/${user.id}`}>{t("user.cancel")}</Link>
        </section>
      ) : (
        <>
          <h2>{t("user.editTitle")}</h2>
          <Form method="post" {...formProps}>
            <ErrorSummary
              errors={errors}
              labels={{
                role: t("scope.role"),
                municipalities: t("scope.municipalities"),
                organisations: t("scope.organisations"),
              }}
            />
            <input type="hidden" name="intent" value="update" />
            <UserScopeFields
              municipalities={municipalities}
              organisations={organisations}
              roles={ROLES}
              errors={errors}
              selected={{ role: user.role, ...scope }}
            />
            <button type="submit" className="button">
              {t("user.save")}
            </button>
          </Form>
          <h2>{user.disabledAt ? t("user.enableTitle") : t("user.disableTitle")}</h2>
          <p>{user.disabledAt ? t("user.enableText") : t("user.disableText")}</p>
          {user.disabledAt ? (
            <Form method="post">
              <input type="hidden" name="intent" value="enable" />
              <button type="submit" className="button button-secondary">
                {t("user.enable")}
              </button>
            </Form>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="disable" />
              <button type="submit" className="button button-danger">
                {t("user.disable")}
              </button>
            </Form>
          )}
        </>
      )}
    </div>
  );
}
