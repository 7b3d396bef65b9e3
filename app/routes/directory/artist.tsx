import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { contactAddress, getPublicArtist } from "~db/queries/artist-directory.server";
import { ErrorSummary, Field } from "~/components/field";
import { JsonLd } from "~/components/json-ld";
import { LocalizedText } from "~/components/localized-text";
import { getI18n, isLang } from "~/i18n";
import { ContactSchema } from "~/utils/artist-schemas";
import { audit } from "~db/audit.server";
import { deliverEmail, publicUrl, queueEmail } from "~/utils/email.server";
import { collator, formatNumber, priceParts } from "~/utils/format";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireId, requireLang } from "~/utils/lang.server";
import { artistJsonLd } from "~/utils/json-ld";
import { localizedString } from "~/utils/localized";
import { can, forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { getUser } from "~/utils/session.server";
import { actionKey, countAttempt, throttleHeaders, tooManyRequests } from "~db/queries/throttle.server";
import { useLang } from "~/utils/use-lang";
import { useValidatedForm } from "~/utils/use-validated-form";

/** The schema, for the browser's check of the form (loaded when it is needed). */
const loadContactSchema = () => import("~/utils/artist-schemas").then((m) => m.ContactSchema);

export const headers = throttleHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const db = await getDb();
  const [artist, user] = await Promise.all([getPublicArtist(db, requireId(params.id)), getUser(request)]);
  if (!artist) notFound();
  return {
    artist,
    canContact: can.contactArtists(user),
    signedIn: Boolean(user),
    jsonLd: artistJsonLd(artist, lang, publicUrl()),
  };
}

/** The contact form: a message to the artist through the outbox, without showing their address. */
export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const id = requireId(params.id);
  const user = await requireUser(request, lang);
  if (!can.contactArtists(user)) forbidden();
  const db = await getDb();
  const target = await contactAddress(db, id);
  if (!target) notFound();
  const formData = await request.formData();
  const form = formValues(formData);
  const parsed = parseSubmission(formData, ContactSchema);
  if (!parsed.ok)
    return data({ errors: parsed.errors, message: String(form.message ?? ""), sent: false }, { status: 400 });
  if (!target.to)
    return data(
      {
        errors: { _form: "artists:contactForm.unreachable" } as Record<string, string>,
        message: parsed.data.message,
        sent: false,
      },
      { status: 400 },
    );
  // A few messages per sender, then a wait (docs/decisions/066).
  const wait = await countAttempt(db, actionKey("contact", user.id));
  if (wait)
    return tooManyRequests(wait, {
      errors: { _form: "common:throttle.tooMany" } as Record<string, string>,
      message: parsed.data.message,
      sent: false,
    });
  const t = getI18n(target.language).t;
  const email = {
    kind: "contact",
    to: target.to,
    language: target.language,
    subject: t("artists:contactForm.emailSubject", { name: target.name }),
    body: t("artists:contactForm.emailBody", {
      sender: user.name || user.email,
      replyTo: user.email,
      message: parsed.data.message,
    }),
  };
  const outboxId = await db.transaction(async (tx) => {
    const mailId = await queueEmail(tx, email);
    await audit(tx, {
      userId: user.id,
      action: "contact",
      entityType: "artist",
      entityId: id,
      after: { outboxId: mailId },
    });
    return mailId;
  });
  await deliverEmail(db, outboxId, email);
  return { errors: undefined, message: "", sent: true };
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => {
  const t = getI18n(isLang(params.lang) ? params.lang : "fi").t;
  return [{ title: `${data?.artist.name ?? ""} – ${t("serviceName")}` }];
};

/** A service's indicative price: "250 €–1 250,50 €", "200 €", or "from 200 €". */
function Price({ s }: { s: { priceFromCents: number | null; priceToCents: number | null } }) {
  const lang = useLang();
  const { t } = useTranslation("artists");
  if (s.priceFromCents == null) return null;
  const p = priceParts(lang, s.priceFromCents, s.priceToCents);
  if (p.kind === "single") return <>{p.price}</>;
  if (p.kind === "from") return <>{t("priceFromOnly", { from: p.from })}</>;
  return <>{t("priceRange", { from: p.from, to: p.to })}</>;
}

export default function ArtistPage() {
  const { artist: a, canContact, signedIn, jsonLd } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  // The contact form is checked in the browser with the action's schema too.
  const contact = useValidatedForm(loadContactSchema, actionData?.sent ? undefined : actionData);
  const { t } = useTranslation("artists");
  const lang = useLang();
  return (
    <article>
      <JsonLd data={jsonLd} />
      <p className="breadcrumbs">
        <Link to={`/${lang}/artists`}>{t("list.title")}</Link>
      </p>
      <h1>{a.name}</h1>
      <p className="card-meta">{t(`kind.${a.kind}`)}</p>
      <LocalizedText value={a.bio} as="p" className="lead" emptyText={t("noBio")} />
      <dl className="facts">
        <dt>{t("artForms")}</dt>
        <dd>{a.artForms.map((f) => localizedString(f, lang)).join(", ")}</dd>
        <dt>{t("languages")}</dt>
        <dd>{a.languages.map((l) => t(`language.${l}`)).join(", ")}</dd>
        <dt>{t("area")}</dt>
        <dd>
          {/* Regions first, then municipalities, each in the page language's alphabetical order. */}
          {[a.regions, a.municipalities]
            .flatMap((list) => list.map((m) => localizedString(m, lang)).sort(collator(lang).compare))
            .join(", ")}
        </dd>
        {a.website ? (
          <>
            <dt>{t("website")}</dt>
            <dd>
              <a href={a.website} rel="noopener noreferrer">
                {a.website}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t("contact")}</dt>
        <dd>
          {a.contact ? (
            <>
              {a.contact.email ? <a href={`mailto:${a.contact.email}`}>{a.contact.email}</a> : null} {a.contact.phone}
            </>
          ) : (
            t("noContactConsent")
          )}
        </dd>
      </dl>
      <section aria-labelledby="services">
        <h2 id="services">{t("services")}</h2>
        {a.services.length === 0 ? (
          <p className="empty">{t("noServices")}</p>
        ) : (
          <ul className="card-list">
            {a.services.map((s) => (
              <li key={s.id} className="card">
                <LocalizedText value={s.title} as="h3" emptyText={t("untitled")} />
                <p className="card-meta">
                  {t(`format.${s.format}`)}
                  {s.durationMinutes ? ` · ${t("minutes", { n: s.durationMinutes })}` : ""}
                  {s.groupSizeMax ? ` · ${t("groupSize", { min: s.groupSizeMin ?? 1, max: s.groupSizeMax })}` : ""}
                  {" · "}
                  {s.priceOnRequest || s.priceFromCents == null ? t("priceOnRequest") : <Price s={s} />}
                </p>
                <p className="card-meta">
                  {t("filters.targetGroup")}: {s.targetGroups.map((g) => localizedString(g.name, lang)).join(", ")} ·{" "}
                  {t("service.languages")}: {s.languages.map((l) => t(`language.${l}`)).join(", ")}
                  {s.artForm ? ` · ${localizedString(s.artForm, lang)}` : ""}
                </p>
                <LocalizedText value={s.description} as="p" />
                {s.season.fi || s.season.sv ? (
                  <p>
                    {t("service.season")}: <LocalizedText value={s.season} />
                  </p>
                ) : null}
                {s.accessibility.fi || s.accessibility.sv ? (
                  <p>
                    {t("accessibility")}: <LocalizedText value={s.accessibility} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="pilots">
        <h2 id="pilots">{t("pilots", { count: a.pilots.length })}</h2>
        {a.pilots.length ? (
          <p>
            {t("pilotSummary", { count: a.pilots.length })}
            {a.totalDays != null ? ` ${t("daysSummary", { n: formatNumber(lang, a.totalDays, 1) })}` : ""}
          </p>
        ) : null}
        {a.pilots.length === 0 ? (
          <p className="empty">{t("noPilots")}</p>
        ) : (
          <ul>
            {a.pilots.map((p) => (
              <li key={p.id}>
                <Link to={`/${lang}/pilots/${p.id}`}>
                  <LocalizedText value={p.title} />
                </Link>
                {p.days != null ? ` (${t("days", { n: formatNumber(lang, p.days, 1) })})` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="contact-form">
        <h2 id="contact-form">{t("contactForm.title")}</h2>
        {!a.contactable ? (
          <p>{t("contactForm.unreachable")}</p>
        ) : canContact ? (
          actionData?.sent ? (
            <p className="notice notice-success" role="status">
              {t("contactForm.sent")}
            </p>
          ) : (
            <Form method="post" className="stacked-form" {...contact.formProps}>
              <p className="hint">{t("contactForm.explain")}</p>
              <ErrorSummary errors={contact.errors} labels={{ message: t("contactForm.message") }} />
              <Field
                name="message"
                label={t("contactForm.message")}
                multiline
                rows={6}
                required
                defaultValue={actionData?.message}
                error={contact.errors?.message}
              />
              <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                {t("contactForm.send")}
              </button>
            </Form>
          )
        ) : (
          <p>{signedIn ? t("contactForm.onlyStaff") : t("contactForm.signIn")}</p>
        )}
      </section>
    </article>
  );
}
