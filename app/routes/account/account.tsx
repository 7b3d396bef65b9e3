import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useValidatedForm } from "~/utils/use-validated-form";
import { getDb } from "~db/client.server";
import { endOtherSessions, listUserSessions } from "~db/queries/sessions.server";
import { changePassword, passwordHashOf } from "~db/queries/users.server";
import { ErrorSummary, Field } from "~/components/field";
import { RowTable } from "~/components/row-table";
import { getI18n, isLang } from "~/i18n";
import { formatDateTime } from "~/utils/format";
import { parseSubmission } from "~/utils/forms";
import { AccountIntent } from "~/utils/own-account-schema";
import { requireLang } from "~/utils/lang.server";
import { hashPassword, verifyPassword } from "~shared/password.server";
import { checkPassword } from "~/utils/password-policy.server";
import { requireUser } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { sessionAlive } from "~/utils/session.server";
import {
  actionKey,
  clearFailures,
  lockedFor,
  recordFailure,
  throttleHeaders,
  tooManyRequests,
} from "~db/queries/throttle.server";
import { describeAgent } from "~/utils/user-agent";

export const headers = throttleHeaders;
import { useLang } from "~/utils/use-lang";

/** The signed-in user's own account: who they are, where they are signed in, their password. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request, lang);
  const db = await getDb();
  const rows = await listUserSessions(db, user.id);
  // Sessions idle too long are over even before their row is cleaned up: not listed.
  const alive = rows.filter((s) => sessionAlive({ ...s, role: user.role }));
  // The session ids are secrets: the page gets a short handle, never the id itself.
  const list = alive.map((s) => ({
    handle: s.id.slice(0, 12),
    current: s.id === user.sessionId,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    userAgent: describeAgent(s.userAgent),
    ip: s.ip,
  }));
  return { user: { name: user.name, email: user.email, role: user.role }, sessions: list };
}

/** The schema, for the browser's check of the form (loaded when it is needed, docs/decisions/146). */
const loadIntent = () => import("~/utils/own-account-schema").then((m) => m.AccountIntent);

function throttledPassword(seconds: number) {
  return tooManyRequests(seconds, {
    intent: "password",
    errors: { _form: "common:throttle.password" } as Record<string, string>,
    done: null as string | null,
    retryMinutes: Math.ceil(seconds / 60),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const user = await requireUser(request, lang);
  const parsed = parseSubmission(await request.formData(), AccountIntent);
  if (!parsed.ok)
    return data({ intent: "password", errors: parsed.errors, done: null as string | null }, { status: 400 });
  const db = await getDb();
  const input = parsed.data;

  if (input.intent === "endSession" || input.intent === "endOthers") {
    const ended = await endOtherSessions(db, user, input.intent === "endOthers" ? undefined : input.handle);
    throw redirect(`/${lang}/account?ended=${ended}`);
  }

  const errors: Record<string, string> = {};
  // Guessing the current password is throttled as sign-in is: while locked, not even checked.
  const guessKey = actionKey("password", user.id);
  const wait = await lockedFor(db, [guessKey]);
  if (wait) return throttledPassword(wait);
  if (!(await verifyPassword(await passwordHashOf(db, user.id), input.current))) {
    const locked = await recordFailure(db, [guessKey]);
    if (locked) return throttledPassword(locked);
    errors.current = "myAccount.wrongCurrent";
  } else await clearFailures(db, guessKey);
  const policy = checkPassword(input.password, { email: user.email, name: user.name });
  if (policy) errors.password = policy;
  else if (input.password !== input.confirm) errors.confirm = "myAccount.mismatch";
  if (Object.keys(errors).length)
    return data({ intent: "password", errors, done: null as string | null }, { status: 400 });
  const passwordHash = await hashPassword(input.password);
  // A new password ends every other session (whoever knew the old one is signed out) and every reset
  // link still out there (a link asked for before the change must not undo it).
  await changePassword(db, user, passwordHash);
  return data({
    intent: "password",
    errors: {} as Record<string, string>,
    done: "myAccount.passwordChanged" as string | null,
  });
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("myAccount.title") },
];

export default function Account() {
  const { t } = useTranslation();
  const lang = useLang();
  const { user, sessions: list } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const ended = Number(params.get("ended") ?? "") || 0;
  const { formProps, errors } = useValidatedForm(
    loadIntent,
    actionData?.intent === "password" ? actionData : undefined,
  );
  const others = list.filter((s) => !s.current);
  return (
    <div className="narrow">
      <h1>{t("myAccount.title")}</h1>
      <dl className="facts">
        <dt>{t("myAccount.name")}</dt>
        <dd>{user.name || "–"}</dd>
        <dt>{t("myAccount.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("myAccount.role")}</dt>
        <dd>{t(`roles.${user.role}`)}</dd>
      </dl>

      <h2 id="sessions">{t("myAccount.sessions")}</h2>
      <p>{t("myAccount.sessionsIntro")}</p>
      {ended ? (
        <p className="notice notice-success" role="status">
          {t("myAccount.ended", { count: ended })}
        </p>
      ) : null}
      <RowTable
        caption={t("myAccount.sessions")}
        captionHidden
        rows={list}
        rowKey={(s) => s.handle}
        columns={[
          { key: "signedIn", header: t("myAccount.signedIn"), cell: (s) => formatDateTime(lang, s.createdAt) },
          { key: "lastSeen", header: t("myAccount.lastSeen"), cell: (s) => formatDateTime(lang, s.lastSeenAt) },
          {
            key: "device",
            header: t("myAccount.device"),
            cell: (s) => `${s.userAgent ?? t("myAccount.unknownDevice")}${s.ip ? ` (${s.ip})` : ""}`,
          },
          {
            key: "actions",
            header: <span className="visually-hidden">{t("myAccount.actions")}</span>,
            cell: (s) =>
              s.current ? (
                <strong>{t("myAccount.thisSession")}</strong>
              ) : (
                <Form method="post" action={`/${lang}/account`}>
                  <input type="hidden" name="intent" value="endSession" />
                  <input type="hidden" name="handle" value={s.handle} />
                  <button
                    type="submit"
                    className="button button-secondary"
                    aria-label={t("myAccount.endSessionFrom", { date: formatDateTime(lang, s.createdAt) })}
                  >
                    {t("myAccount.endSession")}
                  </button>
                </Form>
              ),
          },
        ]}
      />
      {others.length ? (
        <Form method="post" action={`/${lang}/account`}>
          <input type="hidden" name="intent" value="endOthers" />
          <button type="submit" className="button button-secondary">
            {t("myAccount.endOthers", { count: others.length })}
          </button>
        </Form>
      ) : (
        <p>{t("myAccount.noOthers")}</p>
      )}

      <h2 id="password">{t("myAccount.changePassword")}</h2>
      {actionData?.done ? (
        <p className="notice notice-success" role="status">
          {t(actionData.done)}
        </p>
      ) : null}
      <Form method="post" action={`/${lang}/account`} {...formProps}>
        <input type="hidden" name="intent" value="password" />
        <ErrorSummary
          errors={errors && Object.keys(errors).length ? errors : undefined}
          labels={{
            current: t("myAccount.current"),
            password: t("myAccount.newPassword"),
            confirm: t("myAccount.confirm"),
          }}
        />
        {actionData && "retryMinutes" in actionData && actionData.retryMinutes ? (
          <p className="notice">{t("throttle.retryIn", { count: Number(actionData.retryMinutes) })}</p>
        ) : null}
        <Field
          name="current"
          type="password"
          label={t("myAccount.current")}
          autoComplete="current-password"
          required
          error={errors?.current}
        />
        <Field
          name="password"
          type="password"
          label={t("myAccount.newPassword")}
          hint={t("myAccount.passwordHint")}
          autoComplete="new-password"
          required
          error={errors?.password}
        />
        <Field
          name="confirm"
          type="password"
          label={t("myAccount.confirm")}
          autoComplete="new-password"
          required
          error={errors?.confirm}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("myAccount.savePassword")}
        </button>
      </Form>
    </div>
  );
}
