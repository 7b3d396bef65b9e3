/**
 * On the pilot page: a published pilot's pending edit beside the approved version, field by field,
 * with the council's approve and return; and the council's withdrawal of a published pilot
 * (docs/decisions/070, 071). Plain forms: they work without JavaScript.
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Review } from "~/utils/pilot-review.server";
import { formatDateTime } from "~/utils/format";
import { useLang } from "~/utils/use-lang";
import { Field } from "./field";
import { LocalizedText } from "./localized-text";

type Posted = { intent?: string; errors?: Record<string, string>; values?: Record<string, unknown> } | undefined;

function Lines({ lines }: { lines: string[] }) {
  const { t } = useTranslation("pilots");
  if (!lines.length) return <span className="muted">{t("revision.empty")}</span>;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="plain-list">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat; their order is their identity
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

export function PilotReview({
  review,
  version,
  council,
  busy,
  posted,
}: {
  review: Review;
  version: number;
  council: boolean;
  busy: boolean;
  posted: Posted;
}) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  const errors = posted?.intent === "returnRevision" ? (posted.errors ?? {}) : {};
  return (
    <section aria-labelledby="revision" className="workflow revision no-print">
      <h2 id="revision">{t("revision.title")}</h2>
      {review.state === "returned" ? (
        <>
          <p className="notice notice-warning">{t("revision.returnedIntro", { comment: review.returnComment })}</p>
          <p>{t("revision.returnedHint")}</p>
        </>
      ) : (
        <p>{t("revision.pendingIntro", { name: review.author, date: formatDateTime(lang, review.updatedAt) })}</p>
      )}
      {review.rows.length === 0 ? (
        <p>{t("revision.noDifferences")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="revision-diff" tabIndex={0}>
          <table className="diff-table">
            <caption id="revision-diff">{t("revision.diffCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("revision.field")}</th>
                <th scope="col">{t("revision.approvedVersion")}</th>
                <th scope="col">{t("revision.proposedVersion")}</th>
              </tr>
            </thead>
            <tbody>
              {review.rows.map((row) => (
                <tr key={row.field}>
                  <th scope="row">{row.label}</th>
                  <td>
                    <del>
                      <Lines lines={row.before} />
                    </del>
                  </td>
                  <td>
                    <ins>
                      <Lines lines={row.after} />
                    </ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {council && review.state === "pending" ? (
        <>
          <Form method="post" className="inline-form">
            <input type="hidden" name="version" value={version} />
            <button type="submit" name="intent" value="approveRevision" className="button" disabled={busy}>
              {t("revision.approve")}
            </button>
          </Form>
          <Form method="post" noValidate>
            <input type="hidden" name="version" value={version} />
            <Field
              name="comment"
              label={t("revision.returnComment")}
              multiline
              rows={3}
              defaultValue={posted?.intent === "returnRevision" ? String(posted.values?.comment ?? "") : undefined}
              error={errors.comment}
            />
            <button
              type="submit"
              name="intent"
              value="returnRevision"
              className="button button-secondary"
              disabled={busy}
            >
              {t("revision.return")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

/** The council's withdrawal of a published pilot, with the reason the editors are told. */
export function UnpublishForm({ version, busy, posted }: { version: number; busy: boolean; posted: Posted }) {
  const { t } = useTranslation("pilots");
  const errors = posted?.intent === "unpublish" ? (posted.errors ?? {}) : {};
  return (
    <section aria-labelledby="unpublish" className="workflow no-print">
      <h2 id="unpublish">{t("revision.unpublishTitle")}</h2>
      <p>{t("revision.unpublishHint")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="version" value={version} />
        <Field
          name="reason"
          label={t("revision.unpublishReason")}
          multiline
          rows={3}
          defaultValue={posted?.intent === "unpublish" ? String(posted.values?.reason ?? "") : undefined}
          error={errors.reason}
        />
        <button type="submit" name="intent" value="unpublish" className="button button-secondary" disabled={busy}>
          {t("revision.unpublish")}
        </button>
      </Form>
    </section>
  );
}

/** Above the edit form when it holds a published pilot's pending (or returned) edit. */
export function RevisionNote({
  revision,
  council,
}: {
  revision: { state: "pending" | "returned"; returnComment: string | null };
  council: boolean;
}) {
  const { t } = useTranslation("pilots");
  return (
    <>
      {revision.state === "returned" ? (
        <p className="notice notice-warning">{t("revision.returnedIntro", { comment: revision.returnComment })}</p>
      ) : null}
      <p className="notice">{t(council ? "revision.councilEditingNote" : "revision.editingNote")}</p>
    </>
  );
}

/** The council's queue of published pilots whose edits wait for approval (on the moderation page). */
export function PendingRevisions({
  items,
}: {
  items: {
    pilotId: number;
    title: { fi?: string | null; sv?: string | null };
    updatedAt: string | Date;
    authorName: string | null;
  }[];
}) {
  const { t } = useTranslation("pilots");
  const lang = useLang();
  return (
    <section aria-labelledby="pending-revisions">
      <h2 id="pending-revisions">{t("revision.queueTitle")}</h2>
      {items.length === 0 ? (
        <p className="empty">{t("revision.queueEmpty")}</p>
      ) : (
        <ul>
          {items.map((r) => (
            <li key={r.pilotId}>
              <Link to={`/${lang}/pilots/${r.pilotId}#revision`}>
                <LocalizedText value={r.title} emptyText={t("untitled")} />
              </Link>{" "}
              {t("revision.queueBy", { name: r.authorName ?? "", date: formatDateTime(lang, r.updatedAt) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
