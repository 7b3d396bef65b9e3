import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { type ClientLoaderFunctionArgs, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { contactAddress, getPublicArtist } from "~db/queries/artist-directory.server";
import { JsonLd } from "~/components/json-ld";
import { lazyPart } from "~/components/lazy-part";
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

/**
 * The contact form, for those who may contact artists only, in a chunk of its own (docs/decisions/151):
 * a visitor's first load does not fetch it; the server renders it for those who see it.
 */
const ContactForm = lazyPart(() => import("./contact-form").then((m) => m.ContactForm));
const seesContactForm = (data: { canContact: boolean; artist: { contactable: boolean } }) =>
  data.canContact && data.artist.contactable;

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

/** A navigation to the page by one who may contact waits for the form's chunk rather than showing the page without it. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  if (seesContactForm(data)) await ContactForm.preload();
  return data;
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
  const { t } = useTranslation("artists");
  const lang = useLang();
  // On the page's first load, the form's chunk is fetched while the page hydrates (before React reaches it).
  if (typeof document !== "undefined" && seesContactForm({ canContact, artist: a })) void ContactForm.preload();
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
            <ContactForm result={actionData} message={actionData?.message} busy={navigation.state === "submitting"} />
          )
        ) : (
          <p>{signedIn ? t("contactForm.onlyStaff") : t("contactForm.signIn")}</p>
        )}
      </section>
    </article>
  );
}
