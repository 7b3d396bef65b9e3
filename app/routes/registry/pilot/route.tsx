import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRouteLoaderData,
  useSearchParams,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { getPilot } from "~db/queries/pilots.server";
import { continuationStatusCodes } from "~db/queries/continuation-checks.server";
import { JsonLd } from "~/components/json-ld";
import { LocalizedText } from "~/components/localized-text";
import { lazyPart } from "~/components/lazy-part";
import { getI18n, isLang } from "~/i18n";
import type { RootData } from "~/root";
import { publicUrl } from "~/utils/email.server";
import { formatDate } from "~/utils/format";
import { pilotJsonLd } from "~/utils/json-ld";
import { requireId, requireLang } from "~/utils/lang.server";
import { localizedString } from "~/utils/localized";
import { can, notFound, personalAccess, pilotVisibility, requirePilotEditor } from "~/utils/permissions.server";
import { handleReviewIntent, isReviewIntent, loadReview } from "~/utils/pilot-review.server";
import { assertSameOrigin } from "~/utils/security.server";
import { getUser } from "~/utils/session.server";
import type { RenderMemoHandle } from "~/utils/render-memo.server";
import { useLang } from "~/utils/use-lang";
import { errorText } from "~/utils/messages";
import { todayIso } from "~shared/dates";
import { PilotFacts } from "./facts";
import {
  ActivitySection,
  ArtistsSection,
  ContinuationTimeline,
  FundingSection,
  GoodPracticeSection,
  Section,
  SourcesSection,
} from "./sections";
import { workflowAction } from "./workflow-action.server";

/**
 * The forms only editors and the council see, in a chunk of their own (docs/decisions/151): a visitor's
 * first load does not fetch them; the server renders them for those who see them.
 */
const loadStaffForms = () => import("./staff-forms");
const CheckForm = lazyPart(() => loadStaffForms().then((m) => m.CheckForm));
const WorkflowActions = lazyPart(() => loadStaffForms().then((m) => m.WorkflowActions));
const PilotReview = lazyPart(() => loadStaffForms().then((m) => m.PilotReview));
const UnpublishForm = lazyPart(() => loadStaffForms().then((m) => m.UnpublishForm));
const seesStaffForms = (data: { canEdit: boolean; council: boolean }) => data.canEdit || data.council;
function preloadStaffForms() {
  return Promise.all([CheckForm, WorkflowActions, PilotReview, UnpublishForm].map((part) => part.preload()));
}
/** Stable empty values for the memoized forms' props. */
const NONE: Record<string, string> = {};

/**
 * An anonymous visitor's page is rendered once for the same pilot data and URL (docs/decisions/157):
 * what it shows comes from its loader data and today's date only.
 */
export const handle: RenderMemoHandle = { renderMemo: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const id = requireId(params.id);
  const user = await getUser(request);
  const db = await getDb();
  const pilot = await getPilot(db, id, await pilotVisibility(user), await personalAccess(user));
  if (!pilot) notFound();
  const canEdit = await can.editPilot(user, id);
  return {
    // The council's return comment is for the pilot's editors, not every viewer of the draft.
    pilot: canEdit ? pilot : { ...pilot, returnComment: null },
    canEdit,
    council: can.publish(user),
    statuses: canEdit ? await continuationStatusCodes(db) : [],
    // A published pilot's pending edit: for its editors and the council only (the public sees the approved version).
    review: canEdit ? await loadReview(db, id, lang) : null,
    title: localizedString(pilot.title, lang),
    // Structured data for search engines: published pilots only, from what the public sees.
    jsonLd: pilot.state === "published" ? pilotJsonLd(pilot, lang, publicUrl()) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const id = requireId(params.id);
  const user = await requirePilotEditor(request, lang, id);
  const formData = await request.formData();
  if (isReviewIntent(formData.get("intent")))
    return handleReviewIntent(request, await getDb(), lang, user, id, formData);
  return workflowAction(await getDb(), lang, id, user, formData);
}

/** A navigation to the page as staff waits for their forms' chunk rather than showing the page without them. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  if (seesStaffForms(data)) await preloadStaffForms();
  return data;
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => {
  const t = getI18n(isLang(params.lang) ? params.lang : "fi").t;
  return [{ title: `${data?.title || t("pilots:untitled")} – ${t("serviceName")}` }];
};

const DONE = {
  saved: "actions.saved",
  submitted: "actions.submitted",
  published: "actions.published",
  returnedDone: "actions.returnedDone",
  checkAdded: "checkForm.added",
  checkCorrected: "checkEdit.corrected",
  checkDeleted: "checkEdit.deleted",
  revisionSaved: "revision.saved",
  revisionApproved: "revision.approved",
  revisionReturned: "revision.returnedDone",
  unpublished: "revision.unpublished",
} as const;

export default function PilotPage() {
  const { pilot: p, canEdit, council, statuses, review, jsonLd } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const done = search.get("done") as keyof typeof DONE | null;
  const errors = (actionData?.errors ?? NONE) as Record<string, string>;
  const posted = (actionData?.values ?? NONE) as Record<string, string>;
  const busy = navigation.state === "submitting";
  const root = useRouteLoaderData("root") as RootData | undefined;
  // On the page's first load, the chunk is fetched while the page hydrates (before React reaches the forms).
  if (typeof document !== "undefined" && seesStaffForms({ canEdit, council })) void preloadStaffForms();
  return (
    <article className="pilot">
      {jsonLd ? <JsonLd data={jsonLd} /> : null}
      <p className="breadcrumbs">
        <Link to={`/${lang}/pilots`}>{t("list.title")}</Link>
      </p>
      <LocalizedText value={p.title} as="h1" emptyText={t("untitled")} />
      <p className="card-meta">
        {p.state !== "published" ? <span className={`badge badge-${p.state}`}>{t(`state.${p.state}`)}</span> : null}
        {p.isExample ? <span className="badge badge-example">{t("example")}</span> : null}
      </p>
      {done && DONE[done] ? (
        <p className="notice notice-success" role="status">
          {t(DONE[done])}
        </p>
      ) : null}
      {errors._form ? (
        <p className="notice notice-warning" role="alert">
          {errorText(t, errors._form)}
        </p>
      ) : null}
      {p.state === "draft" && p.returnComment ? (
        <p className="notice notice-warning">{t("actions.returnedComment", { comment: p.returnComment })}</p>
      ) : null}
      <div className="toolbar no-print">
        {canEdit ? (
          <Link className="button" to={`/${lang}/pilots/${p.id}/edit`}>
            {t("actions.edit")}
          </Link>
        ) : null}
        <PrintButton label={t("actions.print")} />
        {canEdit && p.state === "draft" ? (
          <Link className="button button-secondary" to={`/${lang}/pilots/${p.id}/delete`}>
            {t("actions.delete")}
          </Link>
        ) : null}
      </div>
      {council && p.state === "submitted" ? (
        <WorkflowActions
          version={p.version}
          busy={busy}
          comment={posted.comment}
          error={actionData?.intent === "return" ? errors.comment : undefined}
        />
      ) : null}
      {review ? (
        <PilotReview review={review} version={p.version} council={council} busy={busy} posted={actionData} />
      ) : null}
      {council && p.state === "published" ? (
        <UnpublishForm version={p.version} busy={busy} posted={actionData} />
      ) : null}
      {/* The easy-to-read summary comes first, for the readers who need it most; another language's is marked. */}
      {p.easyRead.fi || p.easyRead.sv ? (
        <section aria-labelledby="easy-read" className="easy-read">
          <h2 id="easy-read">{t("section.easyRead")}</h2>
          <LocalizedText value={p.easyRead} as="div" className="text" />
        </section>
      ) : null}
      <LocalizedText value={p.summary} as="p" className="lead" />

      <PilotFacts pilot={p} />

      <Section id="description" title={t("section.description")}>
        <LocalizedText value={p.description} as="div" className="text" emptyText={t("missingText")} />
      </Section>

      <Section id="continuation" title={t("section.continuation")}>
        <ContinuationTimeline pilot={p} editable={canEdit} />
        {canEdit ? (
          // A new key after every saved check: the form starts empty instead of keeping the last check's values.
          <CheckForm
            key={p.checks.map((c) => `${c.id}.${c.version}`).join()}
            statuses={statuses}
            posted={posted}
            result={actionData?.intent === "addCheck" ? actionData : undefined}
            busy={busy}
          />
        ) : null}
      </Section>

      <FundingSection pilot={p} />

      <ArtistsSection pilot={p} />

      <ActivitySection pilot={p} />

      <GoodPracticeSection pilot={p} />

      <SourcesSection pilot={p} />
      {p.contactEmail || p.contactName ? (
        <Section id="contact" title={t("section.contact")}>
          <p>
            {p.contactName} {p.contactEmail ? <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a> : null}
          </p>
          {canEdit && !p.contactPublic ? <p className="hint">{t("contactNotPublic")}</p> : null}
        </Section>
      ) : null}
      <p className="print-only muted">
        {t("actions.printedFrom", {
          date: formatDate(lang, todayIso()),
          url: `${root?.origin ?? ""}/${lang}/pilots/${p.id}`,
        })}
      </p>
    </article>
  );
}

/** Opens the browser's print dialog; without JavaScript the browser's own print command uses the same print styles. */
function PrintButton({ label }: { label: string }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <button type="button" className="button button-secondary js-only" onClick={() => window.print()}>
      {label}
    </button>
  );
}
