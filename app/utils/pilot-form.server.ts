/**
 * The create and edit routes share this: loading the form and handling its POST (validation,
 * scope, version check, save with audit). See docs/decisions/020 and 021.
 */
import { data, redirect } from "@remix-run/node";
import { workflowMail } from "./workflow-mail.server";
import { getDb } from "~db/client.server";
import { artistNames } from "~db/queries/artist-directory.server";
import { changesSince, loadFormOptions, loadPilotInput } from "~db/queries/pilot-form-data.server";
import { createPilot, updatePilot } from "~db/queries/pilot-write.server";
import { getRevision, saveRevision } from "~db/queries/pilot-revisions.server";
import type { PilotState } from "~shared/codes";
import { SWITCH_LANGUAGE, type Lang } from "~/i18n";
import { INT4_MAX } from "./validators";
import { formValues, parseSubmission, replyWithErrors } from "./forms";
import { isCouncil, staffScope, type Viewer } from "./permissions.server";
import { checkedComplete, pilotSchema, type FormValues, type PilotInput } from "./pilot-form";
import { inputToValues } from "./pilot-form-values";
import { municipalityLabel, municipalityLookup } from "./pilot-municipalities";

export async function formOptions() {
  const db = await getDb();
  return loadFormOptions(db);
}

/** A staff member may only save a pilot that stays in their scope (else they could no longer see it). */
async function outOfScope(user: NonNullable<Viewer>, input: PilotInput) {
  if (isCouncil(user)) return false;
  const scope = await staffScope(user.id);
  const munis = [input.leadMunicipality, ...input.municipalities].filter(Boolean) as string[];
  if (munis.some((m) => scope.municipalities.includes(m))) return false;
  if (input.implementer != null && scope.organisations.includes(input.implementer)) return false;
  return true;
}

/** The fields whose saved value differs from what the user posted. */
function differing(a: PilotInput, b: PilotInput) {
  return (Object.keys(a) as (keyof PilotInput)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** Prefill for a new pilot: a staff member's first municipality as the lead. */
export async function newPilotValues(
  user: NonNullable<Viewer>,
  lang: Lang,
  options: Awaited<ReturnType<typeof formOptions>>,
): Promise<FormValues> {
  if (isCouncil(user)) return {};
  const scope = await staffScope(user.id);
  const first = options.municipalities.find((m) => m.code === scope.municipalities[0]);
  return first ? { leadMunicipality: municipalityLabel(first.name, lang) } : {};
}

export async function editPilotValues(id: number, lang: Lang, options: Awaited<ReturnType<typeof formOptions>>) {
  const db = await getDb();
  const approved = await loadPilotInput(db, id);
  if (!approved) return null;
  // A pending or returned revision is what the editors work on (docs/decisions/070).
  const revision = await getRevision(db, id);
  const current = revision ? { ...approved, input: revision.input } : approved;
  const names = new Map(options.municipalities.map((m) => [m.code, municipalityLabel(m.name, lang)]));
  // An employed artist who is not (or no longer) approved in the directory stays selectable, so saving keeps the row.
  const missing = current.input.employments
    .map((e) => e.artistId)
    .filter((a): a is number => a != null && !options.artists.some((o) => o.id === a));
  if (missing.length) {
    options.artists.push(...(await artistNames(db, missing)));
  }
  return {
    ...current,
    revision: revision && { state: revision.state, returnComment: revision.returnComment },
    values: inputToValues(current.input, lang, (c) => names.get(c) ?? c),
  };
}

/** Handles the POST of the create (id null) or edit form. The caller has checked origin, language and permission. */
export async function handlePilotForm(request: Request, lang: Lang, user: NonNullable<Viewer>, id: number | null) {
  const db = await getDb();
  const formData = await request.formData();
  const form = formValues(formData) as FormValues;
  // The language switch posts the form to the other language's page: it comes back filled in, unsaved
  // and unchecked (the version it started from is kept, so a later save still meets the version check).
  if (form.intent === SWITCH_LANGUAGE) {
    delete form.intent;
    const posted = typeof form.version === "string" && /^\d{1,9}$/.test(form.version) ? Number(form.version) : null;
    return data({
      errors: {},
      values: form,
      conflict: null,
      version: posted ?? undefined,
      reply: undefined,
      carried: true,
    });
  }
  const intent = form.intent === "submit" ? "submit" : "save";
  delete form.intent;
  const options = await loadFormOptions(db);
  const current = id == null ? null : await loadPilotInput(db, id);
  if (id != null && !current) throw data({ status: 404 }, { status: 404 });
  // A pending revision's artists stay selectable like the saved pilot's (the form started from it).
  const revision = id == null ? null : await getRevision(db, id);
  const from: PilotState | "new" = current?.state ?? "new";
  const state: PilotState = from === "new" || from === "draft" ? (intent === "submit" ? "submitted" : "draft") : from;
  const parsed = parseSubmission(
    formData,
    pilotSchema({ lookup: municipalityLookup(options.municipalities), complete: checkedComplete(from, intent), lang }),
  );
  const values = form;
  if (!parsed.ok)
    return data(
      { errors: parsed.errors, values, conflict: null, version: current?.version, reply: parsed.reply },
      { status: 400 },
    );
  const input = parsed.data;
  const groups = new Set(options.targetGroups.map((g) => g.code));
  input.participants = Object.fromEntries(
    Object.entries(input.participants).filter(([code, n]) => groups.has(code) && n != null),
  );
  const valid = (codes: string[], list: { code: string }[]) => codes.every((c) => list.some((x) => x.code === c));
  // Ids too must be among what the form offers: an unknown one would fail on a foreign key, and an
  // artist not (or no longer) in the directory must not gain sight of a draft through an employment.
  const offered = (ids: (number | null)[], list: { id: number }[]) =>
    ids.every((i) => i == null || list.some((x) => x.id === i));
  const idsValid =
    offered(
      [input.implementer, ...input.partners.map((p) => p.organisationId), ...input.funding.map((f) => f.funderId)],
      options.organisations,
    ) &&
    offered(
      input.programmes.map((p) => p.programmeId),
      options.programmes,
    ) &&
    input.programmes.every(
      (p) => p.phaseId == null || options.phases.some((ph) => ph.id === p.phaseId && ph.programmeId === p.programmeId),
    ) &&
    offered(
      input.employments.map((e) => e.artistId),
      [
        ...options.artists,
        ...[...(current?.input.employments ?? []), ...(revision?.input.employments ?? [])].flatMap((e) =>
          e.artistId == null ? [] : [{ id: e.artistId }],
        ),
      ],
    );
  if (
    !idsValid ||
    !valid(input.sectors, options.sectors) ||
    !valid(input.targetGroups, options.targetGroups) ||
    !valid(input.artForms, options.artForms)
  ) {
    return data(
      {
        errors: { _form: "validation.invalid" },
        values,
        conflict: null,
        version: current?.version,
        reply: replyWithErrors(undefined, { _form: "validation.invalid" }),
      },
      { status: 400 },
    );
  }
  if (await outOfScope(user, input)) {
    return data(
      {
        errors: { leadMunicipality: "pilots:validation.outOfScope" },
        values,
        conflict: null,
        version: current?.version,
        reply: replyWithErrors(undefined, { leadMunicipality: "pilots:validation.outOfScope" }),
      },
      { status: 400 },
    );
  }
  if (id == null) {
    const newId = await createPilot(db, input, { userId: user.id, state, notify: workflowMail(user) });
    return redirect(`/${lang}/pilots/${newId}?done=${state === "submitted" ? "submitted" : "saved"}`);
  }
  const version = Number(form.version);
  if (typeof form.version !== "string" || !/^\d{1,10}$/.test(form.version) || version > INT4_MAX)
    throw data({ status: 400 }, { status: 400 });
  // Staff edits of a published pilot wait for the council's approval; the council's own apply at once.
  const asRevision = from === "published" && !isCouncil(user);
  const result = asRevision
    ? await saveRevision(db, id, version, input, user.id)
    : await updatePilot(db, id, version, input, { userId: user.id, state, notify: workflowMail(user) });
  if (!result.ok) {
    const changes = await changesSince(db, id, version);
    return data(
      {
        errors: {},
        values,
        conflict: { changes, differing: differing(result.current.input, input) },
        version: result.current.version,
        reply: undefined,
      },
      { status: 409 },
    );
  }
  const done = asRevision ? "revisionSaved" : state === "submitted" && from === "draft" ? "submitted" : "saved";
  return redirect(`/${lang}/pilots/${id}?done=${done}`);
}
