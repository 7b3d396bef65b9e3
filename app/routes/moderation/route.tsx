import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { errorText } from "~/utils/messages";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { moderate, moderationQueue } from "~db/queries/artist-moderation.server";
import { VersionConflict } from "~db/queries/artists.server";
import { LocalizedText } from "~/components/localized-text";
import { PendingRevisions } from "~/components/pilot-review";
import { pendingRevisions } from "~db/queries/pilot-revisions.server";
import { getI18n, isLang } from "~/i18n";
import { ModerationSchema } from "~/utils/artist-schemas";
import { deliverEmail, publicUrl } from "~/utils/email.server";
import { formatDateTime } from "~/utils/format";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { can, notFound, requireUserWho } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import { useValidatedForm } from "~/utils/use-validated-form";

/** The schema, for the browser's check of the form (loaded when it is needed). */
const loadModerationSchema = () => import("~/utils/artist-schemas").then((m) => m.ModerationSchema);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requireUserWho(request, lang, can.moderate);
  const db = await getDb();
  const [queue, pilotRevisions] = await Promise.all([moderationQueue(db), pendingRevisions(db)]);
  return { ...queue, pilotRevisions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const user = await requireUserWho(request, lang, can.moderate);
  const formData = await request.formData();
  const form = formValues(formData);
  const parsed = parseSubmission(formData, ModerationSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, target: `${form.entity}-${form.id}` }, { status: 400 });
  const db = await getDb();
  try {
    const result = await moderate(db, user.id, parsed.data, (n) => {
      const t = getI18n(n.language).t;
      const key = `artists:moderation.email.${n.intent}.${n.entity}`;
      return {
        subject: t(`${key}.subject`, { name: n.name }),
        body: t(`${key}.body`, {
          name: n.name,
          reason: n.reason ?? "",
          url: `${publicUrl()}/${n.language}/me/artist`,
        }),
      };
    });
    if (!result) notFound();
    if (result.mail) await deliverEmail(db, result.mail.id, result.mail.email);
  } catch (error) {
    if (error instanceof VersionConflict)
      return data(
        { errors: { _form: "artists:errors.conflict" } as Record<string, string>, target: `${form.entity}-${form.id}` },
        { status: 409 },
      );
    throw error;
  }
  return redirect(`/${lang}/moderation?done=${parsed.data.intent}`);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("artists:moderation.title") },
];

export default function Moderation() {
  const { artists, services, pilotRevisions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation("artists");
  const lang = useLang();
  const done = search.get("done");
  const name = (x: { fi?: string | null; sv?: string | null }) => localizedString(x, lang);
  const errorFor = (key: string) =>
    actionData?.target === key ? (actionData.errors as Record<string, string>) : undefined;
  return (
    <div>
      <h1>{t("moderation.title")}</h1>
      <p className="lead">{t("moderation.lead")}</p>
      {done && !actionData ? (
        <p className="notice notice-success" role="status">
          {t(`moderation.done.${done === "return" || done === "review" ? done : "approve"}`)}
        </p>
      ) : null}

      <section aria-labelledby="mod-artists">
        <h2 id="mod-artists">{t("moderation.profiles", { count: artists.length })}</h2>
        {artists.length === 0 ? <p className="empty">{t("moderation.nothing")}</p> : null}
        {artists.map((a) => (
          <article key={a.id} className="card moderation-item" aria-labelledby={`artist-${a.id}-name`}>
            <h3 id={`artist-${a.id}-name`}>{a.name}</h3>
            <p className="card-meta">
              {t(`kind.${a.kind}`)} · {a.artForms.map(name).join(", ")} ·{" "}
              {a.changed ? t("moderation.changedLive") : t("state.submitted")} · {formatDateTime(lang, a.updatedAt)}
            </p>
            <div className="side-by-side">
              <div>
                <h4>{t("field.bioFi")}</h4>
                {a.bio.fi ? <p lang="fi">{a.bio.fi}</p> : <p className="missing-mark">{t("me.missing.fi")}</p>}
              </div>
              <div>
                <h4>{t("field.bioSv")}</h4>
                {a.bio.sv ? <p lang="sv">{a.bio.sv}</p> : <p className="missing-mark">{t("me.missing.sv")}</p>}
              </div>
            </div>
            {a.changed ? (
              <p>
                <Link to={`/${lang}/artists/${a.id}`}>{t("moderation.seePublic")}</Link>
              </p>
            ) : null}
            <Decision
              entity="artist"
              id={a.id}
              version={a.version}
              changed={a.changed}
              label={a.name}
              errors={errorFor(`artist-${a.id}`)}
            />
          </article>
        ))}
      </section>

      <section aria-labelledby="mod-services">
        <h2 id="mod-services">{t("moderation.services", { count: services.length })}</h2>
        {services.length === 0 ? <p className="empty">{t("moderation.nothing")}</p> : null}
        {services.map((s) => {
          const title = name(s.title) || t("untitled");
          return (
            <article key={s.id} className="card moderation-item" aria-labelledby={`service-${s.id}-title`}>
              <h3 id={`service-${s.id}-title`}>
                <LocalizedText value={s.title} emptyText={t("untitled")} />
              </h3>
              <p className="card-meta">
                {s.artistName} ({t(`state.${s.artistState}`)}) · {t(`format.${s.format}`)} ·{" "}
                {s.targetGroups.map((g) => name(g.name)).join(", ")} ·{" "}
                {s.languages.map((l) => t(`language.${l}`)).join(", ")} ·{" "}
                {s.state === "approved" ? t("moderation.changedLive") : t("state.submitted")}
              </p>
              <div className="side-by-side">
                <div>
                  <h4>{t("service.descriptionFi")}</h4>
                  {s.description.fi ? (
                    <p lang="fi">{s.description.fi}</p>
                  ) : (
                    <p className="missing-mark">{t("me.missing.fi")}</p>
                  )}
                </div>
                <div>
                  <h4>{t("service.descriptionSv")}</h4>
                  {s.description.sv ? (
                    <p lang="sv">{s.description.sv}</p>
                  ) : (
                    <p className="missing-mark">{t("me.missing.sv")}</p>
                  )}
                </div>
              </div>
              <Decision
                entity="service"
                id={s.id}
                version={s.version}
                changed={s.state === "approved"}
                label={title}
                errors={errorFor(`service-${s.id}`)}
              />
            </article>
          );
        })}
      </section>
      <PendingRevisions items={pilotRevisions} />
    </div>
  );
}

function Decision({
  entity,
  id,
  version,
  changed,
  label,
  errors,
}: {
  entity: "artist" | "service";
  id: number;
  version: number;
  changed: boolean;
  label: string;
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation("artists");
  const reasonId = `reason-${entity}-${id}`;
  // The return form is checked in the browser too (a reason is required); the server's answer is
  // this item's only when it was about this item.
  const result = useMemo(() => (errors ? { errors } : undefined), [errors]);
  const checked = useValidatedForm(loadModerationSchema, result, { id: `return-${entity}-${id}` });
  const reasonError = checked.errors?.reason;
  return (
    <div className="decision">
      {errors?._form ? (
        <p className="error-text" role="alert">
          {errorText(t, errors._form)}
        </p>
      ) : null}
      <Form method="post" className="inline-form">
        <input type="hidden" name="entity" value={entity} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <button
          type="submit"
          name="intent"
          value={changed ? "review" : "approve"}
          className="button"
          aria-label={t(changed ? "moderation.reviewNamed" : "moderation.approveNamed", { name: label })}
        >
          {t(changed ? "moderation.review" : "moderation.approve")}
        </button>
      </Form>
      <Form method="post" className="return-form" {...checked.formProps}>
        <input type="hidden" name="entity" value={entity} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <div className={`field ${reasonError ? "field-error" : ""}`}>
          <label htmlFor={reasonId}>{t("moderation.reasonFor", { name: label })}</label>
          {reasonError ? (
            <p className="error-text" id={`${reasonId}-error`}>
              {errorText(t, reasonError)}
            </p>
          ) : null}
          <textarea
            id={reasonId}
            name="reason"
            rows={2}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${reasonId}-error` : undefined}
          />
        </div>
        <button
          type="submit"
          name="intent"
          value="return"
          className="button button-secondary"
          aria-label={t("moderation.returnNamed", { name: label })}
        >
          {t("moderation.return")}
        </button>
      </Form>
    </div>
  );
}
