/**
 * The create and edit routes share this: loading the form and handling its POST (validation,
 * scope, version check, save with audit). See docs/decisions/020 and 021.
 */
import { data, redirect } from "@remix-run/node";
import { workflowMail } from "./workflow-mail.server";
import { getDb } from "~db/client.server";
import { artistNames } from "~db/queries/artist-directory.server";
import { changesSince, loadFormChoices, loadPilotInput } from "~db/queries/pilot-form-data.server";
import { createPilot, updatePilot } from "~db/queries/pilot-write.server";
import { getRevision, saveRevision } from "~db/queries/pilot-revisions.server";
import type { PilotState } from "~shared/codes";
import { SWITCH_LANGUAGE, type Lang } from "~/i18n";
import { type PickedArtist, rowIntent } from "./artist-picker";
import { checkChosen, employedIds, pilotEmployedIds, rowErrors, rowStep } from "./artist-picker.server";
import { INT4_MAX } from "./validators";
import { formValues, parseSubmission, replyWithErrors } from "./forms";
import { isCouncil, staffScope, type Viewer } from "./permissions.server";
import { checkedComplete, pilotSchema, type FormValues, type PilotInput } from "./pilot-form";
import { inputToValues } from "./pilot-form-values";
import { municipalityLabel, municipalityLookup } from "./pilot-municipalities";

/** The form's choices; of the artists, only those its values name (none yet: the rows search them). */
export async function formOptions() {
  const db = await getDb();
  return { ...(await loadFormChoices(db)), artists: [] as PickedArtist[] };
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
  // The employed artists' names, whatever their state: an artist no longer in the directory stays, so saving keeps the row.
  options.artists.push(...(await artistNames(db, [...employedIds(current.input)])));
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
  // The language switch posts the form to the other language's page, and an employment row's search or
  // change without JavaScript to the same page: it comes back filled in, unsaved and unchecked (the
  // version it started from is kept, so a later save still meets the version check).
  const step = rowIntent(form.intent);
  if (form.intent === SWITCH_LANGUAGE || step) {
    delete form.intent;
    const posted = typeof form.version === "string" && /^\d{1,9}$/.test(form.version) ? Number(form.version) : null;
    const { values, artistSearch } = step ? await rowStep(db, lang, form, step) : { values: form, artistSearch: null };
    const { artists } = await checkChosen(db, values, await pilotEmployedIds(db, id));
    return data({
      errors: {},
      values,
      conflict: null,
      version: posted ?? undefined,
      reply: undefined,
      artists,
      artistSearch,
      ...(step ? {} : { carried: true }),
    });
  }
  const intent = form.intent === "submit" ? "submit" : "save";
  delete form.intent;
  const options = await loadFormChoices(db);
  const current = id == null ? null : await loadPilotInput(db, id);
  if (id != null && !current) throw data({ status: 404 }, { status: 404 });
  // A pending revision's artists stay allowed like the saved pilot's (the form started from it).
  const revision = id == null ? null : await getRevision(db, id);
  const { artists, refused } = await checkChosen(db, form, employedIds(current?.input, revision?.input));
  const from: PilotState | "new" = current?.state ?? "new";
  const state: PilotState = from === "new" || from === "draft" ? (intent === "submit" ? "submitted" : "draft") : from;
  const parsed = parseSubmission(
    formData,
    pilotSchema({ lookup: municipalityLookup(options.municipalities), complete: checkedComplete(from, intent), lang }),
  );
  const values = form;
  // An artist who may not be saved, or a search left unchosen, is the row's error (not a failed foreign key).
  const pickErrors = rowErrors(values, refused);
  const picked = Object.keys(pickErrors).length > 0;
  if (!parsed.ok || picked) {
    const errors = { ...pickErrors, ...(parsed.ok ? {} : parsed.errors) };
    const reply = parsed.ok
      ? replyWithErrors(undefined, errors)
      : picked
        ? replyWithErrors(parsed.reply, errors)
        : parsed.reply;
    return data({ errors, values, conflict: null, version: current?.version, reply, artists }, { status: 400 });
  }
  const input = parsed.data;
  const groups = new Set(options.targetGroups.map((g) => g.code));
  input.participants = Object.fromEntries(
    Object.entries(input.participants).filter(([code, n]) => groups.has(code) && n != null),
  );
  const valid = (codes: string[], list: { code: string }[]) => codes.every((c) => list.some((x) => x.code === c));
  // Ids too must be among what the form offers: an unknown one would fail on a foreign key. (An artist
  // not in the directory, who must not gain sight of a draft through an employment, is refused above.)
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
        artists,
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
        artists,
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
        artists,
      },
      { status: 409 },
    );
  }
  const done = asRevision ? "revisionSaved" : state === "submitted" && from === "draft" ? "submitted" : "saved";
  return redirect(`/${lang}/pilots/${id}?done=${done}`);
}
